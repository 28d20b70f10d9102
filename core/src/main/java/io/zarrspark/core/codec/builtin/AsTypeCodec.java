package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "astype": stores the data cast to {@code encode_dtype} and casts it back to
 * {@code decode_dtype}, both with numpy's unsafe casts (integers wrap; out-of-range floats give
 * what numpy gives on x86-64).
 */
public final class AsTypeCodec implements BytesToBytesCodec {
  static final String ID = "astype";
  static final String V3_NAME = "numcodecs.astype";

  private final NumpyType encodeType;
  private final NumpyType decodeType;

  /** Both types must be bool, integer or float types. */
  public AsTypeCodec(StoredType encodeDtype, StoredType decodeDtype) {
    this(check(encodeDtype), check(decodeDtype));
  }

  private AsTypeCodec(NumpyType encodeType, NumpyType decodeType) {
    this.encodeType = encodeType;
    this.decodeType = decodeType;
  }

  private static NumpyType check(StoredType t) {
    NumpyType n = NumpyType.of(t);
    if (n == null) {
      throw new IllegalArgumentException("astype supports bool, integer and float types, not " + t);
    }
    return n;
  }

  /** Casts {@code n} elements of {@code from} in {@code in} to {@code to} in {@code out}. */
  static void cast(ByteBuffer in, NumpyType from, ByteBuffer out, NumpyType to, int n) {
    // One loop per pair of value domains keeps each loop free of per-element domain tests.
    if (from.isFloat()) {
      if (to.isFloat()) {
        // Bit conversions: a double in between would quiet float32 and float16 signalling NaNs.
        for (int i = 0; i < n; i++) {
          to.putLong(out, i, X86Float.convertBits(from.getBits(in, i), from.size, to.size));
        }
      } else {
        int vec = NumpyType.vectorEnd(n);
        for (int i = 0; i < n; i++) {
          to.putLong(out, i, to.fromDouble(from.getDouble(in, i), from, i >= vec));
        }
      }
    } else {
      boolean u64 = from.isU64();
      if (to.isFloat()) {
        for (int i = 0; i < n; i++) {
          to.putDouble(out, i, to.fromLong(from.getLong(in, i), u64));
        }
      } else {
        for (int i = 0; i < n; i++) {
          to.putLong(out, i, to.wrap(from.getLong(in, i)));
        }
      }
    }
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
    o.put("encode_dtype", encodeType.str());
    o.put("decode_dtype", decodeType.str());
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    int n = FilterSupport.count(decoded, decodeType.size, ID, false);
    ByteBuffer out = ByteBuffer.allocate(n * encodeType.size).order(encodeType.order);
    cast(FilterSupport.view(decoded, decodeType), decodeType, out, encodeType, n);
    return out.rewind();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    int n = FilterSupport.count(encoded, encodeType.size, ID, true);
    ByteBuffer out = ByteBuffer.allocate(FilterSupport.decodedBytes(n, decodeType.size, maxDecodedSize, ID))
        .order(decodeType.order);
    cast(FilterSupport.view(encoded, encodeType), encodeType, out, decodeType, n);
    return out.rewind();
  }

  /** numcodecs hands the compressor the encode_dtype array; blosc shuffles by its itemsize. */
  @Override
  public int encodedElementSize(int size) {
    return encodeType.size;
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return FilterSupport.resized(decodedSize, decodeType.size, encodeType.size);
  }

  @Override
  public String toString() {
    return "astype(" + decodeType + " as " + encodeType + ")";
  }

  /** Creates {@link AsTypeCodec}s; numcodecs requires both dtypes. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return new AsTypeCodec(FilterSupport.numeric(conf, "encode_dtype", null, "biuf", ctx),
          FilterSupport.numeric(conf, "decode_dtype", null, "biuf", ctx));
    }
  }
}
