package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.dtype.Float16;

/**
 * Float arithmetic and conversions with the NaN results numpy gets on x86-64, so that lossy
 * filters store the very bits numcodecs stores, NaNs included. x86 returns the first NaN operand
 * (quieted) and makes a negative "default NaN" for invalid operations; the JIT may swap the
 * operands of commutative operations, so NaNs are resolved here explicitly. numpy converts
 * between float16 and wider floats bit by bit (keeping signalling NaNs), and between float32 and
 * float64 with the hardware (quieting them).
 */
final class X86Float {
  private X86Float() {}

  private static final double DEFAULT_NAN = Double.longBitsToDouble(0xfff8000000000000L);

  static double add(double a, double b) {
    double r = a + b;
    return r == r ? r : nan(a, b);
  }

  static double sub(double a, double b) {
    double r = a - b;
    return r == r ? r : nan(a, b);
  }

  static double mul(double a, double b) {
    double r = a * b;
    return r == r ? r : nan(a, b);
  }

  static double div(double a, double b) {
    double r = a / b;
    return r == r ? r : nan(a, b);
  }

  /** Round half to even (np.rint, np.around); NaN keeps its sign and payload, quieted. */
  static double rint(double v) {
    return v == v ? Math.rint(v) : quiet(v);
  }

  private static double nan(double a, double b) {
    if (a != a) {
      return quiet(a);
    }
    if (b != b) {
      return quiet(b);
    }
    return DEFAULT_NAN;
  }

  private static double quiet(double v) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(v) | 0x0008000000000000L);
  }

  // ---- float16 ----

  static double halfToDouble(short h) {
    if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0) {
      // Keep NaN payloads and their quiet bit, as npy_half_to_double does.
      return Double.longBitsToDouble(((long) (h & 0x8000) << 48) | 0x7ff0000000000000L | ((long) (h & 0x3ff) << 42));
    }
    return Float16.toFloat(h);
  }

  static short doubleToHalf(double v) {
    if (v != v) {
      // npy_double_to_half keeps the top payload bits and forces a NaN if they are all zero.
      long bits = Double.doubleToRawLongBits(v);
      int m = (int) ((bits & 0xfffffffffffffL) >>> 42);
      return (short) ((int) ((bits >>> 48) & 0x8000) | 0x7c00 | (m == 0 ? 1 : m));
    }
    return Float16.fromDouble(v);
  }

  private static int halfToFloatBits(short h) {
    if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0) {
      return ((h & 0x8000) << 16) | 0x7f800000 | ((h & 0x3ff) << 13);
    }
    return Float.floatToRawIntBits(Float16.toFloat(h));
  }

  private static short floatBitsToHalf(int f) {
    if ((f & 0x7f800000) == 0x7f800000 && (f & 0x7fffff) != 0) {
      int m = (f & 0x7fffff) >>> 13;
      return (short) (((f >>> 16) & 0x8000) | 0x7c00 | (m == 0 ? 1 : m));
    }
    return Float16.fromDouble(Float.intBitsToFloat(f));
  }

  /** Converts the raw bits of a float of {@code from} bytes to one of {@code to} bytes, as numpy casts. */
  static long convertBits(long bits, int from, int to) {
    if (from == to) {
      return bits;
    }
    switch (from * 10 + to) {
      case 24: return halfToFloatBits((short) bits) & 0xffffffffL;
      case 28: return Double.doubleToRawLongBits(halfToDouble((short) bits));
      case 42: return floatBitsToHalf((int) bits) & 0xffffL;
      case 82: return doubleToHalf(Double.longBitsToDouble(bits)) & 0xffffL;
      case 48: return Double.doubleToRawLongBits(Float.intBitsToFloat((int) bits));
      case 84: return Float.floatToRawIntBits((float) Double.longBitsToDouble(bits)) & 0xffffffffL;
      default: throw new IllegalArgumentException("no float sizes " + from + " and " + to);
    }
  }
}
