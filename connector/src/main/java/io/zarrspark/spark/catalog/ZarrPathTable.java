package io.zarrspark.spark.catalog;

import io.zarrspark.spark.write.WriteTarget;
import io.zarrspark.spark.write.ZarrWriteBuilder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A path that holds no readable Zarr group yet: a write creates it. Spark loads a table before an
 * append or overwrite even when the path does not exist, and a catalog must answer with a table,
 * so reading one fails only when a scan is planned, with the reason the path could not be read.
 */
final class ZarrPathTable implements SupportsRead, SupportsWrite {
  static final Set<TableCapability> WRITE_CAPABILITIES = EnumSet.of(TableCapability.BATCH_WRITE,
      TableCapability.TRUNCATE, TableCapability.ACCEPT_ANY_SCHEMA);

  private final WriteTarget target;
  private final StructType schema;
  private final RuntimeException readError;

  ZarrPathTable(WriteTarget target, StructType schema, RuntimeException readError) {
    this.target = target;
    this.schema = schema;
    this.readError = readError;
  }

  @Override
  public String name() {
    return "zarr.`" + target.path() + "`";
  }

  // Deprecated in Spark 4 for columns(), but the method Spark 3.5 requires.
  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    Set<TableCapability> c = EnumSet.copyOf(WRITE_CAPABILITIES);
    c.add(TableCapability.BATCH_READ);
    return c;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw readError;
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new ZarrWriteBuilder(target, info);
  }
}
