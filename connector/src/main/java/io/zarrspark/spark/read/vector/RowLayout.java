package io.zarrspark.spark.read.vector;

/**
 * How a batch's rows map to a chunk's elements: rows enumerate, in C order, the selected local
 * indices of each dimension (all of the in-bounds extent, or a filtered subset).
 */
public final class RowLayout {
  private final int[] counts;
  private final int[][] maps;
  /**
   * Per dimension, the rows between consecutive indices of it (the product of the later
   * dimensions' counts): {@link #local} is then one division per call instead of a chain of one
   * per later dimension, which dimension columns pay on every row.
   */
  private final int[] rowStrides;
  private final int rows;
  private final boolean identity;

  /**
   * @param extent in-bounds extent of the chunk per dimension
   * @param maps per dimension the selected local indices, or null for all of the extent
   */
  public RowLayout(int[] extent, int[][] maps) {
    this.maps = maps.clone();
    this.counts = new int[extent.length];
    this.rowStrides = new int[extent.length];
    long n = 1;
    boolean id = true;
    for (int d = extent.length - 1; d >= 0; d--) {
      counts[d] = maps[d] == null ? extent[d] : maps[d].length;
      id &= maps[d] == null;
      // Saturated: a stride beyond int range means a layout with no rows (else rows() throws), never looked up.
      rowStrides[d] = (int) Math.min(n, Integer.MAX_VALUE);
      n *= counts[d];
    }
    this.rows = Math.toIntExact(n);
    this.identity = id;
  }

  public int rows() {
    return rows;
  }

  public int rank() {
    return counts.length;
  }

  /** Whether rows are exactly the extent in C order (no selection inside the chunk). */
  public boolean isIdentity() {
    return identity;
  }

  /** Number of selected indices along {@code dim}. */
  public int count(int dim) {
    return counts[dim];
  }

  /** The selected local indices along {@code dim}, or null for all of the extent; not a copy. */
  int[] map(int dim) {
    return maps[dim];
  }

  /** The local index along {@code dim} of row {@code row}. */
  public int local(int row, int dim) {
    int s = rowStrides[dim];
    int q = s == 1 ? row : row / s;
    // For the first dimension q is already below its count, as row is below the row count.
    int p = dim == 0 ? q : q % counts[dim];
    int[] m = maps[dim];
    return m == null ? p : m[p];
  }

  /** The element offset of a row in a C-order buffer with {@code strides}. */
  public long offset(int row, long[] strides) {
    long off = 0;
    for (int d = counts.length - 1; d >= 0; d--) {
      off += (long) local(row, d) * strides[d];
    }
    return off;
  }
}
