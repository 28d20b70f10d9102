package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.vector.ChunkValueVector;
import io.zarrspark.spark.read.vector.IndexVector;
import io.zarrspark.spark.read.vector.RowLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads a range of selected chunks, one ColumnarBatch per chunk: value vectors wrap the decoded
 * chunk bytes (no copy when the array's chunks are the split grid's), index vectors compute each
 * row's coordinate from the chunk origin.
 */
final class ChunkBatchReader implements PartitionReader<ColumnarBatch> {
  private final ReadLayout layout;
  private final StructType required;
  private final Selection selection;
  private final Map<String, ZarrArray> coordinates = new HashMap<>();
  private final String[] dims;
  private long next;
  private final long end;
  private long remaining;
  private ColumnarBatch current;
  private final ChunkFetcher fetcher;

  ChunkBatchReader(Store store, ReadLayout layout, StructType required, Selection selection, ChunkRange range, int limit) {
    this.layout = layout;
    this.required = required;
    this.selection = selection;
    this.dims = layout.dimensionNames();
    this.next = range.first();
    this.end = range.end();
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    this.fetcher = new ChunkFetcher(store, layout, required);
    for (ArrayHandle h : layout.coordinateHandles()) {
      coordinates.put(h.path(), h.open(store));
    }
  }

  @Override
  public boolean next() {
    while (next < end && remaining > 0) {
      long[] coords = selection.chunkAt(next++);
      long[] origin = fetcher.origin(coords);
      int[] extent = fetcher.extent(origin);
      int[][] maps = new int[coords.length][];
      for (int d = 0; d < coords.length; d++) {
        maps[d] = selection.localIndices(d, coords[d]);
      }
      RowLayout rows = new RowLayout(extent, maps);
      if (rows.rows() == 0) {
        continue;
      }
      StructField[] fields = required.fields();
      ColumnVector[] vectors = new ColumnVector[fields.length];
      for (int i = 0; i < fields.length; i++) {
        int dim = Arrays.asList(dims).indexOf(fields[i].name());
        if (dim >= 0) {
          vectors[i] = layout.dimensionVector(dim, origin, rows, extent, coordinates);
        } else {
          vectors[i] = fetcher.column(fields[i].name(), coords, origin, extent, rows);
        }
      }
      int n = (int) Math.min(rows.rows(), remaining);
      remaining -= n;
      current = new ColumnarBatch(vectors, n);
      return true;
    }
    return false;
  }

  @Override
  public ColumnarBatch get() {
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
