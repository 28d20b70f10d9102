package io.zarrspark.core.dtype;

import java.io.Serializable;
import java.util.Objects;

/**
 * An element type of a Zarr array, independent of the format that declared it and of the byte
 * order it is stored in. Every type has a fixed element size; decoded data is always held
 * little-endian, so {@link #swapUnit()} tells the bytes codec how to reorder stored bytes.
 */
public final class DataType implements Serializable {
  private static final long serialVersionUID = 1L;


  /** The families of element types; engines map these to their own types. */
  public enum Kind { BOOL, INT, UINT, FLOAT, COMPLEX, RAW, UNICODE, BYTES, DATETIME, TIMEDELTA,
    /** Variable-length UTF-8 strings; elements are heap handles, see {@code ndarray.StringHeap}. */
    VLEN_UTF8 }

  public static final DataType BOOL = new DataType(Kind.BOOL, 1, 1, null, 0);
  public static final DataType INT8 = new DataType(Kind.INT, 1, 1, null, 0);
  public static final DataType INT16 = new DataType(Kind.INT, 2, 2, null, 0);
  public static final DataType INT32 = new DataType(Kind.INT, 4, 4, null, 0);
  public static final DataType INT64 = new DataType(Kind.INT, 8, 8, null, 0);
  public static final DataType UINT8 = new DataType(Kind.UINT, 1, 1, null, 0);
  public static final DataType UINT16 = new DataType(Kind.UINT, 2, 2, null, 0);
  public static final DataType UINT32 = new DataType(Kind.UINT, 4, 4, null, 0);
  public static final DataType UINT64 = new DataType(Kind.UINT, 8, 8, null, 0);
  public static final DataType FLOAT16 = new DataType(Kind.FLOAT, 2, 2, null, 0);
  public static final DataType FLOAT32 = new DataType(Kind.FLOAT, 4, 4, null, 0);
  public static final DataType FLOAT64 = new DataType(Kind.FLOAT, 8, 8, null, 0);
  public static final DataType COMPLEX64 = new DataType(Kind.COMPLEX, 8, 4, null, 0);
  public static final DataType COMPLEX128 = new DataType(Kind.COMPLEX, 16, 8, null, 0);

  /**
   * Variable-length UTF-8 strings (v3 {@code string}, v2 {@code |O} with the vlen-utf8 filter).
   * The 8-byte element is an (offset, length) handle into the array's heap, not stored data.
   */
  public static final DataType VLEN_UTF8 = new DataType(Kind.VLEN_UTF8, 8, 1, null, 0);

  private final Kind kind;
  private final int byteSize;
  private final int swapUnit;
  private final String timeUnit;
  private final long timeScale;

  private DataType(Kind kind, int byteSize, int swapUnit, String timeUnit, long timeScale) {
    this.kind = kind;
    this.byteSize = byteSize;
    this.swapUnit = swapUnit;
    this.timeUnit = timeUnit;
    this.timeScale = timeScale;
  }

  /** Raw bits of {@code bits} width (v3 {@code r<N>}, v2 {@code |V<n>}); bits is a multiple of 8. */
  public static DataType raw(int bits) {
    if (bits <= 0 || bits % 8 != 0) {
      throw new IllegalArgumentException("raw data type needs a positive multiple of 8 bits, got " + bits);
    }
    return new DataType(Kind.RAW, bits / 8, 1, null, 0);
  }

  /** Fixed-length UCS-4 strings of {@code chars} code points (numpy {@code U<n>}). */
  public static DataType unicode(int chars) {
    if (chars <= 0) {
      throw new IllegalArgumentException("fixed-length unicode needs a positive length, got " + chars);
    }
    return new DataType(Kind.UNICODE, Math.multiplyExact(chars, 4), 4, null, 0);
  }

  /** Fixed-length byte strings of {@code length} bytes (numpy {@code S<n>}). */
  public static DataType bytes(int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("fixed-length bytes needs a positive length, got " + length);
    }
    return new DataType(Kind.BYTES, length, 1, null, 0);
  }

  /** numpy datetime64 with a unit such as "ns" and a multiple (usually 1). */
  public static DataType datetime(String unit, long scale) {
    return new DataType(Kind.DATETIME, 8, 8, TimeUnits.check(unit), checkScale(scale));
  }

  /** numpy timedelta64 with a unit such as "s" and a multiple (usually 1). */
  public static DataType timedelta(String unit, long scale) {
    return new DataType(Kind.TIMEDELTA, 8, 8, TimeUnits.check(unit), checkScale(scale));
  }

  private static long checkScale(long scale) {
    if (scale <= 0 || scale > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("time unit multiple must be in [1, 2^31), got " + scale);
    }
    return scale;
  }

  public Kind kind() {
    return kind;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** Width of the unit whose bytes a change of endianness reverses (1: nothing to swap). */
  public int swapUnit() {
    return swapUnit;
  }

  /** For strings: characters (UNICODE) or bytes (BYTES); otherwise 0. */
  public int length() {
    return kind == Kind.UNICODE ? byteSize / 4 : kind == Kind.BYTES ? byteSize : 0;
  }

  /** For datetime/timedelta: the numpy unit ("ns", "s", "D", ...); otherwise null. */
  public String timeUnit() {
    return timeUnit;
  }

  /** For datetime/timedelta: the multiple of the unit (numpy {@code M8[10s]} has 10). */
  public long timeScale() {
    return timeScale;
  }

  public boolean isIntegral() {
    return kind == Kind.INT || kind == Kind.UINT;
  }

  public boolean isTime() {
    return kind == Kind.DATETIME || kind == Kind.TIMEDELTA;
  }

  /** A readable name: the v3 name where one exists, otherwise the numpy-style name. */
  @Override
  public String toString() {
    switch (kind) {
      case BOOL:
        return "bool";
      case INT:
        return "int" + byteSize * 8;
      case UINT:
        return "uint" + byteSize * 8;
      case FLOAT:
        return "float" + byteSize * 8;
      case COMPLEX:
        return "complex" + byteSize * 8;
      case RAW:
        return "r" + byteSize * 8;
      case UNICODE:
        return "U" + length();
      case BYTES:
        return "S" + length();
      case DATETIME:
        return "datetime64[" + (timeScale == 1 ? "" : timeScale) + timeUnit + "]";
      case TIMEDELTA:
        return "timedelta64[" + (timeScale == 1 ? "" : timeScale) + timeUnit + "]";
      case VLEN_UTF8:
        return "string";
      default:
        throw new AssertionError(kind);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataType)) {
      return false;
    }
    DataType d = (DataType) o;
    return kind == d.kind && byteSize == d.byteSize && timeScale == d.timeScale
        && Objects.equals(timeUnit, d.timeUnit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, byteSize, timeUnit, timeScale);
  }
}
