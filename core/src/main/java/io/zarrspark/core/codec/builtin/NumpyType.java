package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numeric numpy dtype as numcodecs filters configure it ({@code |b1}, {@code <i4}, {@code >f8}):
 * element access in a ByteBuffer, numpy 1.x's type promotion and numpy's casts. numcodecs filters
 * compute with numpy, so the bits they store depend on which type numpy computes in and how it
 * casts; this class reproduces both as numpy 1.24 on x86-64 (the peers' platform) behaves.
 *
 * <p>Values travel as {@code long} for bool and integer types (signed types sign-extended,
 * u1/u2/u4 zero-extended, u8 as its raw 64 bits) and as {@code double} for float types.
 */
final class NumpyType {
  private static final int B1 = 0, I1 = 1, U1 = 2, I2 = 3, U2 = 4, I4 = 5, U4 = 6, I8 = 7, U8 = 8,
      F2 = 9, F4 = 10, F8 = 11;

  static final NumpyType FLOAT64 = of('f', 8);

  final char kind;
  final int size;
  final ByteOrder order;
  private final int code;

  private NumpyType(char kind, int size, ByteOrder order) {
    this.kind = kind;
    this.size = size;
    this.order = size == 1 ? ByteOrder.LITTLE_ENDIAN : order;
    int c;
    switch (kind) {
      case 'b': c = B1; break;
      case 'i': c = size == 1 ? I1 : size == 2 ? I2 : size == 4 ? I4 : I8; break;
      case 'u': c = size == 1 ? U1 : size == 2 ? U2 : size == 4 ? U4 : U8; break;
      default: c = size == 2 ? F2 : size == 4 ? F4 : F8;
    }
    this.code = c;
  }

  /** A type used only for arithmetic, where byte order does not matter. */
  static NumpyType of(char kind, int size) {
    return new NumpyType(kind, size, ByteOrder.LITTLE_ENDIAN);
  }

  static NumpyType of(char kind, int size, ByteOrder order) {
    return new NumpyType(kind, size, order);
  }

  /** The numeric type of a parsed dtype, or null if it is not bool, integer or float. */
  static NumpyType of(StoredType st) {
    DataType t = st.type();
    switch (t.kind()) {
      case BOOL: return new NumpyType('b', 1, st.order());
      case INT: return new NumpyType('i', t.byteSize(), st.order());
      case UINT: return new NumpyType('u', t.byteSize(), st.order());
      case FLOAT: return new NumpyType('f', t.byteSize(), st.order());
      default: return null;
    }
  }

  boolean isFloat() {
    return kind == 'f';
  }

  boolean isU64() {
    return code == U8;
  }

  DataType dataType() {
    switch (code) {
      case B1: return DataType.BOOL;
      case I1: return DataType.INT8;
      case U1: return DataType.UINT8;
      case I2: return DataType.INT16;
      case U2: return DataType.UINT16;
      case I4: return DataType.INT32;
      case U4: return DataType.UINT32;
      case I8: return DataType.INT64;
      case U8: return DataType.UINT64;
      case F2: return DataType.FLOAT16;
      case F4: return DataType.FLOAT32;
      default: return DataType.FLOAT64;
    }
  }

  /** The typestr numcodecs writes in its configs ({@code dtype.str}). */
  String str() {
    return DataTypes.toV2(dataType(), order);
  }

  // ---- element access; buffers must already be set to this type's byte order ----

  long getLong(ByteBuffer b, int i) {
    switch (code) {
      case I1: return b.get(i);
      case B1: return b.get(i) != 0 ? 1 : 0; // numpy reads any non-zero byte as True
      case U1: return b.get(i) & 0xffL;
      case I2: return b.getShort(i << 1);
      case U2: return b.getShort(i << 1) & 0xffffL;
      case I4: return b.getInt(i << 2);
      case U4: return b.getInt(i << 2) & 0xffffffffL;
      case I8:
      case U8: return b.getLong(i << 3);
      default: throw new IllegalStateException(this + " is not an integer type");
    }
  }

  double getDouble(ByteBuffer b, int i) {
    switch (code) {
      case F2: return X86Float.halfToDouble(b.getShort(i << 1));
      case F4: return b.getFloat(i << 2);
      case F8: return b.getDouble(i << 3);
      default: throw new IllegalStateException(this + " is not a float type");
    }
  }

  /** The raw bits of a float element (zero-extended), for conversions that must keep NaN payloads. */
  long getBits(ByteBuffer b, int i) {
    switch (code) {
      case F2: return b.getShort(i << 1) & 0xffffL;
      case F4: return b.getInt(i << 2) & 0xffffffffL;
      default: return b.getLong(i << 3);
    }
  }

  /** Stores the low bytes of {@code v} (for bool, v must be 0 or 1). */
  void putLong(ByteBuffer b, int i, long v) {
    switch (size) {
      case 1: b.put(i, (byte) v); break;
      case 2: b.putShort(i << 1, (short) v); break;
      case 4: b.putInt(i << 2, (int) v); break;
      default: b.putLong(i << 3, v);
    }
  }

  /** Stores {@code v} rounded to this float type: numpy's float-to-float cast. */
  void putDouble(ByteBuffer b, int i, double v) {
    switch (code) {
      case F2: b.putShort(i << 1, X86Float.doubleToHalf(v)); break;
      case F4: b.putFloat(i << 2, (float) v); break;
      default: b.putDouble(i << 3, v);
    }
  }

  // ---- casts into this type (numpy astype, casting='unsafe') ----

  /** An integer value cast to this bool or integer type: wraps, as C casts do. */
  long wrap(long v) {
    switch (code) {
      case B1: return v != 0 ? 1 : 0;
      case I1: return (byte) v;
      case U1: return v & 0xffL;
      case I2: return (short) v;
      case U2: return v & 0xffffL;
      case I4: return (int) v;
      case U4: return v & 0xffffffffL;
      default: return v;
    }
  }

  /** An integer value (u8 if {@code unsigned64}) cast to this float type. */
  double fromLong(long v, boolean unsigned64) {
    if (code == F8) {
      return unsigned64 && v < 0 ? u64ToDouble(v) : (double) v;
    }
    // numpy converts integers to float16 through float32.
    float f = unsigned64 && v < 0 ? (float) ((v >>> 1) | (v & 1)) * 2f : (float) v;
    return code == F4 ? f : X86Float.halfToDouble(X86Float.doubleToHalf(f));
  }

  private static double u64ToDouble(long v) {
    // Halve with a sticky low bit, convert, double: one correct rounding, as the C cast does.
    return (double) ((v >>> 1) | (v & 1)) * 2.0;
  }

  /**
   * Where numpy's vectorised float-to-uint32 cast loop ends for a run of {@code n} elements: it
   * converts blocks of four and leaves the last {@code n % 4} to scalar code, and the two give
   * different results for out-of-range values and NaN (see {@link #fromDouble}).
   */
  static int vectorEnd(int n) {
    return n - (n & 3);
  }

  /**
   * A float value of type {@code src} cast to this bool or integer type. Out-of-range values and
   * NaN are undefined in C; these are the results numpy gives on x86-64 (cvttsd2si with its
   * 0x80..0 "invalid" value, narrow types through int32, unsigned types through the signed
   * conversion of {@code v - 2^31} or {@code v - 2^63} when v is that large). For uint32 that is
   * what numpy's vectorised loops give; its scalar code ({@code scalar}: a loop's tail, a single
   * assignment, or any float16 source) truncates to int64 and keeps the low 32 bits instead.
   */
  long fromDouble(double v, NumpyType src, boolean scalar) {
    switch (code) {
      case B1: return v != 0.0 ? 1 : 0; // NaN is true
      case I4: return cvt32(v);
      case I8: return cvt64(v);
      case U4:
        if (scalar || src.code == F2) {
          return cvt64(v) & 0xffffffffL;
        }
        return (v >= 0x1p31 ? cvt32(v - 0x1p31) ^ Integer.MIN_VALUE : cvt32(v)) & 0xffffffffL;
      case U8: return v >= 0x1p63 ? cvt64(v - 0x1p63) ^ Long.MIN_VALUE : cvt64(v);
      default: return wrap(cvt32(v));
    }
  }

  private static int cvt32(double v) {
    return v > -2147483649.0 && v < 2147483648.0 ? (int) v : Integer.MIN_VALUE;
  }

  private static long cvt64(double v) {
    return v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE;
  }

  /** A float value cast to this float type (one rounding; exact when widening). */
  double castDouble(double v) {
    switch (code) {
      case F2: return X86Float.halfToDouble(X86Float.doubleToHalf(v));
      case F4: return (float) v;
      default: return v;
    }
  }

  /**
   * The result of an arithmetic operation, computed exactly or in double, rounded as numpy's
   * loop for this float type rounds it. float16 loops compute in float32 and round that to half,
   * so two roundings happen; for float32 and float64 one rounding from double is exact for + - * /.
   */
  double roundOp(double v) {
    switch (code) {
      case F2: return X86Float.halfToDouble(X86Float.doubleToHalf((float) v));
      case F4: return (float) v;
      default: return v;
    }
  }

  // Arithmetic in this float type. numpy's float16 loops are compiled C in which gcc swapped the
  // operands of + and *, so there the second of two NaN operands comes back; elsewhere the first.

  double add(double a, double b) {
    return roundOp(code == F2 ? X86Float.add(b, a) : X86Float.add(a, b));
  }

  double sub(double a, double b) {
    return roundOp(X86Float.sub(a, b));
  }

  double mul(double a, double b) {
    return roundOp(code == F2 ? X86Float.mul(b, a) : X86Float.mul(a, b));
  }

  double div(double a, double b) {
    return roundOp(X86Float.div(a, b));
  }

  // ---- promotion ----

  /** numpy's promote_types for bool, integer and float types. */
  static NumpyType promote(NumpyType a, NumpyType b) {
    if (a.kind == b.kind) {
      return of(a.kind, Math.max(a.size, b.size));
    }
    if (a.kind == 'b' || b.kind == 'b') {
      return a.kind == 'b' ? of(b.kind, b.size) : of(a.kind, a.size);
    }
    if (a.isFloat() || b.isFloat()) {
      NumpyType f = a.isFloat() ? a : b;
      NumpyType n = a.isFloat() ? b : a;
      // An integer of n bytes fits exactly in a float of 2n bytes (float64 at most).
      return of('f', Math.max(f.size, Math.min(8, 2 * n.size)));
    }
    NumpyType s = a.kind == 'i' ? a : b;
    NumpyType u = a.kind == 'i' ? b : a;
    if (u.size < s.size) {
      return of('i', s.size);
    }
    return u.size < 8 ? of('i', 2 * u.size) : FLOAT64;
  }

  /**
   * The type numpy 1.x computes {@code array op scalar} in, for a Python int or float scalar:
   * value-based casting. A scalar of a kind no higher than the array's counts as its smallest
   * type holding the value (a small non-negative int as unsigned, or as signed next to signed or
   * float arrays); a float scalar next to an integer array counts as float64.
   */
  static NumpyType withScalar(NumpyType array, PyScalar s) {
    if (!s.isInt && !array.isFloat()) {
      return promote(array, FLOAT64);
    }
    return promote(array, s.isInt ? s.minIntType(array) : s.minFloatType());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumpyType && ((NumpyType) o).code == code && ((NumpyType) o).order == order;
  }

  @Override
  public int hashCode() {
    return code * 31 + order.hashCode();
  }

  @Override
  public String toString() {
    return str();
  }
}
