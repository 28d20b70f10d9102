package io.zarrspark.core.codec.builtin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Byte reordering between the little-endian in-memory form and a stored byte order. */
public final class Endian {
  private Endian() {}

  /**
   * Reverses the bytes of each {@code unit}-byte group of {@code src} into a new array. The JDK's
   * bulk buffer transfers between views of opposite order do this without a per-byte loop.
   */
  public static byte[] swap(byte[] src, int offset, int length, int unit) {
    byte[] out = new byte[length];
    ByteBuffer in = ByteBuffer.wrap(src, offset, length).slice();
    ByteBuffer o = ByteBuffer.wrap(out);
    switch (unit) {
      case 1:
        System.arraycopy(src, offset, out, 0, length);
        break;
      case 2:
        o.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(in.order(ByteOrder.BIG_ENDIAN).asShortBuffer());
        break;
      case 4:
        o.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(in.order(ByteOrder.BIG_ENDIAN).asIntBuffer());
        break;
      case 8:
        o.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(in.order(ByteOrder.BIG_ENDIAN).asLongBuffer());
        break;
      default:
        for (int i = 0; i < length; i += unit) {
          for (int j = 0; j < unit; j++) {
            out[i + j] = src[offset + i + unit - 1 - j];
          }
        }
    }
    return out;
  }

  public static ByteOrder parse(String s) {
    if ("little".equals(s)) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    if ("big".equals(s)) {
      return ByteOrder.BIG_ENDIAN;
    }
    throw new IllegalArgumentException("endian must be \"little\" or \"big\", got " + s);
  }

  public static String name(ByteOrder order) {
    return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
  }
}
