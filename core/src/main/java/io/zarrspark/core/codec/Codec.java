package io.zarrspark.core.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A step of a chunk's encoding. There are three kinds, as in the v3 spec and in zarrs:
 * {@link ArrayToArrayCodec}, {@link ArrayToBytesCodec} and {@link BytesToBytesCodec}; a
 * {@link CodecChain} of them is itself an array-to-bytes codec. Codecs are immutable and
 * thread-safe.
 */
public interface Codec {

  /** The v3 name, as written in {@code codecs}. */
  String name();

  /** The v3 metadata object: {@code {"name": ..., "configuration": {...}}}. */
  ObjectNode toV3Json();

  /** The numcodecs configuration for v2 metadata, if this codec can appear in a v2 array. */
  default Optional<ObjectNode> toV2Json() {
    return Optional.empty();
  }
}
