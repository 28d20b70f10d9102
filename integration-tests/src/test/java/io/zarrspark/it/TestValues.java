package io.zarrspark.it;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.Float16;
import io.zarrspark.core.ndarray.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Deterministic element values for every data type, as little-endian bytes (the form NdArray
 * holds). Every third element is taken from a list of special bit patterns (NaN payloads, sNaN,
 * -0.0, subnormals, extremes, uint64 above 2^63, NaT, non-ASCII strings), so that each chunk of a
 * small array sees some of them; the others are seeded random values.
 */
final class TestValues {
  private TestValues() {}

  static final long[] F16_SPECIALS = {0x7e00, 0x7e01, 0xfe00, 0x7d00, 0x7c00, 0xfc00, 0x8000, 0x0001, 0x8001,
      0x03ff, 0x7bff, 0xfbff, 0x0400, 0x3c00, 0x0000};
  static final long[] F32_SPECIALS = {0x7fc00000L, 0x7fc00001L, 0xffc00000L, 0x7fa00000L, 0x7f800000L,
      0xff800000L, 0x80000000L, 0x00000001L, 0x80000001L, 0x007fffffL, 0x7f7fffffL, 0xff7fffffL, 0x00800000L,
      0x3f800000L, 0L};
  static final long[] F64_SPECIALS = {0x7ff8000000000000L, 0x7ff8000000000001L, 0xfff8000000000000L,
      0x7ff4000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L, 0x8000000000000000L, 1L,
      0x8000000000000001L, 0x000fffffffffffffL, 0x7fefffffffffffffL, 0xffefffffffffffffL, 0x0010000000000000L,
      0x3ff0000000000000L, 0L};
  /** numpy's NaT, the int64 minimum. */
  static final long NAT = Long.MIN_VALUE;
  static final String[] STRINGS = {"", "a", "é", "漢字", "\uD83D\uDE42", "né漢\uD83D\uDE42x", "plain ascii", "Zürich",
      "ß∂ƒ©", "x"};

  /** A dense array of {@code shape} filled with values derived from {@code seed}. */
  static NdArray array(DataType t, int[] shape, long seed) {
    NdArray a = NdArray.allocate(t, shape);
    ByteBuffer out = a.buffer();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (long i = 0; i < a.size(); i++) {
      boolean special = i % 3 == 0;
      put(out, t, (int) (i / 3), special, rnd);
    }
    return a;
  }

  private static void put(ByteBuffer out, DataType t, int k, boolean special, SplittableRandom rnd) {
    switch (t.kind()) {
      case BOOL:
        out.put((byte) (rnd.nextBoolean() ? 1 : 0));
        break;
      case INT:
      case UINT:
        putInt(out, t, k, special, rnd);
        break;
      case FLOAT:
        putFloat(out, t.byteSize(), k, special, rnd);
        break;
      case COMPLEX:
        // Real and imaginary parts take specials from different positions of the list.
        putFloat(out, t.byteSize() / 2, k, special, rnd);
        putFloat(out, t.byteSize() / 2, k + 5, special, rnd);
        break;
      case UNICODE:
        putUnicode(out, t.length(), special ? STRINGS[k % STRINGS.length] : randomString(rnd, t.length()));
        break;
      case BYTES:
      case RAW:
        for (int j = 0; j < t.byteSize(); j++) {
          // Specials: NUL bytes inside and at the end, and bytes above 0x7f.
          out.put(special ? (byte) (j % 2 == 0 ? 0x00 : 0xff - k) : (byte) rnd.nextInt(256));
        }
        break;
      case DATETIME:
      case TIMEDELTA:
        long[] times = {NAT, 0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE + 1};
        // Random times stay within a few centuries of 1970 in nanoseconds (and anything in seconds).
        out.putLong(special ? times[k % times.length] : rnd.nextLong(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L));
        break;
      default:
        throw new AssertionError(t.kind());
    }
  }

  private static void putInt(ByteBuffer out, DataType t, int k, boolean special, SplittableRandom rnd) {
    int bits = t.byteSize() * 8;
    long v;
    if (special) {
      long top = 1L << (bits - 1);
      long[] s = t.kind() == DataType.Kind.INT
          ? new long[] {-top, top - 1, 0, -1, 1, -999}
          // For uint64: 2^63, 2^63 + 1 and all ones are the values above Long.MAX_VALUE.
          : new long[] {0, top, top + 1, -1L, 1, 0x8000000000000000L | 0x0123456789abcdefL};
      v = s[k % s.length];
    } else {
      v = rnd.nextLong();
    }
    for (int j = 0; j < t.byteSize(); j++) {
      out.put((byte) (v >>> (8 * j)));
    }
  }

  private static void putFloat(ByteBuffer out, int size, int k, boolean special, SplittableRandom rnd) {
    double d = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 9));
    switch (size) {
      case 2:
        out.putShort(special ? (short) F16_SPECIALS[k % F16_SPECIALS.length] : Float16.fromDouble(d));
        break;
      case 4:
        out.putInt(special ? (int) F32_SPECIALS[k % F32_SPECIALS.length] : Float.floatToRawIntBits((float) d));
        break;
      case 8:
        out.putLong(special ? F64_SPECIALS[k % F64_SPECIALS.length] : Double.doubleToRawLongBits(d));
        break;
      default:
        throw new AssertionError(size);
    }
  }

  private static String randomString(SplittableRandom rnd, int maxChars) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(maxChars + 1);
    for (int i = 0; i < n; i++) {
      // Mostly letters, sometimes a code point from the BMP beyond Latin-1 or an astral one.
      int r = rnd.nextInt(10);
      sb.appendCodePoint(r < 6 ? 'a' + rnd.nextInt(26) : r < 9 ? 0x100 + rnd.nextInt(0xd000) : 0x1f600 + rnd.nextInt(64));
    }
    return sb.toString();
  }

  /** UTF-32LE code points, NUL-padded to {@code chars}; a longer string is cut. */
  static void putUnicode(ByteBuffer out, int chars, String s) {
    int[] cps = s.codePoints().limit(chars).toArray();
    for (int j = 0; j < chars; j++) {
      out.putInt(j < cps.length ? cps[j] : 0);
    }
  }

  /** One element's little-endian bytes of a UTF-32 string (for fill values). */
  static byte[] unicode(int chars, String s) {
    ByteBuffer b = ByteBuffer.allocate(chars * 4).order(ByteOrder.LITTLE_ENDIAN);
    putUnicode(b, chars, s);
    return b.array();
  }

  /** Little-endian bytes of a number of {@code size} bytes. */
  static byte[] le(long v, int size) {
    byte[] b = new byte[size];
    for (int j = 0; j < size; j++) {
      b[j] = (byte) (v >>> (8 * j));
    }
    return b;
  }
}
