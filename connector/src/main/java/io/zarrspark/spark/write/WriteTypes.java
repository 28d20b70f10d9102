package io.zarrspark.spark.write;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.util.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark column types to Zarr element types: the inverse of the read mapping
 * ({@code schema/SparkTypes}), so that what a read gives back writes as the same array. A column
 * whose metadata carries {@code zarr.dtype} (as every column a read produces does) is written as
 * that type, which restores unsigned and half types that reads widen.
 */
final class WriteTypes {
  private WriteTypes() {}

  /** How a Spark value is fetched from a row. */
  enum Source { BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, BINARY, COMPLEX_FLOAT,
    COMPLEX_DOUBLE, TIMESTAMP, DATE }

  private static final Pattern TIME = Pattern.compile("(datetime64|timedelta64)\\[([0-9]*)([A-Za-z]+)\\]");
  private static final Pattern STRING = Pattern.compile("([US])[0-9]+");

  static Source source(StructField f) {
    org.apache.spark.sql.types.DataType t = f.dataType();
    if (t instanceof BooleanType) {
      return Source.BOOLEAN;
    } else if (t instanceof ByteType) {
      return Source.BYTE;
    } else if (t instanceof ShortType) {
      return Source.SHORT;
    } else if (t instanceof IntegerType) {
      return Source.INT;
    } else if (t instanceof LongType) {
      return Source.LONG;
    } else if (t instanceof FloatType) {
      return Source.FLOAT;
    } else if (t instanceof DoubleType) {
      return Source.DOUBLE;
    } else if (t instanceof DecimalType && ((DecimalType) t).scale() == 0 && ((DecimalType) t).precision() <= 20) {
      return Source.DECIMAL;
    } else if (t instanceof StringType) {
      return Source.STRING;
    } else if (t instanceof BinaryType) {
      return Source.BINARY;
    } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return Source.TIMESTAMP;
    } else if (t instanceof DateType) {
      return Source.DATE;
    } else if (t instanceof StructType && ((StructType) t).fields().length == 2) {
      StructField[] p = ((StructType) t).fields();
      if (p[0].dataType() instanceof FloatType && p[1].dataType() instanceof FloatType) {
        return Source.COMPLEX_FLOAT;
      }
      if (p[0].dataType() instanceof DoubleType && p[1].dataType() instanceof DoubleType) {
        return Source.COMPLEX_DOUBLE;
      }
    }
    throw WriteOptions.bad("column '" + f.name() + "' of type " + t.simpleString() + " has no Zarr type; supported:"
        + " boolean, tinyint, smallint, int, bigint, float, double, decimal(20,0) (uint64), string, binary,"
        + " timestamp, date, struct<real,imag> of float or double");
  }

  /**
   * The Zarr type of a new array for this column. For strings and binary the length is decided by
   * the data: the returned type then has length 1 and {@link #variableWidth} is true.
   */
  static DataType zarrType(StructField f) {
    Source s = source(f);
    DataType declared = declared(f);
    DataType t = declared != null ? declared : natural(s);
    check(f.name(), t, s);
    return t;
  }

  static boolean variableWidth(DataType t) {
    return t.kind() == DataType.Kind.UNICODE || t.kind() == DataType.Kind.BYTES;
  }

  private static DataType natural(Source s) {
    switch (s) {
      case BOOLEAN:
        return DataType.BOOL;
      case BYTE:
        return DataType.INT8;
      case SHORT:
        return DataType.INT16;
      case INT:
        return DataType.INT32;
      case LONG:
        return DataType.INT64;
      case FLOAT:
        return DataType.FLOAT32;
      case DOUBLE:
        return DataType.FLOAT64;
      case DECIMAL:
        return DataType.UINT64;
      case STRING:
        return DataType.unicode(1);
      case BINARY:
        return DataType.bytes(1);
      case COMPLEX_FLOAT:
        return DataType.COMPLEX64;
      case COMPLEX_DOUBLE:
        return DataType.COMPLEX128;
      case TIMESTAMP:
        return DataType.datetime("us", 1);
      case DATE:
        return DataType.datetime("D", 1);
      default:
        throw new AssertionError(s);
    }
  }

  /** The type named by the column's {@code zarr.dtype} metadata, or null. */
  private static DataType declared(StructField f) {
    if (!f.metadata().contains("zarr.dtype")) {
      return null;
    }
    String name = f.metadata().getString("zarr.dtype");
    Matcher m = TIME.matcher(name);
    if (m.matches()) {
      long scale = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
      return m.group(1).startsWith("datetime") ? DataType.datetime(m.group(3), scale)
          : DataType.timedelta(m.group(3), scale);
    }
    Matcher s = STRING.matcher(name);
    if (s.matches()) {
      return s.group(1).equals("U") ? DataType.unicode(1) : DataType.bytes(1);
    }
    try {
      return io.zarrspark.core.dtype.DataTypes.parseV3(Json.NODES.textNode(name), "column '" + f.name() + "'");
    } catch (RuntimeException e) {
      throw WriteOptions.bad("column '" + f.name() + "' declares zarr.dtype '" + name + "', which is not a Zarr type");
    }
  }

  /** Fails unless values of {@code s} can be stored as {@code t} (range is checked per value). */
  static void check(String column, DataType t, Source s) {
    boolean ok;
    switch (t.kind()) {
      case BOOL:
        ok = s == Source.BOOLEAN;
        break;
      case INT:
      case UINT:
        ok = s == Source.BYTE || s == Source.SHORT || s == Source.INT || s == Source.LONG || s == Source.DECIMAL;
        break;
      case DATETIME:
      case TIMEDELTA:
        ok = s == Source.BYTE || s == Source.SHORT || s == Source.INT || s == Source.LONG
            || (s == Source.TIMESTAMP && t.timeUnit().equals("us") && t.timeScale() == 1)
            || (s == Source.DATE && t.timeUnit().equals("D") && t.timeScale() == 1);
        break;
      case FLOAT:
        ok = s == Source.FLOAT || s == Source.DOUBLE || s == Source.BYTE || s == Source.SHORT || s == Source.INT
            || s == Source.LONG;
        break;
      case COMPLEX:
        ok = s == Source.COMPLEX_FLOAT || s == Source.COMPLEX_DOUBLE;
        break;
      case UNICODE:
        ok = s == Source.STRING;
        break;
      case BYTES:
      case RAW:
        ok = s == Source.BINARY;
        break;
      default:
        ok = false;
    }
    if (!ok) {
      throw WriteOptions.bad("column '" + column + "' (" + s.name().toLowerCase(java.util.Locale.ROOT)
          + ") cannot be written to an array of " + t);
    }
  }
}
