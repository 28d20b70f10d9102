package io.zarrspark.core.codec;

import java.nio.ByteBuffer;

/** A codec from bytes to bytes (compressors, checksums). */
public interface BytesToBytesCodec extends Codec {

  ByteBuffer encode(ByteBuffer decoded);

  /**
   * Decodes {@code encoded}. The result is never larger than {@code maxDecodedSize} (when that is
   * not -1): a stream claiming more is corrupt, and must fail before allocating the excess.
   */
  ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize);

  /** An upper bound on the encoded size of {@code decodedSize} bytes, or -1 if unknown. */
  long maxEncodedSize(long decodedSize);

  /**
   * This codec for input whose elements have {@code size} bytes. numcodecs compressors take the
   * element size from the buffer's dtype (blosc shuffles by it); v2 metadata does not record it,
   * so the v2 chain supplies it here. Codecs indifferent to it return themselves.
   */
  default BytesToBytesCodec forElementSize(int size) {
    return this;
  }

  /**
   * This codec for input elements of {@code type}: the v2 chain tells the first filter the
   * array's type and byte order, which numcodecs filters such as bitround read off the buffer.
   */
  default BytesToBytesCodec forElementType(io.zarrspark.core.dtype.StoredType type) {
    return this;
  }

  /** The element size of this codec's output for input elements of {@code size} bytes. */
  default int encodedElementSize(int size) {
    return size;
  }
}
