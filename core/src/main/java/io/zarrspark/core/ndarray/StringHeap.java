package io.zarrspark.core.ndarray;

import io.zarrspark.core.ZarrException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes behind a variable-length string array. Elements of such an {@link NdArray} are 8-byte
 * handles (int offset, int length, little-endian) into one heap, so the element buffer keeps a
 * fixed element size and every region/stride routine works on it unchanged. A decoded chunk's
 * heap is the decoded chunk buffer itself (no per-string copies); arrays built by copying append
 * the strings they receive.
 */
public final class StringHeap {
  /** Bytes of one element handle: int32 offset + int32 length. */
  public static final int HANDLE_BYTES = 8;

  private byte[] bytes;
  private int length;

  /** An empty, growable heap. */
  public StringHeap() {
    this.bytes = new byte[0];
  }

  /** A heap over {@code bytes} (not copied); handles index into it directly. */
  public static StringHeap wrap(byte[] bytes) {
    StringHeap h = new StringHeap();
    h.bytes = bytes;
    h.length = bytes.length;
    return h;
  }

  /** The backing bytes; valid indices are below {@link #length()}. Shared, not copied. */
  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  /** Appends {@code len} bytes of {@code src} and returns their offset in this heap. */
  public int append(byte[] src, int off, int len) {
    if (len == 0) {
      return 0; // an empty string needs no heap bytes; offset 0 is always in bounds
    }
    if ((long) length + len > NdArray.MAX_BYTES) {
      throw new ZarrException("string data exceeds the " + NdArray.MAX_BYTES + "-byte limit of one buffer");
    }
    if (length + len > bytes.length) {
      long grown = Math.max((long) length + len, Math.max(64L, 2L * bytes.length));
      bytes = Arrays.copyOf(bytes, (int) Math.min(grown, NdArray.MAX_BYTES));
    }
    System.arraycopy(src, off, bytes, length, len);
    int at = length;
    length += len;
    return at;
  }

  /** The string a handle names, decoded as UTF-8 (for tests and non-columnar callers). */
  public String string(int offset, int len) {
    return new String(bytes, offset, len, StandardCharsets.UTF_8);
  }
}
