package io.zarrspark.spark.read;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.vectorized.ColumnVector;

/** A column's first n values as one Spark array value (primitive arrays stay unboxed). */
final class VectorArrays {
  private VectorArrays() {}

  static ArrayData toArrayData(ColumnVector v, int n, DataType type) {
    if (!v.hasNull()) {
      if (type == DataTypes.FloatType) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getFloat(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.DoubleType) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getDouble(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.IntegerType) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getInt(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.LongType) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getLong(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.ShortType) {
        short[] a = new short[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getShort(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.ByteType) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getByte(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      } else if (type == DataTypes.BooleanType) {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.getBoolean(i);
        }
        return UnsafeArrayData.fromPrimitiveArray(a);
      }
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = v.isNullAt(i) ? null : value(v, i, type);
    }
    return new GenericArrayData(out);
  }

  /** One value in Spark's internal representation. */
  private static Object value(ColumnVector v, int i, DataType type) {
    if (type == DataTypes.FloatType) {
      return v.getFloat(i);
    } else if (type == DataTypes.DoubleType) {
      return v.getDouble(i);
    } else if (type == DataTypes.IntegerType) {
      return v.getInt(i);
    } else if (type == DataTypes.LongType || type == DataTypes.TimestampType) {
      return v.getLong(i);
    } else if (type == DataTypes.ShortType) {
      return v.getShort(i);
    } else if (type == DataTypes.ByteType) {
      return v.getByte(i);
    } else if (type == DataTypes.BooleanType) {
      return v.getBoolean(i);
    } else if (type == DataTypes.StringType) {
      return v.getUTF8String(i);
    } else if (type == DataTypes.BinaryType) {
      return v.getBinary(i);
    } else if (type instanceof DecimalType) {
      DecimalType d = (DecimalType) type;
      return v.getDecimal(i, d.precision(), d.scale());
    } else {
      // struct<real, imag>
      InternalRow r = v.getStruct(i);
      return r.copy();
    }
  }
}
