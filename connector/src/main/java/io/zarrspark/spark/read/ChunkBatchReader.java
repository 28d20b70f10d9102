package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.vector.ChunkValueVector;
import io.zarrspark.spark.read.vector.IndexVector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads a range of chunks, one ColumnarBatch per chunk: value vectors wrap the decoded chunk
 * bytes (no copy when the array's chunks are the split grid's), index vectors compute each row's
 * coordinate from the chunk origin.
 */
final class ChunkBatchReader implements PartitionReader<ColumnarBatch> {
  private final Store store;
  private final ReadLayout layout;
  private final StructType required;
  private final Map<String, ZarrArray> arrays = new HashMap<>();
  private final long[] grid;
  private final int[] chunkShape;
  private long next;
  private final long end;
  private ColumnarBatch current;

  ChunkBatchReader(Store store, ReadLayout layout, StructType required, ChunkRange range) {
    this.store = store;
    this.layout = layout;
    this.required = required;
    this.grid = layout.gridShape();
    this.chunkShape = layout.chunkShape();
    this.next = range.first();
    this.end = range.end();
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        arrays.put(h.column(), h.open(store));
      }
    }
  }

  @Override
  public boolean next() {
    if (next >= end) {
      return false;
    }
    long[] coords = coordsOf(next++);
    long[] origin = new long[coords.length];
    int[] extent = new int[coords.length];
    long[] shape = layout.shape();
    for (int d = 0; d < coords.length; d++) {
      origin[d] = coords[d] * chunkShape[d];
      extent[d] = (int) Math.min(chunkShape[d], shape[d] - origin[d]);
    }
    int rows = 1;
    for (int e : extent) {
      rows = Math.multiplyExact(rows, e);
    }
    String[] dims = layout.dimensionNames();
    StructField[] fields = required.fields();
    ColumnVector[] vectors = new ColumnVector[fields.length];
    for (int i = 0; i < fields.length; i++) {
      int dim = Arrays.asList(dims).indexOf(fields[i].name());
      if (dim >= 0) {
        vectors[i] = new IndexVector(dim, origin, extent);
      } else {
        ZarrArray a = arrays.get(fields[i].name());
        vectors[i] = valueVector(a, coords, origin, extent, fields[i].dataType());
      }
    }
    current = new ColumnarBatch(vectors, rows);
    return true;
  }

  private ColumnVector valueVector(ZarrArray a, long[] coords, long[] origin, int[] extent,
      org.apache.spark.sql.types.DataType sparkType) {
    NdArray data;
    if (Arrays.equals(a.grid().chunkShape(), chunkShape)) {
      data = a.readChunk(coords);
    } else {
      data = a.read(origin, extent);
    }
    return new ChunkValueVector(sparkType, a.metadata().dataType(), data, extent);
  }

  private long[] coordsOf(long linear) {
    long[] c = new long[grid.length];
    for (int d = grid.length - 1; d >= 0; d--) {
      c[d] = linear % grid[d];
      linear /= grid[d];
    }
    return c;
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public void close() {
    current = null;
  }
}
