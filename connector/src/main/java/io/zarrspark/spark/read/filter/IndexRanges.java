package io.zarrspark.spark.read.filter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of indices along one dimension as sorted, disjoint, non-adjacent half-open ranges
 * [start, end). Filters on a dimension become such sets; their set algebra mirrors AND/OR/NOT.
 */
public final class IndexRanges implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] starts;
  private final long[] ends;

  private IndexRanges(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  public static IndexRanges all(long size) {
    return size <= 0 ? none() : new IndexRanges(new long[] {0}, new long[] {size});
  }

  public static IndexRanges none() {
    return new IndexRanges(new long[0], new long[0]);
  }

  /** [lo, hi) clipped to [0, size). */
  public static IndexRanges range(long lo, long hi, long size) {
    long a = Math.max(0, lo);
    long b = Math.min(size, hi);
    return a >= b ? none() : new IndexRanges(new long[] {a}, new long[] {b});
  }

  /** Normalises arbitrary ranges (merging overlaps and neighbours). */
  public static IndexRanges of(List<long[]> ranges, long size) {
    List<long[]> rs = new ArrayList<>();
    for (long[] r : ranges) {
      long a = Math.max(0, r[0]);
      long b = Math.min(size, r[1]);
      if (a < b) {
        rs.add(new long[] {a, b});
      }
    }
    rs.sort((x, y) -> Long.compare(x[0], y[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : rs) {
      if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1]) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r.clone());
      }
    }
    long[] s = new long[merged.size()];
    long[] e = new long[merged.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = merged.get(i)[0];
      e[i] = merged.get(i)[1];
    }
    return new IndexRanges(s, e);
  }

  public int rangeCount() {
    return starts.length;
  }

  public long start(int i) {
    return starts[i];
  }

  public long end(int i) {
    return ends[i];
  }

  public boolean isEmpty() {
    return starts.length == 0;
  }

  public long count() {
    long n = 0;
    for (int i = 0; i < starts.length; i++) {
      n += ends[i] - starts[i];
    }
    return n;
  }

  public boolean coversAll(long size) {
    return starts.length == 1 && starts[0] == 0 && ends[0] >= size || size == 0;
  }

  public IndexRanges union(IndexRanges o, long size) {
    List<long[]> all = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      all.add(new long[] {starts[i], ends[i]});
    }
    for (int i = 0; i < o.starts.length; i++) {
      all.add(new long[] {o.starts[i], o.ends[i]});
    }
    return of(all, size);
  }

  public IndexRanges intersect(IndexRanges o) {
    List<long[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < starts.length && j < o.starts.length) {
      long a = Math.max(starts[i], o.starts[j]);
      long b = Math.min(ends[i], o.ends[j]);
      if (a < b) {
        out.add(new long[] {a, b});
      }
      if (ends[i] < o.ends[j]) {
        i++;
      } else {
        j++;
      }
    }
    return of(out, Long.MAX_VALUE);
  }

  public IndexRanges complement(long size) {
    List<long[]> out = new ArrayList<>();
    long prev = 0;
    for (int i = 0; i < starts.length; i++) {
      out.add(new long[] {prev, starts[i]});
      prev = ends[i];
    }
    out.add(new long[] {prev, size});
    return of(out, size);
  }

  /** The indices of [lo, hi) that are in the set, relative to lo. */
  public int[] localIndices(long lo, long hi) {
    int n = 0;
    for (int i = 0; i < starts.length; i++) {
      n += (int) Math.max(0, Math.min(ends[i], hi) - Math.max(starts[i], lo));
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < starts.length; i++) {
      for (long x = Math.max(starts[i], lo); x < Math.min(ends[i], hi); x++) {
        out[k++] = (int) (x - lo);
      }
    }
    return out;
  }

  /** Whether any index of [lo, hi) is in the set. */
  public boolean intersects(long lo, long hi) {
    int idx = Arrays.binarySearch(ends, lo + 1);
    int i = idx >= 0 ? idx : -idx - 1;
    // ends are sorted; the first range ending after lo decides.
    while (i < starts.length && ends[i] <= lo) {
      i++;
    }
    return i < starts.length && starts[i] < hi;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRanges && Arrays.equals(starts, ((IndexRanges) o).starts)
        && Arrays.equals(ends, ((IndexRanges) o).ends);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts) * 31 + Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < starts.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('[').append(starts[i]).append(", ").append(ends[i]).append(')');
    }
    return sb.append('}').toString();
  }
}
