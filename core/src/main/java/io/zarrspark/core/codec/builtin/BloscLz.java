package io.zarrspark.core.codec.builtin;

import java.util.Arrays;

/**
 * BloscLZ, blosc's FastLZ-derived inner format, written from the format's description in c-blosc
 * 1.21 ({@code blosclz.c}): a stream of instructions, each a control byte followed by operands.
 *
 * <ul>
 *   <li>control &lt; 32: a literal run of control+1 bytes follows;
 *   <li>otherwise a match: top 3 bits L (7 means "more length bytes follow, each added, until one is
 *       not 255"), low 5 bits the high part of the distance, then one byte with the low part. A low
 *       byte of 255 with a high part of 31 means two further big-endian bytes give a far distance.
 * </ul>
 *
 * The first control byte is always a literal run; its top 3 bits carry a marker that decoders
 * ignore. Decoders stop at the end of the input after a literal run, and c-blosc's decoder cannot
 * finish a stream on a match, so the encoder always ends with literals.
 */
final class BloscLz {
  private static final int MAX_COPY = 32;
  /** Largest (distance - 1) a near match encodes; one more selects the far form. */
  private static final int MAX_DISTANCE = 8191;
  private static final int HASH_LOG = 13;
  private static final int MIN_MATCH = 4;

  private final int[] table = new int[1 << HASH_LOG];

  /**
   * Decodes one stream into {@code dst[dstOff, dstOff + dstLen)}; returns the decoded length, or
   * -1 for a malformed stream (never reading or writing outside the given ranges).
   */
  static int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) {
    if (srcLen <= 0) {
      return 0;
    }
    int ip = srcOff;
    int ipEnd = srcOff + srcLen;
    int op = dstOff;
    int opEnd = dstOff + dstLen;
    int ctrl = src[ip++] & 31;
    while (true) {
      if (ctrl >= 32) {
        int len = (ctrl >>> 5) - 1;
        int hi = (ctrl & 31) << 8;
        if (len == 6) {
          int code;
          do {
            if (ip + 1 >= ipEnd) {
              return -1;
            }
            code = src[ip++] & 0xff;
            len += code;
            if (len > dstLen) {
              return -1;
            }
          } while (code == 255);
        } else if (ip + 1 >= ipEnd) {
          return -1;
        }
        int lo = src[ip++] & 0xff;
        len += 3;
        int dist = hi + lo + 1;
        if (lo == 255 && hi == (31 << 8)) {
          if (ip + 1 >= ipEnd) {
            return -1;
          }
          dist = ((src[ip] & 0xff) << 8 | (src[ip + 1] & 0xff)) + MAX_DISTANCE + 1;
          ip += 2;
        }
        // A match must be followed by another instruction (see the class comment).
        if (len > opEnd - op || dist > op - dstOff || ip >= ipEnd) {
          return -1;
        }
        ctrl = src[ip++] & 0xff;
        copyMatch(dst, op, dist, len);
        op += len;
      } else {
        int run = ctrl + 1;
        if (run > opEnd - op || run > ipEnd - ip) {
          return -1;
        }
        System.arraycopy(src, ip, dst, op, run);
        ip += run;
        op += run;
        if (ip >= ipEnd) {
          break;
        }
        ctrl = src[ip++] & 0xff;
      }
    }
    return op - dstOff;
  }

  private static void copyMatch(byte[] b, int op, int dist, int len) {
    if (dist == 1) {
      Arrays.fill(b, op, op + len, b[op - 1]);
    } else if (dist >= len) {
      System.arraycopy(b, op - dist, b, op, len);
    } else if (dist < 8) {
      for (int i = 0; i < len; i++) {
        b[op + i] = b[op - dist + i];
      }
    } else {
      // Overlapping: copy in non-overlapping pieces of the period.
      while (len > 0) {
        int n = Math.min(dist, len);
        System.arraycopy(b, op - dist, b, op, n);
        op += n;
        len -= n;
      }
    }
  }

  /**
   * Greedy single-probe encoder: near matches only, so output is simple and always valid. Returns
   * the compressed size, or 0 when the result would not fit in {@code maxOut} bytes.
   */
  int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut) {
    if (len < 16 || maxOut < 2) {
      return 0;
    }
    Arrays.fill(table, -1);
    int op = dstOff;
    int opEnd = dstOff + maxOut;
    int anchor = 0;
    int ip = 0;
    int limit = len - 12;
    // Matches stop before the last byte so the stream ends with a literal run.
    int matchEnd = len - 1;
    while (ip < limit) {
      int seq = BloscShuffle.le32(src, off + ip);
      int h = (seq * -1640531535) >>> (32 - HASH_LOG);
      int ref = table[h];
      table[h] = ip;
      if (ref < 0 || ip - ref > MAX_DISTANCE || BloscShuffle.le32(src, off + ref) != seq) {
        ip++;
        continue;
      }
      int mlen = MIN_MATCH;
      int max = matchEnd - ip;
      while (mlen < max && src[off + ref + mlen] == src[off + ip + mlen]) {
        mlen++;
      }
      op = literals(src, off + anchor, ip - anchor, dst, op, opEnd);
      if (op < 0) {
        return 0;
      }
      op = match(mlen, ip - ref - 1, dst, op, opEnd);
      if (op < 0) {
        return 0;
      }
      ip += mlen;
      anchor = ip;
    }
    op = literals(src, off + anchor, len - anchor, dst, op, opEnd);
    if (op < 0) {
      return 0;
    }
    dst[dstOff] |= 1 << 5;
    return op - dstOff;
  }

  private static int literals(byte[] src, int from, int n, byte[] dst, int op, int opEnd) {
    while (n > 0) {
      int run = Math.min(n, MAX_COPY);
      if (opEnd - op < run + 1) {
        return -1;
      }
      dst[op++] = (byte) (run - 1);
      System.arraycopy(src, from, dst, op, run);
      op += run;
      from += run;
      n -= run;
    }
    return op;
  }

  /** Writes a match of {@code mlen} bytes at distance {@code d1 + 1} (d1 < MAX_DISTANCE). */
  private static int match(int mlen, int d1, byte[] dst, int op, int opEnd) {
    int l = mlen - 2;
    if (l < 7) {
      if (opEnd - op < 2) {
        return -1;
      }
      dst[op++] = (byte) ((l << 5) + (d1 >>> 8));
    } else {
      int rem = l - 7;
      if (opEnd - op < 3 + rem / 255) {
        return -1;
      }
      dst[op++] = (byte) ((7 << 5) + (d1 >>> 8));
      for (; rem >= 255; rem -= 255) {
        dst[op++] = (byte) 255;
      }
      dst[op++] = (byte) rem;
    }
    dst[op++] = (byte) d1;
    return op;
  }
}
