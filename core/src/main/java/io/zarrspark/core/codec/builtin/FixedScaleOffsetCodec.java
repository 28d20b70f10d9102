package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "fixedscaleoffset": encodes {@code around((x - offset) * scale)} cast to astype and
 * decodes {@code enc / scale + offset} cast to dtype. Each step runs in the type numpy 1.x picks
 * for "array op Python scalar", which depends on whether offset and scale are Python ints or
 * floats and on their values (see {@link NumpyType#withScalar}); e.g. an int array minus an int
 * offset stays integer and wraps, and float16 data with a float offset may compute in float16.
 */
public final class FixedScaleOffsetCodec implements BytesToBytesCodec {
  static final String ID = "fixedscaleoffset";
  static final String V3_NAME = "numcodecs.fixedscaleoffset";

  private final PyScalar offset;
  private final PyScalar scale;
  private final NumpyType dtype;
  private final NumpyType astype;
  // Encoding: (x - offset) in encSub, then * scale in encMul.
  private final NumpyType encSub;
  private final NumpyType encMul;
  // Decoding: enc / scale in decDiv (true division: integers divide as float64), + offset in decAdd.
  private final NumpyType decDiv;
  private final NumpyType decAdd;

  /**
   * {@code offset} and {@code scale} are Python numbers: Integer, Long or BigInteger for ints,
   * Double or Float for floats. dtype and astype must be integer or float types.
   */
  public FixedScaleOffsetCodec(Number offset, Number scale, StoredType dtype, StoredType astype) {
    this(PyScalar.of(offset), PyScalar.of(scale), check(dtype), check(astype));
  }

  private FixedScaleOffsetCodec(PyScalar offset, PyScalar scale, NumpyType dtype, NumpyType astype) {
    this.offset = offset;
    this.scale = scale;
    this.dtype = dtype;
    this.astype = astype;
    this.encSub = NumpyType.withScalar(dtype, offset);
    this.encMul = NumpyType.withScalar(encSub, scale);
    this.decDiv = astype.isFloat() ? NumpyType.withScalar(astype, scale) : NumpyType.FLOAT64;
    this.decAdd = NumpyType.withScalar(decDiv, offset);
  }

  private static NumpyType check(StoredType t) {
    NumpyType n = NumpyType.of(t);
    if (n == null || n.kind == 'b') {
      throw new IllegalArgumentException("fixedscaleoffset supports integer and float types, not " + t);
    }
    return n;
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
    o.set("scale", scale.json.deepCopy());
    o.set("offset", offset.json.deepCopy());
    o.put("dtype", dtype.str());
    o.put("astype", astype.str());
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    int n = FilterSupport.count(decoded, dtype.size, ID, false);
    ByteBuffer in = FilterSupport.view(decoded, dtype);
    ByteBuffer out = ByteBuffer.allocate(n * astype.size).order(astype.order);
    if (!encMul.isFloat()) {
      // All integer (then dtype is integer too): numpy wraps, and around() leaves integers alone.
      long off = offset.asLong(encSub);
      long sc = scale.asLong(encMul);
      for (int i = 0; i < n; i++) {
        long v = encMul.wrap(encMul.wrap(encSub.wrap(dtype.getLong(in, i) - off)) * sc);
        if (astype.isFloat()) {
          astype.putDouble(out, i, astype.fromLong(v, encMul.isU64()));
        } else {
          astype.putLong(out, i, astype.wrap(v));
        }
      }
      return out.rewind();
    }
    int vec = NumpyType.vectorEnd(n);
    boolean subInt = !encSub.isFloat();
    long offL = subInt ? offset.asLong(encSub) : 0;
    double offD = subInt ? 0 : offset.asDouble(encSub);
    double sc = scale.asDouble(encMul);
    for (int i = 0; i < n; i++) {
      double s;
      if (subInt) {
        // An integer difference, then widened to the float type of the product.
        s = encMul.fromLong(encSub.wrap(dtype.getLong(in, i) - offL), encSub.isU64());
      } else {
        double x = dtype.isFloat() ? dtype.getDouble(in, i) : encSub.fromLong(dtype.getLong(in, i), dtype.isU64());
        s = encSub.sub(x, offD);
      }
      // np.around is rint (ties to even); its result is representable in the type it rounds in.
      double v = X86Float.rint(encMul.mul(s, sc));
      if (astype.isFloat()) {
        astype.putDouble(out, i, v);
      } else {
        astype.putLong(out, i, astype.fromDouble(v, encMul, i >= vec));
      }
    }
    return out.rewind();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    int n = FilterSupport.count(encoded, astype.size, ID, true);
    ByteBuffer in = FilterSupport.view(encoded, astype);
    ByteBuffer out = ByteBuffer.allocate(FilterSupport.decodedBytes(n, dtype.size, maxDecodedSize, ID)).order(dtype.order);
    double sc = scale.asDouble(decDiv);
    double off = offset.asDouble(decAdd);
    boolean u64 = astype.isU64();
    int vec = NumpyType.vectorEnd(n);
    for (int i = 0; i < n; i++) {
      double e = astype.isFloat() ? astype.getDouble(in, i) : decDiv.fromLong(astype.getLong(in, i), u64);
      double v = decAdd.add(decDiv.div(e, sc), off);
      if (dtype.isFloat()) {
        dtype.putDouble(out, i, v);
      } else {
        dtype.putLong(out, i, dtype.fromDouble(v, decAdd, i >= vec));
      }
    }
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
    return "fixedscaleoffset(offset=" + offset + ", scale=" + scale + ", " + dtype + " as " + astype + ")";
  }

  /** Creates {@link FixedScaleOffsetCodec}s; astype defaults to dtype, as in numcodecs. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      PyScalar offset = PyScalar.of(conf.get("offset"), "offset", ctx);
      PyScalar scale = PyScalar.of(conf.get("scale"), "scale", ctx);
      NumpyType dtype = FilterSupport.numeric(conf, "dtype", null, "iuf", ctx);
      NumpyType astype = conf.hasNonNull("astype") ? FilterSupport.numeric(conf, "astype", null, "iuf", ctx) : dtype;
      return new FixedScaleOffsetCodec(offset, scale, dtype, astype);
    }
  }
}
