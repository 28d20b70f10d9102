package io.zarrspark.core.codec.builtin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Blosc's byte shuffle and bit shuffle of one block, as c-blosc 1.21 defines them.
 *
 * <p>Byte shuffle: with n = size / typesize elements, stream j holds byte j of every element;
 * the {@code size % typesize} trailing bytes are copied as they are. Bit shuffle: for n a multiple
 * of 8, row 8j+b holds bit b of byte j of every element, element i at bit i%8 of byte i/8 of the
 * row; trailing bytes are copied; for other n the whole block is copied unchanged.
 */
final class BloscShuffle {
  private BloscShuffle() {}

  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static int le32(byte[] b, int off) {
    return (int) INT_LE.get(b, off);
  }

  static void putLe32(byte[] b, int off, int v) {
    INT_LE.set(b, off, v);
  }

  private static long le64(byte[] b, int off) {
    return (long) LONG_LE.get(b, off);
  }

  private static void putLe64(byte[] b, int off, long v) {
    LONG_LE.set(b, off, v);
  }

  // Masks selecting the low 8/16/32-bit cell of each 16/32/64-bit pair, for in-register transposes.
  private static final long M8 = 0x00FF00FF00FF00FFL;
  private static final long M16 = 0x0000FFFF0000FFFFL;
  private static final long M32 = 0x00000000FFFFFFFFL;

  static void unshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int size) {
    int n = size / ts;
    int i = 0;
    if (ts == 4) {
      int s0 = srcOff;
      int s1 = s0 + n;
      int s2 = s1 + n;
      int s3 = s2 + n;
      // Eight elements per step: four 8-byte loads, a 4x8 byte transpose, four 8-byte stores.
      for (; i + 8 <= n; i += 8) {
        long r0 = le64(src, s0 + i);
        long r1 = le64(src, s1 + i);
        long r2 = le64(src, s2 + i);
        long r3 = le64(src, s3 + i);
        long t0 = (r0 & M8) | ((r1 & M8) << 8);
        long t1 = ((r0 >>> 8) & M8) | (r1 & ~M8);
        long t2 = (r2 & M8) | ((r3 & M8) << 8);
        long t3 = ((r2 >>> 8) & M8) | (r3 & ~M8);
        long e0 = (t0 & M16) | ((t2 & M16) << 16);
        long e2 = ((t0 >>> 16) & M16) | (t2 & ~M16);
        long e1 = (t1 & M16) | ((t3 & M16) << 16);
        long e3 = ((t1 >>> 16) & M16) | (t3 & ~M16);
        // e_k holds element k in its low half and element k+4 in its high half.
        int d = dstOff + 4 * i;
        putLe64(dst, d, (e0 & M32) | (e1 << 32));
        putLe64(dst, d + 8, (e2 & M32) | (e3 << 32));
        putLe64(dst, d + 16, (e0 >>> 32) | (e1 & ~M32));
        putLe64(dst, d + 24, (e2 >>> 32) | (e3 & ~M32));
      }
      for (; i < n; i++) {
        putLe32(dst, dstOff + 4 * i, (src[s0 + i] & 0xff) | (src[s1 + i] & 0xff) << 8
            | (src[s2 + i] & 0xff) << 16 | (src[s3 + i] & 0xff) << 24);
      }
    } else if (ts == 8) {
      long[] r = new long[8];
      for (; i + 8 <= n; i += 8) {
        for (int k = 0; k < 8; k++) {
          r[k] = le64(src, srcOff + k * n + i);
        }
        transpose8x8Bytes(r);
        int d = dstOff + 8 * i;
        for (int k = 0; k < 8; k++) {
          putLe64(dst, d + 8 * k, r[k]);
        }
      }
      for (; i < n; i++) {
        for (int j = 0; j < 8; j++) {
          dst[dstOff + 8 * i + j] = src[srcOff + j * n + i];
        }
      }
    } else if (ts == 2) {
      int s1 = srcOff + n;
      for (; i < n; i++) {
        dst[dstOff + 2 * i] = src[srcOff + i];
        dst[dstOff + 2 * i + 1] = src[s1 + i];
      }
    } else {
      for (int j = 0; j < ts; j++) {
        int s = srcOff + j * n;
        int d = dstOff + j;
        for (int k = 0; k < n; k++, d += ts) {
          dst[d] = src[s + k];
        }
      }
    }
    int done = n * ts;
    System.arraycopy(src, srcOff + done, dst, dstOff + done, size - done);
  }

  /** Row k of eight becomes column k: a byte-level 8x8 transpose in three swap stages. */
  private static void transpose8x8Bytes(long[] r) {
    for (int k = 0; k < 8; k++) {
      if ((k & 1) == 0) {
        long a = r[k];
        long b = r[k + 1];
        r[k] = (a & M8) | ((b & M8) << 8);
        r[k + 1] = ((a >>> 8) & M8) | (b & ~M8);
      }
    }
    for (int k = 0; k < 8; k++) {
      if ((k & 2) == 0) {
        long a = r[k];
        long b = r[k + 2];
        r[k] = (a & M16) | ((b & M16) << 16);
        r[k + 2] = ((a >>> 16) & M16) | (b & ~M16);
      }
    }
    for (int k = 0; k < 4; k++) {
      long a = r[k];
      long b = r[k + 4];
      r[k] = (a & M32) | (b << 32);
      r[k + 4] = (a >>> 32) | (b & ~M32);
    }
  }

  static void shuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int size) {
    int n = size / ts;
    for (int j = 0; j < ts; j++) {
      int d = dstOff + j * n;
      int s = srcOff + j;
      for (int i = 0; i < n; i++, s += ts) {
        dst[d + i] = src[s];
      }
    }
    int done = n * ts;
    System.arraycopy(src, srcOff + done, dst, dstOff + done, size - done);
  }

  /** Transposes an 8x8 bit matrix held as bytes (bit c of byte r moves to bit r of byte c). */
  private static long transposeBits(long x) {
    long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
    x ^= t ^ (t << 7);
    t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
    x ^= t ^ (t << 14);
    t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
    return x ^ t ^ (t << 28);
  }

  /**
   * Bit-unshuffles through {@code scratch} (at least {@code size} bytes): eight bit rows at a time
   * become one byte stream (eight 8-byte loads, a byte transpose, eight bit transposes, eight
   * 8-byte stores), giving the byte-shuffled layout, which {@link #unshuffle} then undoes.
   */
  static void bitunshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int size, byte[] scratch) {
    int n = size / ts;
    if (n % 8 != 0) {
      System.arraycopy(src, srcOff, dst, dstOff, size);
      return;
    }
    int row = n / 8;
    byte[] streams = ts == 1 ? dst : scratch;
    int streamsOff = ts == 1 ? dstOff : 0;
    long[] r = new long[8];
    for (int j = 0; j < ts; j++) {
      int base = srcOff + 8 * j * row;
      int out = streamsOff + j * n;
      int g = 0;
      for (; g + 8 <= row; g += 8) {
        for (int b = 0; b < 8; b++) {
          r[b] = le64(src, base + b * row + g);
        }
        transpose8x8Bytes(r);
        for (int k = 0; k < 8; k++) {
          putLe64(streams, out + 8 * (g + k), transposeBits(r[k]));
        }
      }
      for (; g < row; g++) {
        long x = 0;
        for (int b = 0; b < 8; b++) {
          x |= (src[base + b * row + g] & 0xffL) << (8 * b);
        }
        putLe64(streams, out + 8 * g, transposeBits(x));
      }
    }
    int done = n * ts;
    if (ts > 1) {
      unshuffle(ts, scratch, 0, dst, dstOff, done);
    }
    System.arraycopy(src, srcOff + done, dst, dstOff + done, size - done);
  }

  /** The inverse of {@link #bitunshuffle}, through {@code scratch} likewise. */
  static void bitshuffle(int ts, byte[] src, int srcOff, byte[] dst, int dstOff, int size, byte[] scratch) {
    int n = size / ts;
    if (n % 8 != 0) {
      System.arraycopy(src, srcOff, dst, dstOff, size);
      return;
    }
    int row = n / 8;
    int done = n * ts;
    byte[] streams = src;
    int streamsOff = srcOff;
    if (ts > 1) {
      shuffle(ts, src, srcOff, scratch, 0, done);
      streams = scratch;
      streamsOff = 0;
    }
    long[] r = new long[8];
    for (int j = 0; j < ts; j++) {
      int in = streamsOff + j * n;
      int base = dstOff + 8 * j * row;
      int g = 0;
      for (; g + 8 <= row; g += 8) {
        for (int k = 0; k < 8; k++) {
          r[k] = transposeBits(le64(streams, in + 8 * (g + k)));
        }
        transpose8x8Bytes(r);
        for (int b = 0; b < 8; b++) {
          putLe64(dst, base + b * row + g, r[b]);
        }
      }
      for (; g < row; g++) {
        long x = transposeBits(le64(streams, in + 8 * g));
        for (int b = 0; b < 8; b++) {
          dst[base + b * row + g] = (byte) (x >>> (8 * b));
        }
      }
    }
    System.arraycopy(src, srcOff + done, dst, dstOff + done, size - done);
  }
}
