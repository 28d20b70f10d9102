package io.zarrspark.spark.read.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A dimension whose column shows a coordinate array's values (read once on the driver; such
 * arrays are one-dimensional and small). Values are longs (integers, timestamps in
 * microseconds) or doubles; a null value (masked fill) never satisfies a comparison.
 */
public final class CoordinateValues implements DimensionValues {
  private static final long serialVersionUID = 1L;

  private final Object[] values;

  public CoordinateValues(Object[] values) {
    this.values = values.clone();
  }

  @Override
  public long size() {
    return values.length;
  }

  @Override
  public IndexRanges compare(String op, Object literal) {
    if (!(literal instanceof Number) || literal instanceof Double && !Double.isFinite((Double) literal)
        || literal instanceof Float && !Float.isFinite((Float) literal)) {
      return null;
    }
    BigDecimal lit = new BigDecimal(literal.toString());
    List<long[]> ranges = new ArrayList<>();
    long start = -1;
    for (int i = 0; i <= values.length; i++) {
      boolean hit = i < values.length && holds(values[i], op, lit);
      if (hit && start < 0) {
        start = i;
      } else if (!hit && start >= 0) {
        ranges.add(new long[] {start, i});
        start = -1;
      }
    }
    return IndexRanges.of(ranges, values.length);
  }

  private static boolean holds(Object value, String op, BigDecimal lit) {
    if (value == null) {
      return false;
    }
    int c;
    if (value instanceof Double && ((Double) value).isNaN()) {
      // Spark orders NaN above every other value.
      c = 1;
    } else if (value instanceof Double && ((Double) value).isInfinite()) {
      c = (Double) value > 0 ? 1 : -1;
    } else {
      c = new BigDecimal(value.toString()).compareTo(lit);
    }
    switch (op) {
      case "=":
      case "<=>":
        return c == 0;
      case "<>":
        return c != 0;
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      case ">=":
        return c >= 0;
      default:
        return false;
    }
  }
}
