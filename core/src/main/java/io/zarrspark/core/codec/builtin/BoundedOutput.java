package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growing output buffer with a hard ceiling: decompressing a corrupt or hostile stream fails
 * once it passes what a valid chunk could hold, instead of exhausting the heap.
 */
final class BoundedOutput {
  private final String codec;
  private final long limit;
  private byte[] buf;
  private int size;

  BoundedOutput(String codec, long maxDecodedSize, int sizeHint) {
    this.codec = codec;
    this.limit = maxDecodedSize < 0 ? NdArray.MAX_BYTES : Math.min(maxDecodedSize, NdArray.MAX_BYTES);
    this.buf = new byte[(int) Math.max(64, Math.min(limit, Math.max(sizeHint, 64)))];
  }

  /** Ensures room for at least one more byte, or fails if the ceiling is reached. */
  byte[] room() {
    if (size == buf.length) {
      if (size >= limit) {
        throw new CorruptChunkException("codec '" + codec + "' output exceeds the " + limit
            + " bytes a chunk of this array can decode to");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(64L, 2L * buf.length)));
    }
    return buf;
  }

  boolean atLimit() {
    return size == buf.length && size >= limit;
  }

  int size() {
    return size;
  }

  int free() {
    return buf.length - size;
  }

  void advance(int n) {
    size += n;
  }

  /** Reads {@code in} to its end (one byte past the ceiling is an error). */
  ByteBuffer drain(InputStream in) throws IOException {
    while (true) {
      if (atLimit()) {
        // Full at the ceiling: valid only if the stream ends exactly here.
        if (in.read() < 0) {
          return result();
        }
        room();
      }
      byte[] b = room();
      int n = in.read(b, size, b.length - size);
      if (n < 0) {
        return result();
      }
      size += n;
    }
  }

  ByteBuffer result() {
    return ByteBuffer.wrap(size == buf.length ? buf : Arrays.copyOf(buf, size));
  }
}
