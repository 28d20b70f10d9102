package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "shuffle": a byte transpose of {@code elementsize}-byte elements, all first bytes,
 * then all second bytes, and so on. Unlike blosc's shuffle it has no remainder: numcodecs
 * rejects buffers that are not whole elements, and an elementsize of 1 or less copies.
 */
public final class ShuffleCodec implements BytesToBytesCodec {
  static final String ID = "shuffle";
  static final String V3_NAME = "numcodecs.shuffle";

  private final int elementSize;

  public ShuffleCodec(int elementSize) {
    this.elementSize = elementSize;
  }

  @Override
  public String name() {
    return V3_NAME;
  }

  @Override
  public ObjectNode toV3Json() {
    return FilterSupport.v3(V3_NAME, v2());
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    return Optional.of(v2());
  }

  private ObjectNode v2() {
    ObjectNode o = FilterSupport.v2(ID);
    o.put("elementsize", elementSize);
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    if (elementSize <= 1) {
      return ByteBuffer.wrap(in.clone());
    }
    int count = FilterSupport.count(decoded, elementSize, ID, false);
    byte[] out = new byte[in.length];
    for (int j = 0; j < elementSize; j++) {
      int o = j * count;
      for (int i = 0, p = j; i < count; i++, p += elementSize) {
        out[o + i] = in[p];
      }
    }
    return ByteBuffer.wrap(out);
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    FilterSupport.decodedBytes(encoded.remaining(), 1, maxDecodedSize, ID);
    byte[] in = Buffers.toArray(encoded);
    if (elementSize <= 1) {
      return ByteBuffer.wrap(in.clone());
    }
    int count = FilterSupport.count(encoded, elementSize, ID, true);
    byte[] out = new byte[in.length];
    for (int j = 0; j < elementSize; j++) {
      int o = j * count;
      for (int i = 0, p = j; i < count; i++, p += elementSize) {
        out[p] = in[o + i];
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** numcodecs hands the compressor a uint8 array; blosc shuffles by its itemsize. */
  @Override
  public int encodedElementSize(int size) {
    return 1;
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize;
  }

  @Override
  public String toString() {
    return "shuffle(" + elementSize + ")";
  }

  /** Creates {@link ShuffleCodec}s; elementsize defaults to 4, as in numcodecs. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return new ShuffleCodec(CodecFactory.intOf(conf, "elementsize", 4, ctx));
    }
  }
}
