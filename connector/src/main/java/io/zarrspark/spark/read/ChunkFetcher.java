package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.metrics.ReadMetrics;
import io.zarrspark.spark.read.vector.RowLayout;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * The arrays a reader reads, opened once, and the fetching and decoding of their data for one
 * chunk of the split grid, counted for the scan metrics. Arrays chunked like the grid are read
 * chunk by chunk (the decoded buffer is used as is); others are read as the region.
 */
final class ChunkFetcher {
  private final int[] gridChunkShape;
  private final long[] shape;
  private final Map<String, ZarrArray> arrays = new HashMap<>();
  private final Map<String, ArrayHandle> handles = new HashMap<>();
  private long chunksRead;
  private long chunksMissing;
  private long bytesRead;
  private long decodeNanos;

  ChunkFetcher(Store store, ReadLayout layout, StructType required) {
    this.gridChunkShape = layout.chunkShape();
    this.shape = layout.shape();
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        arrays.put(h.column(), h.open(store));
        handles.put(h.column(), h);
      }
    }
  }

  /** Origin of a chunk of the grid. */
  long[] origin(long[] coords) {
    long[] origin = new long[coords.length];
    for (int d = 0; d < coords.length; d++) {
      origin[d] = coords[d] * gridChunkShape[d];
    }
    return origin;
  }

  /** In-bounds extent of a chunk of the grid (smaller than the chunk shape at the edges). */
  int[] extent(long[] origin) {
    int[] extent = new int[origin.length];
    for (int d = 0; d < origin.length; d++) {
      extent[d] = (int) Math.min(gridChunkShape[d], shape[d] - origin[d]);
    }
    return extent;
  }

  /** The column of array {@code column} over the rows of one chunk. */
  ColumnVector column(String column, long[] coords, long[] origin, int[] extent, RowLayout rows) {
    return handles.get(column).vector(read(arrays.get(column), coords, origin, extent), rows, extent);
  }

  private NdArray read(ZarrArray a, long[] coords, long[] origin, int[] extent) {
    long t0 = System.nanoTime();
    NdArray data;
    if (Arrays.equals(a.grid().chunkShape(), gridChunkShape)) {
      Optional<ByteBuffer> raw = a.readRawChunk(coords);
      if (raw.isPresent()) {
        chunksRead++;
        bytesRead += raw.get().remaining();
        data = a.decodeChunk(a.chunkKey(coords), raw.get());
      } else {
        chunksMissing++;
        data = NdArray.filled(a.metadata().dataType(), a.grid().chunkShape(), a.metadata().fillValue());
      }
    } else {
      chunksRead++;
      data = a.read(origin, extent);
    }
    decodeNanos += System.nanoTime() - t0;
    return data;
  }

  CustomTaskMetric[] metrics() {
    return new CustomTaskMetric[] {
        ReadMetrics.value(ReadMetrics.CHUNKS_READ, chunksRead),
        ReadMetrics.value(ReadMetrics.CHUNKS_MISSING, chunksMissing),
        ReadMetrics.value(ReadMetrics.BYTES_READ, bytesRead),
        ReadMetrics.value(ReadMetrics.DECODE_TIME, decodeNanos / 1_000_000)};
  }
}
