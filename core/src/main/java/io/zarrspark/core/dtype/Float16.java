package io.zarrspark.core.dtype;

/**
 * IEEE 754 binary16 conversions (JDK 17 has none). Rounding is to nearest, ties to even, done
 * once from the double so that no double rounding through float can occur.
 */
public final class Float16 {
  private Float16() {}

  public static float toFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      // Inf or NaN; keep the payload in the top mantissa bits.
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      if (mant == 0) {
        return Float.intBitsToFloat(sign);
      }
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  public static short fromDouble(double d) {
    long bits = Double.doubleToRawLongBits(d);
    int sign = (int) ((bits >>> 48) & 0x8000);
    long exp = (bits >>> 52) & 0x7ff;
    long mant = bits & 0xfffffffffffffL;
    if (exp == 0x7ff) {
      if (mant == 0) {
        return (short) (sign | 0x7c00);
      }
      int payload = (int) (mant >>> 42);
      return (short) (sign | 0x7c00 | (payload == 0 ? 0x200 : payload));
    }
    double a = Math.abs(d);
    if (a >= 65520.0) {
      return (short) (sign | 0x7c00);
    }
    if (a < 0x1p-25) {
      // Below half the smallest subnormal: rounds to zero (exactly half rounds to even, i.e. zero).
      return (short) sign;
    }
    int e = Math.getExponent(a);
    if (e < -14) {
      // Subnormal half: value = m * 2^-24, m in [1, 1023].
      long m = roundHalfEven(a * 0x1p24);
      return (short) (sign | (int) m);
    }
    // Normal: scale mantissa to 10 bits.
    double scaled = a * Math.scalb(1.0, 10 - e);
    long m = roundHalfEven(scaled);
    int he = e + 15;
    if (m == 2048) {
      m = 1024;
      he++;
    }
    if (he >= 31) {
      return (short) (sign | 0x7c00);
    }
    return (short) (sign | (he << 10) | (int) (m - 1024));
  }

  private static long roundHalfEven(double x) {
    return (long) Math.rint(x);
  }
}
