package io.zarrspark.spark.read.filter;

import java.math.BigDecimal;

/** A dimension without a coordinate array: its values are 0 .. size-1. */
public final class IndexValues implements DimensionValues {
  private static final long serialVersionUID = 1L;

  private final long size;

  public IndexValues(long size) {
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public IndexRanges compare(String op, Object literal) {
    if (!(literal instanceof Number) || literal instanceof Double && !Double.isFinite((Double) literal)
        || literal instanceof Float && !Float.isFinite((Float) literal)) {
      return null;
    }
    BigDecimal v = new BigDecimal(literal.toString());
    // Clamp to a range where long arithmetic is safe; indices live in [0, size).
    BigDecimal lo = BigDecimal.valueOf(-1);
    BigDecimal hi = BigDecimal.valueOf(size);
    BigDecimal c = v.max(lo).min(hi);
    boolean integral = v.stripTrailingZeros().scale() <= 0 && v.compareTo(c) == 0;
    long floor = c.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    long ceil = c.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    switch (op) {
      case "=":
      case "<=>":
        return integral ? IndexRanges.range(floor, floor + 1, size) : IndexRanges.none();
      case "<>":
        return integral ? IndexRanges.range(floor, floor + 1, size).complement(size) : IndexRanges.all(size);
      case "<":
        return IndexRanges.range(0, ceil, size);
      case "<=":
        return IndexRanges.range(0, floor + 1, size);
      case ">":
        return IndexRanges.range(floor + 1, size, size);
      case ">=":
        return IndexRanges.range(ceil, size, size);
      default:
        return null;
    }
  }
}
