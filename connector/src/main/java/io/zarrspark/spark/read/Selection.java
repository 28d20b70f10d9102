package io.zarrspark.spark.read;

import io.zarrspark.spark.read.filter.IndexRanges;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The box a scan reads: per dimension, the selected indices and the chunks that hold any of
 * them. Splits are ranges of positions in the C-order enumeration of the selected chunks, so a
 * split is two numbers whatever the number of chunks.
 */
public final class Selection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] shape;
  private final int[] chunkShape;
  private final IndexRanges[] ranges;
  private final long[][] chunks;

  private Selection(long[] shape, int[] chunkShape, IndexRanges[] ranges) {
    this.shape = shape.clone();
    this.chunkShape = chunkShape.clone();
    this.ranges = ranges;
    this.chunks = new long[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      long n = (shape[d] + chunkShape[d] - 1) / chunkShape[d];
      long[] tmp = new long[(int) Math.min(n, Integer.MAX_VALUE - 8)];
      int k = 0;
      for (long c = 0; c < n; c++) {
        if (ranges[d].intersects(c * chunkShape[d], Math.min(shape[d], (c + 1) * chunkShape[d]))) {
          tmp[k++] = c;
        }
      }
      chunks[d] = Arrays.copyOf(tmp, k);
    }
  }

  public static Selection of(long[] shape, int[] chunkShape, Map<Integer, IndexRanges> constraints) {
    IndexRanges[] r = new IndexRanges[shape.length];
    for (int d = 0; d < shape.length; d++) {
      IndexRanges all = IndexRanges.all(shape[d]);
      r[d] = constraints.containsKey(d) ? constraints.get(d).intersect(all) : all;
    }
    return new Selection(shape, chunkShape, r);
  }

  public int rank() {
    return shape.length;
  }

  /** Number of chunks holding selected elements. */
  public long chunkCount() {
    long n = 1;
    for (long[] c : chunks) {
      n = Math.multiplyExact(n, c.length);
    }
    return n;
  }

  /** Number of chunks in the whole grid. */
  public long gridChunkCount() {
    long n = 1;
    for (int d = 0; d < shape.length; d++) {
      n = Math.multiplyExact(n, (shape[d] + chunkShape[d] - 1) / chunkShape[d]);
    }
    return n;
  }

  /** Number of selected elements (rows). */
  public long rowCount() {
    long n = 1;
    for (IndexRanges r : ranges) {
      n = Math.multiplyExact(n, r.count());
    }
    return n;
  }

  /** Chunk coordinates of the {@code position}-th selected chunk in C order. */
  public long[] chunkAt(long position) {
    long[] c = new long[chunks.length];
    long p = position;
    for (int d = chunks.length - 1; d >= 0; d--) {
      c[d] = chunks[d][(int) (p % chunks[d].length)];
      p /= chunks[d].length;
    }
    return c;
  }

  /**
   * The selected indices of one chunk along {@code dim}, relative to the chunk origin, or null
   * when they are the chunk's whole in-bounds extent (the fast, contiguous case).
   */
  public int[] localIndices(int dim, long chunk) {
    long lo = chunk * chunkShape[dim];
    long hi = Math.min(shape[dim], lo + chunkShape[dim]);
    IndexRanges r = ranges[dim];
    if (r.rangeCount() == 1 && r.start(0) <= lo && r.end(0) >= hi) {
      return null;
    }
    return r.localIndices(lo, hi);
  }

  public long[] shape() {
    return shape.clone();
  }

  public int[] chunkShape() {
    return chunkShape.clone();
  }

  public IndexRanges ranges(int dim) {
    return ranges[dim];
  }
}
