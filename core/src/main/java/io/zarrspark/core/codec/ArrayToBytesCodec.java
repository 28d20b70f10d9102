package io.zarrspark.core.codec;

import io.zarrspark.core.ndarray.NdArray;
import java.nio.ByteBuffer;

/** A codec that serialises an array into bytes (bytes, sharding_indexed, a whole chain). */
public interface ArrayToBytesCodec extends Codec {

  ByteBuffer encode(NdArray decoded, ChunkSpec spec);

  /** Decodes a chunk; a chunk of the wrong size or form is a CorruptChunkException. */
  NdArray decode(ByteBuffer encoded, ChunkSpec spec);

  /**
   * An upper bound on the encoded size, or -1 if there is none. Bytes-to-bytes codecs after this
   * one use it to refuse decompressing more than a valid chunk could contain.
   */
  long maxEncodedSize(ChunkSpec spec);
}
