package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.spark.read.metrics.ReadMetrics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * Fetches and decodes one array's data for a chunk of the split grid, counting what it does for
 * the scan metrics. Arrays chunked like the grid are read chunk by chunk (the decoded buffer is
 * used as is); others are read as the region.
 */
final class ChunkFetcher {
  private final int[] gridChunkShape;
  private long chunksRead;
  private long chunksMissing;
  private long bytesRead;
  private long decodeNanos;

  ChunkFetcher(int[] gridChunkShape) {
    this.gridChunkShape = gridChunkShape.clone();
  }

  NdArray read(ZarrArray a, long[] coords, long[] origin, int[] extent) {
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
