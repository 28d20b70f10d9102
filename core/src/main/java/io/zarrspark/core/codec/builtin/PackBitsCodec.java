package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "packbits": bool bytes packed eight to a byte, first element in the most significant
 * bit (np.packbits), after a header byte holding the number of padding bits in the last byte.
 */
public final class PackBitsCodec implements BytesToBytesCodec {
  static final String ID = "packbits";
  static final String V3_NAME = "numcodecs.packbits";

  @Override
  public String name() {
    return V3_NAME;
  }

  @Override
  public ObjectNode toV3Json() {
    return FilterSupport.v3(V3_NAME, FilterSupport.v2(ID));
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    return Optional.of(FilterSupport.v2(ID));
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    int n = in.length;
    byte[] out = new byte[1 + (n + 7) / 8];
    out[0] = (byte) ((8 - n % 8) % 8);
    for (int i = 0; i < n; i++) {
      if (in[i] != 0) { // numpy's bool view: any non-zero byte is True
        out[1 + (i >>> 3)] |= (byte) (0x80 >>> (i & 7));
      }
    }
    return ByteBuffer.wrap(out);
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in = Buffers.toArray(encoded);
    if (in.length == 0) {
      throw new CorruptChunkException("packbits: empty input has no header byte");
    }
    int pad = in[0] & 0xff;
    long bits = 8L * (in.length - 1) - pad;
    if (pad > 7 || bits < 0) {
      throw new CorruptChunkException("packbits: header declares " + pad + " padding bits, but numcodecs writes 0 to 7"
          + " and the input has " + (in.length - 1) + " data bytes");
    }
    byte[] out = new byte[FilterSupport.decodedBytes(bits, 1, maxDecodedSize, ID)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((in[1 + (i >>> 3)] >>> (7 - (i & 7))) & 1);
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
    return 1 + (decodedSize + 7) / 8;
  }

  @Override
  public String toString() {
    return "packbits";
  }

  /** Creates {@link PackBitsCodec}s (no configuration). */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return new PackBitsCodec();
    }
  }
}
