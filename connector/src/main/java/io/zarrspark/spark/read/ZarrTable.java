package io.zarrspark.spark.read;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.ZarrOptions;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A Zarr array or group as a Spark table. */
public final class ZarrTable implements SupportsRead {
  private final ZarrOptions options;
  private final StoreSpec storeSpec;
  private final ReadLayout layout;

  private ZarrTable(ZarrOptions options, StoreSpec storeSpec, ReadLayout layout) {
    this.options = options;
    this.storeSpec = storeSpec;
    this.layout = layout;
  }

  public static ZarrTable open(ZarrOptions options) {
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    StoreSpec spec = new StoreSpec(options.path(), conf);
    FileSystemStore store = spec.open();
    return new ZarrTable(options, new StoreSpec(store.root().toString(), conf), ReadLayout.resolve(store, options.path(), options));
  }

  @Override
  public String name() {
    return "zarr.`" + options.path() + "`";
  }

  @Override
  public StructType schema() {
    return layout.schema();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new ZarrScanBuilder(storeSpec, layout, options);
  }
}
