package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * numcodecs "delta": stores the first element and then differences of neighbours, as
 * {@code astype}. Decoding is numpy's {@code cumsum(enc, out=dec)}: the running sum is kept in
 * the promoted type of astype and dtype (never re-read from the output), and each sum is cast to
 * dtype; a narrow astype can therefore hold large values as wrapped differences.
 */
public final class DeltaCodec implements BytesToBytesCodec {
  static final String ID = "delta";
  static final String V3_NAME = "numcodecs.delta";

  private final NumpyType dtype;
  private final NumpyType astype;
  /** The type numpy accumulates in when decoding. */
  private final NumpyType sum;

  /** {@code dtype} and {@code astype} must be integer or float types. */
  public DeltaCodec(StoredType dtype, StoredType astype) {
    this(check(dtype), check(astype));
  }

  private DeltaCodec(NumpyType dtype, NumpyType astype) {
    this.dtype = dtype;
    this.astype = astype;
    this.sum = NumpyType.promote(astype, dtype);
  }

  private static NumpyType check(StoredType t) {
    NumpyType n = NumpyType.of(t);
    if (n == null || n.kind == 'b') {
      throw new IllegalArgumentException("delta supports integer and float types, not " + t);
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
    o.put("dtype", dtype.str());
    o.put("astype", astype.str());
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    int n = FilterSupport.count(decoded, dtype.size, ID, false);
    ByteBuffer in = FilterSupport.view(decoded, dtype);
    ByteBuffer out = ByteBuffer.allocate(n * astype.size).order(astype.order);
    if (n == 0) {
      return out;
    }
    // enc[0] = arr[0] is a scalar assignment; enc[1:] = np.diff(arr) subtracts in dtype and
    // casts the n - 1 differences to astype in one loop.
    if (dtype.isFloat()) {
      putFirstFloat(in, out);
      int vec = NumpyType.vectorEnd(n - 1);
      double prev = dtype.getDouble(in, 0);
      for (int i = 1; i < n; i++) {
        double v = dtype.getDouble(in, i);
        double d = dtype.sub(v, prev);
        prev = v;
        if (astype.isFloat()) {
          astype.putDouble(out, i, d);
        } else {
          astype.putLong(out, i, astype.fromDouble(d, dtype, i - 1 >= vec));
        }
      }
    } else {
      boolean u64 = dtype.isU64();
      long prev = 0;
      for (int i = 0; i < n; i++) {
        long v = dtype.getLong(in, i);
        if (i == 0 && u64 && v < 0 && astype.kind == 'i') {
          // Python's int() of a uint64 scalar of 2^63 or more overflows a C long in numpy's assignment.
          throw new IllegalArgumentException("delta: the first value, " + Long.toUnsignedString(v)
              + ", cannot be stored as " + astype + " (numcodecs fails on it too)");
        }
        long d = i == 0 ? v : dtype.wrap(v - prev);
        prev = v;
        if (astype.isFloat()) {
          astype.putDouble(out, i, astype.fromLong(d, u64));
        } else {
          astype.putLong(out, i, astype.wrap(d));
        }
      }
    }
    return out.rewind();
  }

  /**
   * enc[0] = arr[0] for float data. numpy assigns a float scalar to a signed integer array
   * through Python's int(), which fails for NaN, infinities and values beyond int64 and wraps the
   * rest; unsigned arrays get the scalar C cast, float arrays a bit conversion.
   */
  private void putFirstFloat(ByteBuffer in, ByteBuffer out) {
    if (astype.isFloat()) {
      astype.putLong(out, 0, X86Float.convertBits(dtype.getBits(in, 0), dtype.size, astype.size));
      return;
    }
    double v = dtype.getDouble(in, 0);
    if (astype.kind != 'i') {
      astype.putLong(out, 0, astype.fromDouble(v, dtype, true));
    } else if (v >= -0x1p63 && v < 0x1p63) {
      astype.putLong(out, 0, astype.wrap((long) v));
    } else {
      throw new IllegalArgumentException("delta: the first value, " + v + ", cannot be stored as " + astype
          + " (numcodecs fails on it too)");
    }
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    int n = FilterSupport.count(encoded, astype.size, ID, true);
    ByteBuffer in = FilterSupport.view(encoded, astype);
    ByteBuffer out = ByteBuffer.allocate(FilterSupport.decodedBytes(n, dtype.size, maxDecodedSize, ID)).order(dtype.order);
    if (sum.isFloat()) {
      boolean u64 = astype.isU64();
      int vec = NumpyType.vectorEnd(n);
      double acc = 0;
      for (int i = 0; i < n; i++) {
        double x = astype.isFloat() ? astype.getDouble(in, i) : sum.fromLong(astype.getLong(in, i), u64);
        acc = i == 0 ? x : sum.add(acc, x);
        if (!dtype.isFloat()) {
          dtype.putLong(out, i, dtype.fromDouble(acc, sum, i >= vec));
        } else if (i == 0 && astype.isFloat()) {
          // The first element is only copied through the sum type: convert bits, keeping NaNs.
          long bits = X86Float.convertBits(astype.getBits(in, 0), astype.size, sum.size);
          dtype.putLong(out, 0, X86Float.convertBits(bits, sum.size, dtype.size));
        } else {
          dtype.putDouble(out, i, acc);
        }
      }
    } else {
      // Integer sums: wrapping in the sum type, then casting to dtype, equals wrapping in dtype.
      long acc = 0;
      for (int i = 0; i < n; i++) {
        acc = sum.wrap(acc + astype.getLong(in, i));
        dtype.putLong(out, i, dtype.wrap(acc));
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
    return "delta(" + dtype + (astype.equals(dtype) ? "" : " as " + astype) + ")";
  }

  /** Creates {@link DeltaCodec}s; astype defaults to dtype, as in numcodecs. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      NumpyType dtype = FilterSupport.numeric(conf, "dtype", null, "iuf", ctx);
      NumpyType astype = conf.hasNonNull("astype") ? FilterSupport.numeric(conf, "astype", null, "iuf", ctx) : dtype;
      return new DeltaCodec(dtype, astype);
    }
  }
}
