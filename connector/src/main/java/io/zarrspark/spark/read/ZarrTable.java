package io.zarrspark.spark.read;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.ZarrOptions;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A Zarr array or group as a Spark table; writes go to {@code io.zarrspark.spark.write}. */
public final class ZarrTable implements SupportsRead, SupportsWrite {
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

  /** The group's attributes (JSON) and the path; each array's attributes are in its column metadata. */
  @Override
  public java.util.Map<String, String> properties() {
    return java.util.Map.of("zarr.path", storeSpec.root(), "zarr.attributes", layout.groupAttributes());
  }

  @Override
  public Set<TableCapability> capabilities() {
    // Writes map columns to arrays themselves (ACCEPT_ANY_SCHEMA), so that they can name the rows
    // whose values do not fit instead of failing on Spark's casts.
    return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.TRUNCATE,
        TableCapability.ACCEPT_ANY_SCHEMA);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new ZarrScanBuilder(storeSpec, layout, options);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new io.zarrspark.spark.write.ZarrWriteBuilder(
        new io.zarrspark.spark.write.WriteTarget(options.path(), storeSpec, java.util.Map.of(), false), info);
  }
}
