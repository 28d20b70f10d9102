package io.zarrspark.core.codec;

import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.ByteSource;
import java.util.Optional;

/**
 * An optional capability of an {@link ArrayToBytesCodec}: decoding a box of a chunk while reading
 * only the stored bytes that box needs (sharding reads the index, then the inner chunks the box
 * touches). Codecs whose output must be read whole (compressors, checksums over everything) do not
 * have it, and neither does a chain with array-to-array or bytes-to-bytes codecs around its
 * serializer, because those transform the chunk as a whole.
 */
public interface PartialDecoder {

  /**
   * The box of {@code shape} at {@code offset} (inside {@code spec}'s shape) of the chunk whose
   * stored bytes {@code source} reads, or empty if the chunk does not exist. Store failures are
   * {@link io.zarrspark.core.store.StoreException}s; bytes that cannot be a chunk of {@code spec}
   * are {@link io.zarrspark.core.CorruptChunkException}s.
   */
  Optional<NdArray> decodePartial(ByteSource source, ChunkSpec spec, int[] offset, int[] shape);

  /** The partial decoder of {@code codec}, if the codec (or the chain it is) has one. */
  static Optional<PartialDecoder> of(ArrayToBytesCodec codec) {
    if (codec instanceof CodecChain) {
      CodecChain chain = (CodecChain) codec;
      if (!chain.arrayCodecs().isEmpty() || !chain.bytesCodecs().isEmpty()) {
        return Optional.empty();
      }
      return of(chain.serializer());
    }
    return codec instanceof PartialDecoder ? Optional.of((PartialDecoder) codec) : Optional.empty();
  }
}
