package io.zarrspark.spark.read;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** COUNT(*) answered from metadata: the selection's element count, no chunk read. */
final class CountScan implements LocalScan {
  private final long count;

  CountScan(long count) {
    this.count = count;
  }

  @Override
  public InternalRow[] rows() {
    return new InternalRow[] {new GenericInternalRow(new Object[] {count})};
  }

  @Override
  public StructType readSchema() {
    return new StructType().add("count", DataTypes.LongType, false);
  }

  @Override
  public String description() {
    return "ZarrCountScan(" + count + " rows, from metadata)";
  }
}
