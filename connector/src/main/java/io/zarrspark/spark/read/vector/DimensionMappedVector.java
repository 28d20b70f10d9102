package io.zarrspark.spark.read.vector;

import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A coordinate column: the values of a one-dimensional vector (the coordinate array over the
 * chunk's range of one dimension), repeated along the batch's rows as that dimension's index.
 */
public final class DimensionMappedVector extends ColumnVector {
  private final ColumnVector values;
  private final int dim;
  private final RowLayout layout;

  public DimensionMappedVector(ColumnVector values, int dim, RowLayout layout) {
    super(values.dataType());
    this.values = values;
    this.dim = dim;
    this.layout = layout;
  }

  private int at(int row) {
    return layout.local(row, dim);
  }

  @Override
  public boolean hasNull() {
    return values.hasNull();
  }

  @Override
  public int numNulls() {
    int n = 0;
    for (int r = 0; r < layout.rows(); r++) {
      n += isNullAt(r) ? 1 : 0;
    }
    return n;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return values.isNullAt(at(rowId));
  }

  @Override
  public boolean getBoolean(int rowId) {
    return values.getBoolean(at(rowId));
  }

  @Override
  public byte getByte(int rowId) {
    return values.getByte(at(rowId));
  }

  @Override
  public short getShort(int rowId) {
    return values.getShort(at(rowId));
  }

  @Override
  public int getInt(int rowId) {
    return values.getInt(at(rowId));
  }

  @Override
  public long getLong(int rowId) {
    return values.getLong(at(rowId));
  }

  @Override
  public float getFloat(int rowId) {
    return values.getFloat(at(rowId));
  }

  @Override
  public double getDouble(int rowId) {
    return values.getDouble(at(rowId));
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    return values.getDecimal(at(rowId), precision, scale);
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    return values.getUTF8String(at(rowId));
  }

  @Override
  public byte[] getBinary(int rowId) {
    return values.getBinary(at(rowId));
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    return values.getArray(at(rowId));
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    return values.getMap(at(ordinal));
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    throw new UnsupportedOperationException("coordinate columns are not structs");
  }

  @Override
  public void close() {
    values.close();
  }
}
