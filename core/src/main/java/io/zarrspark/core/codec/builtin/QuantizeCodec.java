package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "quantize": lossy rounding of floats to a power-of-two grid fine enough for
 * {@code digits} decimal digits. Encoding stores {@code around(scale * x) / scale} as astype;
 * decoding only casts astype back to dtype.
 */
public final class QuantizeCodec implements BytesToBytesCodec {
  static final String ID = "quantize";
  static final String V3_NAME = "numcodecs.quantize";

  private final int digits;
  private final NumpyType dtype;
  private final NumpyType astype;

  /** dtype and astype must be float types, as numcodecs requires. */
  public QuantizeCodec(int digits, StoredType dtype, StoredType astype) {
    this(digits, check(dtype), check(astype));
  }

  private QuantizeCodec(int digits, NumpyType dtype, NumpyType astype) {
    this.digits = digits;
    this.dtype = dtype;
    this.astype = astype;
  }

  private static NumpyType check(StoredType t) {
    NumpyType n = NumpyType.of(t);
    if (n == null || !n.isFloat()) {
      throw new IllegalArgumentException("quantize supports float types only, not " + t);
    }
    return n;
  }

  /**
   * numcodecs' grid: 2^ceil(log2(10^digits)). It derives the exponent as floor (or ceil) of
   * {@code math.log(10.0 ** -digits, 10)}; in CPython that equals {@code -digits} for every digits
   * where {@code 10.0 ** digits} is finite ([-308, 307]), and fails outside, as here.
   */
  static double scale(int digits) {
    if (digits < -308 || digits > 307) {
      throw new IllegalArgumentException("quantize digits " + digits + " is outside [-308, 307], where numcodecs fails too");
    }
    double bits = Math.ceil(Math.log(Math.pow(10.0, digits)) / Math.log(2.0));
    return Math.pow(2.0, bits);
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
    o.put("digits", digits);
    o.put("dtype", dtype.str());
    o.put("astype", astype.str());
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    int n = FilterSupport.count(decoded, dtype.size, ID, false);
    PyScalar s = PyScalar.ofFloat(scale(digits));
    // scale * arr and the division by scale run in the type numpy promotes (dtype, scale) to.
    NumpyType t = NumpyType.withScalar(dtype, s);
    double sc = s.asDouble(t);
    ByteBuffer in = FilterSupport.view(decoded, dtype);
    ByteBuffer out = ByteBuffer.allocate(n * astype.size).order(astype.order);
    for (int i = 0; i < n; i++) {
      double r = X86Float.rint(t.mul(sc, dtype.getDouble(in, i)));
      astype.putDouble(out, i, t.div(r, sc));
    }
    return out.rewind();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    int n = FilterSupport.count(encoded, astype.size, ID, true);
    ByteBuffer in = FilterSupport.view(encoded, astype);
    ByteBuffer out = ByteBuffer.allocate(FilterSupport.decodedBytes(n, dtype.size, maxDecodedSize, ID)).order(dtype.order);
    AsTypeCodec.cast(in, astype, out, dtype, n);
    return out.rewind();
  }

  /** numcodecs hands the compressor the astype array; blosc shuffles by its itemsize. */
  @Override
  public int encodedElementSize(int size) {
    return astype.size;
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return FilterSupport.resized(decodedSize, dtype.size, astype.size);
  }

  @Override
  public String toString() {
    return "quantize(" + digits + ", " + dtype + (astype.equals(dtype) ? "" : " as " + astype) + ")";
  }

  /** Creates {@link QuantizeCodec}s; astype defaults to dtype, as in numcodecs. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      int digits = FilterSupport.requiredInt(conf, "digits", ctx);
      NumpyType dtype = FilterSupport.numeric(conf, "dtype", null, "f", ctx);
      NumpyType astype = conf.hasNonNull("astype") ? FilterSupport.numeric(conf, "astype", null, "f", ctx) : dtype;
      return new QuantizeCodec(digits, dtype, astype);
    }
  }
}
