package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "bitround": keeps {@code keepbits} mantissa bits of each float, rounding to nearest
 * with ties to even on the integer view of the bits (so it may carry into the exponent). The
 * stored values are ordinary floats: decoding is the identity.
 *
 * <p>numcodecs takes the float width from the array it is handed; its configuration has no
 * dtype, and a bytes-to-bytes codec sees only bytes. A codec made from a configuration therefore
 * decodes but cannot encode; writers construct it with the array's type instead.
 */
public final class BitRoundCodec implements BytesToBytesCodec {
  static final String ID = "bitround";
  static final String V3_NAME = "numcodecs.bitround";
  private static final int MAX_KEEPBITS = 52;

  private final int keepbits;
  /** The float type to round, or null when only decoding is possible. */
  private final NumpyType type;

  /** A codec that decodes (the identity) but cannot encode, since it does not know the float width. */
  public BitRoundCodec(int keepbits) {
    if (keepbits < 0 || keepbits > MAX_KEEPBITS) {
      throw new IllegalArgumentException("bitround keepbits must be in [0, " + MAX_KEEPBITS + "], got " + keepbits);
    }
    this.keepbits = keepbits;
    this.type = null;
  }

  /** A codec rounding floats of {@code type} (float16, float32 or float64, either byte order). */
  public BitRoundCodec(int keepbits, StoredType type) {
    NumpyType t = NumpyType.of(type);
    if (t == null || !t.isFloat()) {
      throw new IllegalArgumentException("bitround supports float types only, not " + type);
    }
    if (keepbits < 0 || keepbits > mantissaBits(t)) {
      throw new IllegalArgumentException("bitround keepbits must be in [0, " + mantissaBits(t) + "] for " + t
          + ", got " + keepbits);
    }
    this.keepbits = keepbits;
    this.type = t;
  }

  /** Learns the float format from the array when built from metadata (which records only keepbits). */
  @Override
  public BytesToBytesCodec forElementType(StoredType arrayType) {
    NumpyType t = NumpyType.of(arrayType);
    return type == null && t != null && t.isFloat() && keepbits <= mantissaBits(t) ? new BitRoundCodec(keepbits, arrayType) : this;
  }

  private static int mantissaBits(NumpyType t) {
    return t.size == 2 ? 10 : t.size == 4 ? 23 : 52;
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
    o.put("keepbits", keepbits);
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    if (type == null) {
      throw new UnsupportedOperationException("bitround cannot encode without the float type of the data;"
          + " construct it with BitRoundCodec(keepbits, type)");
    }
    int n = FilterSupport.count(decoded, type.size, ID, false);
    ByteBuffer out = ByteBuffer.allocate(n * type.size);
    int maskbits = mantissaBits(type) - keepbits;
    if (maskbits == 0) {
      return out.put(decoded.duplicate()).rewind();
    }
    // numcodecs views the floats as signed integers of the same width and byte order:
    // b += ((b >> maskbits) & 1) + (2^(maskbits-1) - 1); b &= -1 << maskbits (wrapping).
    NumpyType bits = NumpyType.of('i', type.size, type.order);
    ByteBuffer in = FilterSupport.view(decoded, bits);
    out.order(bits.order);
    long mask = -1L << maskbits;
    long half = (1L << (maskbits - 1)) - 1;
    for (int i = 0; i < n; i++) {
      long b = bits.getLong(in, i);
      bits.putLong(out, i, bits.wrap(b + ((b >> maskbits) & 1) + half) & mask);
    }
    return out.rewind();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    FilterSupport.decodedBytes(encoded.remaining(), 1, maxDecodedSize, ID);
    return encoded.slice();
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize;
  }

  @Override
  public String toString() {
    return "bitround(" + keepbits + (type == null ? "" : ", " + type) + ")";
  }

  /** Creates decode-only {@link BitRoundCodec}s from {@code {"keepbits": k}}. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      int keepbits = FilterSupport.requiredInt(conf, "keepbits", ctx);
      try {
        return new BitRoundCodec(keepbits);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
