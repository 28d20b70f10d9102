package io.zarrspark.spark;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.catalog.PathIdentifier;
import io.zarrspark.spark.catalog.ZarrCatalog;
import io.zarrspark.spark.read.ZarrTable;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.SupportsCatalogOptions;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code format("zarr")}: the entry point Spark finds through ServiceLoader. Reads and writes by
 * path go through the {@link ZarrCatalog} ({@code SupportsCatalogOptions}): writes need its
 * function catalog for their chunk clustering, and save modes need a catalog to be honoured.
 */
public final class ZarrDataSource implements SupportsCatalogOptions, DataSourceRegister {

  @Override
  public String shortName() {
    return "zarr";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return ZarrTable.open(ZarrOptions.parse(options)).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return ZarrTable.open(ZarrOptions.parse(properties));
  }

  /** The path, qualified (so that a relative path names one table), carrying the options. */
  @Override
  public Identifier extractIdentifier(CaseInsensitiveStringMap options) {
    ZarrOptions o = ZarrOptions.parse(options);
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    o.hadoopOptions().forEach(conf::set);
    String qualified = new FileSystemStore(o.path(), conf).root().toString();
    return new PathIdentifier(qualified, options.asCaseSensitiveMap());
  }

  @Override
  public String extractCatalog(CaseInsensitiveStringMap options) {
    return ZarrCatalog.register();
  }
}
