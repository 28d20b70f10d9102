package io.zarrspark.spark.read.cf;

import io.zarrspark.core.dtype.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/** A CF-decoded column over the stored values of another vector: masked values are null. */
public final class CfValueVector extends ColumnVector {
  private final CfEncoding encoding;
  private final ColumnVector stored;
  private final DataType storedType;
  private final int rows;

  public CfValueVector(org.apache.spark.sql.types.DataType type, CfEncoding encoding, ColumnVector stored, int rows) {
    super(type);
    this.encoding = encoding;
    this.stored = stored;
    this.storedType = encoding.stored();
    this.rows = rows;
  }

  /** The stored value as a double, whatever its width and signedness. */
  private double raw(int row) {
    switch (storedType.kind()) {
      case BOOL:
        return stored.getBoolean(row) ? 1 : 0;
      case FLOAT:
        return storedType.byteSize() == 8 ? stored.getDouble(row) : stored.getFloat(row);
      case INT:
        switch (storedType.byteSize()) {
          case 1:
            return stored.getByte(row);
          case 2:
            return stored.getShort(row);
          case 4:
            return stored.getInt(row);
          default:
            return stored.getLong(row);
        }
      case UINT:
        switch (storedType.byteSize()) {
          case 1:
            return stored.getShort(row);
          case 2:
            return stored.getInt(row);
          case 4:
            return stored.getLong(row);
          default:
            return stored.getDecimal(row, 20, 0).toDouble();
        }
      default:
        throw new IllegalStateException("no CF decoding for " + storedType);
    }
  }

  @Override
  public boolean hasNull() {
    return encoding.masks() || encoding.result() == CfEncoding.Result.TIMESTAMP;
  }

  @Override
  public int numNulls() {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      n += isNullAt(r) ? 1 : 0;
    }
    return n;
  }

  @Override
  public boolean isNullAt(int rowId) {
    if (!encoding.masks() && encoding.result() != CfEncoding.Result.TIMESTAMP) {
      return false;
    }
    double v = raw(rowId);
    return encoding.isMasked(v) || encoding.result() == CfEncoding.Result.TIMESTAMP && Double.isNaN(encoding.unpack(v));
  }

  @Override
  public boolean getBoolean(int rowId) {
    return raw(rowId) != 0;
  }

  @Override
  public float getFloat(int rowId) {
    return encoding.unpackFloat(raw(rowId));
  }

  @Override
  public double getDouble(int rowId) {
    return encoding.unpack(raw(rowId));
  }

  /** Timestamps (microseconds), or the stored integer for RAW results. */
  @Override
  public long getLong(int rowId) {
    if (encoding.result() == CfEncoding.Result.TIMESTAMP) {
      return encoding.time().toMicros(encoding.unpack(raw(rowId)));
    }
    return stored.getLong(rowId);
  }

  @Override
  public byte getByte(int rowId) {
    return stored.getByte(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return stored.getShort(rowId);
  }

  @Override
  public int getInt(int rowId) {
    return stored.getInt(rowId);
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    return stored.getDecimal(rowId, precision, scale);
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    return stored.getUTF8String(rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return stored.getBinary(rowId);
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    throw new UnsupportedOperationException("no arrays in a CF column");
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    throw new UnsupportedOperationException("no maps in a CF column");
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    throw new UnsupportedOperationException("no struct in a CF column");
  }

  @Override
  public void close() {
    stored.close();
  }
}
