package io.zarrspark.spark.read.vector;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/** A dimension column computed from the chunk origin: nothing is materialised per row. */
public final class IndexVector extends ColumnVector {
  private final long origin;
  private final int dim;
  private final RowLayout layout;

  /** Yields the array index along {@code dim} of each row of {@code layout}. */
  public IndexVector(int dim, long[] origin, RowLayout layout) {
    super(DataTypes.LongType);
    this.origin = origin[dim];
    this.dim = dim;
    this.layout = layout;
  }

  @Override
  public long getLong(int rowId) {
    return origin + layout.local(rowId, dim);
  }

  @Override
  public boolean hasNull() {
    return false;
  }

  @Override
  public int numNulls() {
    return 0;
  }

  @Override
  public boolean isNullAt(int rowId) {
    return false;
  }

  @Override
  public void close() {}

  private static UnsupportedOperationException wrongType() {
    return new UnsupportedOperationException("a dimension column is a long");
  }

  @Override
  public boolean getBoolean(int rowId) {
    throw wrongType();
  }

  @Override
  public byte getByte(int rowId) {
    throw wrongType();
  }

  @Override
  public short getShort(int rowId) {
    throw wrongType();
  }

  @Override
  public int getInt(int rowId) {
    throw wrongType();
  }

  @Override
  public float getFloat(int rowId) {
    throw wrongType();
  }

  @Override
  public double getDouble(int rowId) {
    throw wrongType();
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    throw wrongType();
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    throw wrongType();
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    throw wrongType();
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    throw wrongType();
  }

  @Override
  public byte[] getBinary(int rowId) {
    throw wrongType();
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    throw wrongType();
  }
}
