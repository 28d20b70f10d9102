package io.zarrspark.spark.write;

/**
 * The default chunk shape: about 4 MiB of decoded elements (so 1-8 MiB in practice), spread evenly
 * over the dimensions, except that a dimension whose extent is known and smaller gets its extent
 * and leaves its share of the budget to the others.
 */
final class AutoChunks {
  private AutoChunks() {}

  static final long TARGET_BYTES = 4L << 20;
  /** Bytes assumed per string or binary element, whose length is not known before the write. */
  static final int ASSUMED_STRING_BYTES = 64;

  static int[] of(int rank, int elementBytes, long[] knownShape) {
    double budget = Math.max(1, TARGET_BYTES / Math.max(1, elementBytes));
    int[] out = new int[rank];
    boolean[] done = new boolean[rank];
    int open = rank;
    boolean changed = true;
    while (changed && open > 0) {
      changed = false;
      double side = Math.pow(budget, 1.0 / open);
      for (int d = 0; d < rank; d++) {
        if (!done[d] && knownShape != null && knownShape[d] < side) {
          out[d] = (int) Math.max(1, knownShape[d]);
          budget = Math.max(1, budget / out[d]);
          done[d] = true;
          open--;
          changed = true;
        }
      }
    }
    double side = open > 0 ? Math.pow(budget, 1.0 / open) : 1;
    for (int d = 0; d < rank; d++) {
      if (!done[d]) {
        out[d] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(side + 1e-9)));
      }
    }
    return out;
  }

  /** Chunks inside a shard: the largest divisor of each shard side not above the default. */
  static int[] within(int[] shards, int[] auto) {
    int[] out = new int[shards.length];
    for (int d = 0; d < shards.length; d++) {
      int c = Math.min(shards[d], auto[d]);
      while (shards[d] % c != 0) {
        c--;
      }
      out[d] = c;
    }
    return out;
  }
}
