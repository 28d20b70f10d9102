package io.zarrspark.spark.read.vector;

/**
 * How a batch's rows map to a chunk's elements: rows enumerate, in C order, the selected local
 * indices of each dimension (all of the in-bounds extent, or a filtered subset).
 */
public final class RowLayout {
  private final int[] counts;
  private final int[][] maps;
  private final int rows;
  private final boolean identity;

  /**
   * @param extent in-bounds extent of the chunk per dimension
   * @param maps per dimension the selected local indices, or null for all of the extent
   */
  public RowLayout(int[] extent, int[][] maps) {
    this.maps = maps.clone();
    this.counts = new int[extent.length];
    long n = 1;
    boolean id = true;
    for (int d = 0; d < extent.length; d++) {
      counts[d] = maps[d] == null ? extent[d] : maps[d].length;
      id &= maps[d] == null;
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

  /** The local index along {@code dim} of row {@code row}. */
  public int local(int row, int dim) {
    int r = row;
    for (int d = counts.length - 1; d > dim; d--) {
      r /= counts[d];
    }
    int p = r % counts[dim];
    return maps[dim] == null ? p : maps[dim][p];
  }

  /** The element offset of a row in a C-order buffer with {@code strides}. */
  public long offset(int row, long[] strides) {
    long off = 0;
    int r = row;
    for (int d = counts.length - 1; d >= 0; d--) {
      int p = r % counts[d];
      r /= counts[d];
      off += (long) (maps[d] == null ? p : maps[d][p]) * strides[d];
    }
    return off;
  }
}
