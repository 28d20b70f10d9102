package io.zarrspark.peers.zarrjava;

import dev.zarr.zarrjava.v3.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Deterministic test values as LE bytes: a run of special values first (extremes; for floats
 * NaN payloads, a signalling NaN, infinities, -0.0, subnormals), then seeded pseudo-random
 * values. java.util.Random's sequence (nextGaussian included) is fixed by its specification, so
 * the same seed gives the same bytes on every JVM.
 */
final class Values {
  private Values() {}

  static final long[] F32_SPECIAL = {
      0x7fc00000L, 0x7fc00001L, 0xffc00000L, 0x7f800001L, 0x7f800000L, 0xff800000L, 0x80000000L, 0x00000000L,
      0x7f7fffffL, 0xff7fffffL, 0x00800000L, 0x00000001L, 0x80000001L};
  static final long[] F64_SPECIAL = {
      0x7ff8000000000000L, 0x7ff8000000000001L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x7ff0000000000000L,
      0xfff0000000000000L, 0x8000000000000000L, 0L, 0x7fefffffffffffffL, 0xffefffffffffffffL,
      0x0010000000000000L, 1L, 0x8000000000000001L};

  static byte[] of(DataType t, int n, long seed) {
    Random r = new Random(seed);
    int size = t.getByteCount();
    ByteBuffer b = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
    long[] special = specials(t);
    for (int i = 0; i < n; i++) {
      long bits;
      if (i < special.length) {
        bits = special[i];
      } else if (t == DataType.BOOL) {
        bits = r.nextBoolean() ? 1 : 0;
      } else if (t == DataType.FLOAT32) {
        bits = Float.floatToRawIntBits((float) (r.nextGaussian() * 1000));
      } else if (t == DataType.FLOAT64) {
        bits = Double.doubleToRawLongBits(r.nextGaussian() * 1e6);
      } else {
        bits = r.nextLong();
      }
      for (int k = 0; k < size; k++) {
        b.put((byte) (bits >>> (8 * k)));
      }
    }
    return b.array();
  }

  private static long[] specials(DataType t) {
    switch (t) {
      case BOOL: return new long[] {1, 0};
      case FLOAT32: return F32_SPECIAL;
      case FLOAT64: return F64_SPECIAL;
      default:
        int bits = 8 * t.getByteCount();
        long signBit = 1L << (bits - 1);
        long allOnes = bits == 64 ? -1L : (1L << bits) - 1;
        if (t.getValue().startsWith("uint")) {
          // 0, max, the top bit alone (2^63 for uint64: the first value a signed read gets wrong), 1
          return new long[] {0, allOnes, signBit, 1, signBit + 1};
        }
        // min (sign bit alone in two's complement), max, -1, 0, 1
        return new long[] {signBit, allOnes ^ signBit, -1L, 0, 1};
    }
  }
}
