package io.zarrspark.core.codec.builtin;

import java.nio.ByteBuffer;

/** Small helpers for moving between ByteBuffers and arrays without needless copies. */
public final class Buffers {
  private Buffers() {}

  /** The buffer's remaining bytes as an array, the backing array itself when it is exactly that. */
  public static byte[] toArray(ByteBuffer b) {
    if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) {
      return b.array();
    }
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
