package io.zarrspark.spark.write;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.dtype.Float16;
import java.io.Serializable;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.Decimal;

/**
 * One value column and the array it is written to: how a row's value becomes the array's element
 * bytes (little-endian, as core holds decoded data), with the range checks that make a value
 * that does not fit an error instead of a silently wrapped number.
 */
final class ValueColumn implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String name;
  private final int ordinal;
  private final WriteTypes.Source source;
  private final DataType type;
  private final boolean variableWidth;
  private final byte[] fill;
  private final ArrayTemplate template;

  /**
   * @param type the element type; for a string or binary array whose length the data decides,
   *     any length (variableWidth is then true)
   */
  ValueColumn(String name, int ordinal, WriteTypes.Source source, DataType type, boolean variableWidth,
      FillValue fill, ArrayTemplate template) {
    this.name = name;
    this.ordinal = ordinal;
    this.source = source;
    this.type = type;
    this.variableWidth = variableWidth;
    this.fill = fill.bytes();
    this.template = template;
  }

  String name() {
    return name;
  }

  DataType type() {
    return type;
  }

  boolean variableWidth() {
    return variableWidth;
  }

  FillValue fill(DataType t) {
    return variableWidth ? FillValue.zero(t) : new FillValue(type, fill);
  }

  ArrayTemplate template() {
    return template;
  }

  boolean isNull(InternalRow row) {
    return row.isNullAt(ordinal);
  }

  /** A string's code points or a binary's bytes, for arrays whose length is not yet known. */
  Object variableValue(InternalRow row) {
    if (source == WriteTypes.Source.STRING) {
      return row.getUTF8String(ordinal).toString().codePoints().toArray();
    }
    return row.getBinary(ordinal);
  }

  /** Length of a variable value in elements of the type (code points, or bytes). */
  static int length(Object v) {
    return v instanceof int[] ? ((int[]) v).length : ((byte[]) v).length;
  }

  /** Writes a variable value into an element of {@code width} (NUL-padded, as numpy pads). */
  static void putVariable(Object v, ByteBuffer le, int element, DataType t) {
    int pos = element * t.byteSize();
    if (v instanceof int[]) {
      int[] cps = (int[]) v;
      for (int i = 0; i < cps.length; i++) {
        le.putInt(pos + 4 * i, cps[i]);
      }
    } else {
      le.put(pos, (byte[]) v);
    }
  }

  /** Stores the row's (non-null) value as element {@code element}; fails naming what does not fit. */
  void put(InternalRow row, ByteBuffer le, int element) {
    int pos = element * type.byteSize();
    switch (type.kind()) {
      case BOOL:
        le.put(pos, (byte) (row.getBoolean(ordinal) ? 1 : 0));
        return;
      case INT:
      case UINT:
      case DATETIME:
      case TIMEDELTA:
        putInteger(row, le, pos);
        return;
      case FLOAT:
        putFloat(le, pos, type.byteSize(), number(row));
        return;
      case COMPLEX: {
        InternalRow s = row.getStruct(ordinal, 2);
        int part = type.byteSize() / 2;
        double re = source == WriteTypes.Source.COMPLEX_FLOAT ? s.getFloat(0) : s.getDouble(0);
        double im = source == WriteTypes.Source.COMPLEX_FLOAT ? s.getFloat(1) : s.getDouble(1);
        putFloat(le, pos, part, re);
        putFloat(le, pos + part, part, im);
        return;
      }
      case UNICODE: {
        int[] cps = (int[]) variableValue(row);
        if (cps.length > type.length()) {
          throw new IllegalArgumentException("string of " + cps.length + " characters does not fit " + type);
        }
        putVariable(cps, le, element, type);
        return;
      }
      case BYTES:
      case RAW: {
        byte[] b = row.getBinary(ordinal);
        if (b.length > type.byteSize()) {
          throw new IllegalArgumentException("binary of " + b.length + " bytes does not fit " + type);
        }
        le.put(pos, b);
        return;
      }
      default:
        throw new IllegalStateException("no writer for " + type);
    }
  }

  private double number(InternalRow row) {
    switch (source) {
      case FLOAT:
        return row.getFloat(ordinal);
      case DOUBLE:
        return row.getDouble(ordinal);
      default:
        return longValue(row);
    }
  }

  private long longValue(InternalRow row) {
    switch (source) {
      case BYTE:
        return row.getByte(ordinal);
      case SHORT:
        return row.getShort(ordinal);
      case INT:
      case DATE:
        return row.getInt(ordinal);
      default:
        return row.getLong(ordinal);
    }
  }

  private void putInteger(InternalRow row, ByteBuffer le, int pos) {
    int size = type.byteSize();
    long v;
    if (source == WriteTypes.Source.DECIMAL) {
      Decimal d = row.getDecimal(ordinal, 20, 0);
      BigInteger b = d.toJavaBigDecimal().toBigIntegerExact();
      boolean unsigned64 = type.kind() == DataType.Kind.UINT && size == 8;
      if (unsigned64 ? (b.signum() < 0 || b.compareTo(UINT64_MAX) > 0) : b.bitLength() > 63) {
        throw new IllegalArgumentException("value " + b + " does not fit " + type);
      }
      v = b.longValue();
      if (!unsigned64) {
        checkRange(v, size);
      }
    } else {
      v = longValue(row);
      if (type.kind() == DataType.Kind.UINT && size == 8 && v < 0) {
        throw new IllegalArgumentException("value " + v + " does not fit " + type);
      }
      checkRange(v, size);
    }
    for (int i = 0; i < size; i++) {
      le.put(pos + i, (byte) (v >>> (8 * i)));
    }
  }

  private void checkRange(long v, int size) {
    if (size == 8 || type.isTime()) {
      return;
    }
    int bits = 8 * size;
    long lo = type.kind() == DataType.Kind.UINT ? 0 : -(1L << (bits - 1));
    long hi = type.kind() == DataType.Kind.UINT ? (1L << bits) - 1 : (1L << (bits - 1)) - 1;
    if (v < lo || v > hi) {
      throw new IllegalArgumentException("value " + v + " does not fit " + type);
    }
  }

  private void putFloat(ByteBuffer le, int pos, int size, double d) {
    if (size == 8) {
      le.putDouble(pos, d);
      return;
    }
    if (size == 4) {
      float f = (float) d;
      if (Float.isInfinite(f) && !Double.isInfinite(d)) {
        throw new IllegalArgumentException("value " + d + " overflows float32");
      }
      le.putFloat(pos, f);
      return;
    }
    short h = Float16.fromDouble(d);
    if ((h & 0x7fff) == 0x7c00 && !Double.isInfinite(d)) {
      throw new IllegalArgumentException("value " + d + " overflows float16");
    }
    le.putShort(pos, h);
  }
}
