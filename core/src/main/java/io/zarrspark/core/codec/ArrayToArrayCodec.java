package io.zarrspark.core.codec;

import io.zarrspark.core.ndarray.NdArray;

/** A codec that turns an array into another array (transpose, filters). */
public interface ArrayToArrayCodec extends Codec {

  /** The spec of the encoded array for a decoded chunk of {@code decoded} spec. */
  ChunkSpec encodedSpec(ChunkSpec decoded);

  NdArray encode(NdArray decoded, ChunkSpec decodedSpec);

  NdArray decode(NdArray encoded, ChunkSpec decodedSpec);
}
