package io.zarrspark.core.ndarray;

import java.util.Arrays;

/** Index arithmetic on C-order shapes, with the overflow checks that untrusted metadata needs. */
public final class Shapes {
  private Shapes() {}

  /** Number of elements of an int shape, or -1 if it would overflow a long. */
  public static long count(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        return -1;
      }
      if (d != 0 && n > Long.MAX_VALUE / d) {
        return -1;
      }
      n *= d;
    }
    return n;
  }

  /** Number of elements of a long shape, or -1 if it would overflow a long. */
  public static long count(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        return -1;
      }
      if (d != 0 && n > Long.MAX_VALUE / d) {
        return -1;
      }
      n *= d;
    }
    return n;
  }

  /** C-order strides in elements. */
  public static long[] strides(int[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  public static String toString(int[] shape) {
    return Arrays.toString(shape);
  }

  public static String toString(long[] shape) {
    return Arrays.toString(shape);
  }
}
