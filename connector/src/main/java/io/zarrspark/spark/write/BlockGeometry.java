package io.zarrspark.spark.write;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The unit one task writes (a chunk, or a shard when sharded) and how its id is computed. The id
 * is the block's C-order position in a grid of {@code capacity} blocks per dimension: the real
 * chunk grid when the final shape is fixed before the write, otherwise a grid big enough for any
 * index a write can address (62 bits shared by the dimensions), since the shape is then only
 * known once every row has been seen. The V2 function {@code zarr_chunk} and the writer both use
 * {@link #id}, so Spark's clustering and the writer's notion of "the current block" agree.
 */
public final class BlockGeometry implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] block;
  private final long[] capacity;

  BlockGeometry(int[] block, long[] fixedShape) {
    this.block = block.clone();
    this.capacity = new long[block.length];
    int bits = 62 / Math.max(1, block.length);
    for (int d = 0; d < block.length; d++) {
      capacity[d] = fixedShape != null ? Math.max(1, ceilDiv(fixedShape[d], block[d])) : 1L << bits;
    }
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  public int rank() {
    return block.length;
  }

  public int[] block() {
    return block.clone();
  }

  public long[] capacity() {
    return capacity.clone();
  }

  /**
   * The block id of an element from {@code args} = block shape, capacity, then the indices (the
   * V2 function's argument order), or -1 for an index no block holds (negative, or beyond the
   * capacity): such rows are reported by the writer, which names them.
   */
  public static long id(long[] args) {
    int r = args.length / 3;
    long id = 0;
    for (int d = 0; d < r; d++) {
      long i = args[2 * r + d];
      long c = args[d];
      long g = args[r + d];
      if (i < 0 || c <= 0) {
        return -1;
      }
      long q = i / c;
      if (q >= g) {
        return -1;
      }
      id = id * g + q;
    }
    return id;
  }

  /** Block coordinates of an element index, or null if outside the capacity. */
  long[] blockOf(long[] index, long[] out) {
    for (int d = 0; d < block.length; d++) {
      long q = index[d] / block[d];
      if (index[d] < 0 || q >= capacity[d]) {
        return null;
      }
      out[d] = q;
    }
    return out;
  }

  long idOfBlock(long[] coords) {
    long id = 0;
    for (int d = 0; d < coords.length; d++) {
      id = id * capacity[d] + coords[d];
    }
    return id;
  }

  long[] coordsOf(long id) {
    long[] c = new long[capacity.length];
    for (int d = capacity.length - 1; d >= 0; d--) {
      c[d] = id % capacity[d];
      id /= capacity[d];
    }
    return c;
  }

  /** C-order element offset of {@code index} inside its block. */
  int offsetInBlock(long[] index) {
    long off = 0;
    for (int d = 0; d < block.length; d++) {
      off = off * block[d] + index[d] % block[d];
    }
    return (int) off;
  }

  int blockElements() {
    long n = 1;
    for (int b : block) {
      n *= b;
    }
    return (int) n;
  }

  @Override
  public String toString() {
    return "blocks " + Arrays.toString(block) + " in a grid of " + Arrays.toString(capacity);
  }
}
