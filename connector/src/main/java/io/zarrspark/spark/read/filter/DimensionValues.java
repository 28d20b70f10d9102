package io.zarrspark.spark.read.filter;

import java.io.Serializable;

/**
 * The values a dimension column takes along its dimension: the index itself, or the values of a
 * coordinate array. Comparisons with a literal become the set of indices where they hold.
 */
public interface DimensionValues extends Serializable {

  long size();

  /** Indices where {@code value op literal} holds; null if the literal cannot be compared. */
  IndexRanges compare(String op, Object literal);

  /** Indices whose value equals one of {@code literals}; null if they cannot be compared. */
  default IndexRanges in(Object[] literals) {
    IndexRanges out = IndexRanges.none();
    for (Object l : literals) {
      IndexRanges r = compare("=", l);
      if (r == null) {
        return null;
      }
      out = out.union(r, size());
    }
    return out;
  }
}
