package io.zarrspark.spark.schema;

import io.zarrspark.core.dtype.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark type of each Zarr element type; unsigned types widen so no value is lost. */
public final class SparkTypes {
  private SparkTypes() {}

  public static final DecimalType UINT64 = DataTypes.createDecimalType(20, 0);

  public static StructType complex(org.apache.spark.sql.types.DataType part) {
    return new StructType(new StructField[] {
        new StructField("real", part, false, Metadata.empty()),
        new StructField("imag", part, false, Metadata.empty())});
  }

  public static org.apache.spark.sql.types.DataType of(DataType t) {
    switch (t.kind()) {
      case BOOL:
        return DataTypes.BooleanType;
      case INT:
        switch (t.byteSize()) {
          case 1:
            return DataTypes.ByteType;
          case 2:
            return DataTypes.ShortType;
          case 4:
            return DataTypes.IntegerType;
          default:
            return DataTypes.LongType;
        }
      case UINT:
        switch (t.byteSize()) {
          case 1:
            return DataTypes.ShortType;
          case 2:
            return DataTypes.IntegerType;
          case 4:
            return DataTypes.LongType;
          default:
            return UINT64;
        }
      case FLOAT:
        return t.byteSize() == 8 ? DataTypes.DoubleType : DataTypes.FloatType;
      case COMPLEX:
        return complex(t.byteSize() == 16 ? DataTypes.DoubleType : DataTypes.FloatType);
      case UNICODE:
      case VLEN_UTF8:
        return DataTypes.StringType;
      case BYTES:
      case RAW:
        return DataTypes.BinaryType;
      case DATETIME:
        return microsPerUnit(t) > 0 ? DataTypes.TimestampType : DataTypes.LongType;
      case TIMEDELTA:
        // Kept as the stored count of units; the unit is in the column metadata.
        return DataTypes.LongType;
      default:
        throw new IllegalArgumentException("no Spark type for " + t);
    }
  }

  /**
   * Microseconds per unit of a datetime type when that is a whole number (so the conversion to a
   * Spark timestamp is exact), else 0: nanoseconds and calendar units stay counts.
   */
  public static long microsPerUnit(DataType t) {
    if (t.kind() != DataType.Kind.DATETIME) {
      return 0;
    }
    long nanos = io.zarrspark.core.dtype.TimeUnits.nanos(t.timeUnit());
    if (nanos <= 0 || nanos % 1000 != 0) {
      return 0;
    }
    return Math.multiplyExact(nanos / 1000, t.timeScale());
  }

  /** Column metadata recording the Zarr type (and unit for times). */
  public static Metadata metadata(DataType t, String arrayPath) {
    MetadataBuilder b = new MetadataBuilder().putString("zarr.dtype", t.toString()).putString("zarr.array", arrayPath);
    if (t.isTime()) {
      b.putString("zarr.unit", (t.timeScale() == 1 ? "" : Long.toString(t.timeScale())) + t.timeUnit());
    }
    return b.build();
  }
}
