package io.zarrspark.core.dtype;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One element's worth of bytes, little-endian, used for elements no chunk stores. Held as bytes
 * rather than as a number so that NaN payloads, uint64 beyond 2^63 and strings are all exact.
 */
public final class FillValue {
  private final DataType type;
  private final byte[] bytes;

  public FillValue(DataType type, byte[] littleEndianBytes) {
    if (littleEndianBytes.length != type.byteSize()) {
      throw new IllegalArgumentException("fill value of " + littleEndianBytes.length + " bytes for "
          + type + " whose elements have " + type.byteSize());
    }
    this.type = type;
    this.bytes = littleEndianBytes.clone();
  }

  public static FillValue zero(DataType type) {
    return new FillValue(type, new byte[type.byteSize()]);
  }

  public DataType type() {
    return type;
  }

  /** A copy of the little-endian element bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public byte byteAt(int i) {
    return bytes[i];
  }

  public boolean isZero() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The fill as a long, for integral, bool and time types (uint64 as its two's complement). */
  public long asLong() {
    long v = 0;
    for (int i = Math.min(8, bytes.length) - 1; i >= 0; i--) {
      v = (v << 8) | (bytes[i] & 0xff);
    }
    if (type.kind() == DataType.Kind.INT && bytes.length < 8) {
      int shift = 64 - 8 * bytes.length;
      v = (v << shift) >> shift;
    }
    return v;
  }

  /** The fill as a double, for real float types. */
  public double asDouble() {
    switch (type.byteSize()) {
      case 2:
        return Float16.toFloat((short) asLong());
      case 4:
        return Float.intBitsToFloat((int) asLong());
      case 8:
        return Double.longBitsToDouble(asLong());
      default:
        throw new IllegalStateException("not a float fill: " + type);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FillValue && ((FillValue) o).type.equals(type)
        && Arrays.equals(((FillValue) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return type + " fill 0x" + HexFormat.of().formatHex(bytes) + " (little-endian)";
  }
}
