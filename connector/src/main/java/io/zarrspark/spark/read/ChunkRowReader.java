package io.zarrspark.spark.read;

import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.vector.RowLayout;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;

import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;

/** {@code layout=chunks}: one row per chunk, each array's in-bounds values as an array column. */
final class ChunkRowReader implements PartitionReader<InternalRow> {
  private final StructType required;
  private final Selection selection;
  private final ChunkFetcher fetcher;
  private long next;
  private final long end;
  private long remaining;
  private InternalRow current;

  ChunkRowReader(Store store, ReadLayout layout, StructType required, Selection selection, ChunkRange range, int limit) {
    this.required = required;
    this.selection = selection;
    this.fetcher = new ChunkFetcher(store, layout, required);
    this.next = range.first();
    this.end = range.end();
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
  }

  @Override
  public boolean next() {
    if (next >= end || remaining <= 0) {
      return false;
    }
    remaining--;
    long[] coords = selection.chunkAt(next++);
    long[] origin = fetcher.origin(coords);
    int[] extent = fetcher.extent(origin);
    StructField[] fields = required.fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      switch (fields[i].name()) {
        case "chunk":
          values[i] = UnsafeArrayData.fromPrimitiveArray(coords);
          break;
        case "origin":
          values[i] = UnsafeArrayData.fromPrimitiveArray(origin);
          break;
        case "shape":
          values[i] = UnsafeArrayData.fromPrimitiveArray(extent);
          break;
        default:
          RowLayout rows = new RowLayout(extent, new int[extent.length][]);
          ColumnVector v = fetcher.column(fields[i].name(), coords, origin, extent, rows);
          values[i] = VectorArrays.toArrayData(v, rows.rows(), ((ArrayType) fields[i].dataType()).elementType());
      }
    }
    current = new GenericInternalRow(values);
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return fetcher.metrics();
  }

  @Override
  public void close() {
    current = null;
  }

}
