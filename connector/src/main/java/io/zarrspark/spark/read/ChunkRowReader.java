package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.vector.RowLayout;
import java.util.HashMap;
import java.util.Map;
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
  private final Map<String, ZarrArray> arrays = new HashMap<>();
  private final Map<String, ArrayHandle> handles = new HashMap<>();
  private final int[] chunkShape;
  private final long[] shape;
  private final ChunkFetcher fetcher;
  private long next;
  private final long end;
  private long remaining;
  private InternalRow current;

  ChunkRowReader(Store store, ReadLayout layout, StructType required, Selection selection, ChunkRange range, int limit) {
    this.required = required;
    this.selection = selection;
    this.chunkShape = layout.chunkShape();
    this.shape = layout.shape();
    this.fetcher = new ChunkFetcher(chunkShape);
    this.next = range.first();
    this.end = range.end();
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        arrays.put(h.column(), h.open(store));
        handles.put(h.column(), h);
      }
    }
  }

  @Override
  public boolean next() {
    if (next >= end || remaining <= 0) {
      return false;
    }
    remaining--;
    long[] coords = selection.chunkAt(next++);
    long[] origin = new long[coords.length];
    int[] extent = new int[coords.length];
    for (int d = 0; d < coords.length; d++) {
      origin[d] = coords[d] * chunkShape[d];
      extent[d] = (int) Math.min(chunkShape[d], shape[d] - origin[d]);
    }
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
          ZarrArray a = arrays.get(fields[i].name());
          RowLayout rows = new RowLayout(extent, new int[extent.length][]);
          ColumnVector v = handles.get(fields[i].name()).vector(fetcher.read(a, coords, origin, extent), rows, extent);
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
