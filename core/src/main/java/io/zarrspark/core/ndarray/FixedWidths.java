package io.zarrspark.core.ndarray;

import io.zarrspark.core.dtype.DataType;

/**
 * Re-expressing fixed-length string arrays ({@code U<n>}, {@code S<n>}) at another length. numpy
 * pads these types with NULs, so widening copies each element and zero-fills the new tail: the
 * values read back are unchanged. Used when chunks were encoded before the array's final length
 * was known.
 */
public final class FixedWidths {
  private FixedWidths() {}

  /** A copy of {@code src} as elements of {@code target}, which must be the same kind and no shorter. */
  public static NdArray widen(NdArray src, DataType target) {
    DataType from = src.type();
    boolean strings = from.kind() == DataType.Kind.UNICODE || from.kind() == DataType.Kind.BYTES;
    if (!strings || target.kind() != from.kind() || target.byteSize() < from.byteSize()) {
      throw new IllegalArgumentException("cannot widen " + from + " to " + target);
    }
    NdArray out = NdArray.allocate(target, src.shape());
    int a = from.byteSize();
    int b = target.byteSize();
    byte[] in = src.data();
    byte[] dst = out.data();
    long n = src.size();
    for (long i = 0; i < n; i++) {
      System.arraycopy(in, (int) (i * a), dst, (int) (i * b), a);
    }
    return out;
  }
}
