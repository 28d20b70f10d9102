package io.zarrspark.spark.read;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.Float16;
import io.zarrspark.core.dtype.TimeUnits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Spark value an element should read as, derived from core's little-endian bytes
 * independently of the connector's vectors (the mapping is the README's type table).
 */
final class ExpectedValues {
  private ExpectedValues() {}

  static Object of(DataType t, byte[] data, int index) {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int p = index * t.byteSize();
    switch (t.kind()) {
      case BOOL:
        return b.get(p) != 0;
      case INT:
        switch (t.byteSize()) {
          case 1:
            return b.get(p);
          case 2:
            return b.getShort(p);
          case 4:
            return b.getInt(p);
          default:
            return b.getLong(p);
        }
      case UINT:
        switch (t.byteSize()) {
          case 1:
            return (short) (b.get(p) & 0xff);
          case 2:
            return b.getShort(p) & 0xffff;
          case 4:
            return b.getInt(p) & 0xffffffffL;
          default:
            return new BigDecimal(new BigInteger(Long.toUnsignedString(b.getLong(p))));
        }
      case FLOAT:
        return t.byteSize() == 2 ? Float16.toFloat(b.getShort(p)) : t.byteSize() == 4 ? (Object) b.getFloat(p) : b.getDouble(p);
      case COMPLEX:
        return t.byteSize() == 8 ? new Object[] {b.getFloat(p), b.getFloat(p + 4)} : new Object[] {b.getDouble(p), b.getDouble(p + 8)};
      case UNICODE: {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
          int cp = b.getInt(p + 4 * i);
          if (cp == 0) {
            break;
          }
          sb.appendCodePoint(cp);
        }
        return sb.toString();
      }
      case BYTES: {
        byte[] v = Arrays.copyOfRange(data, p, p + t.byteSize());
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) {
          n--;
        }
        return Arrays.copyOf(v, n);
      }
      case RAW:
        return Arrays.copyOfRange(data, p, p + t.byteSize());
      case DATETIME: {
        long v = b.getLong(p);
        long nanos = TimeUnits.nanos(t.timeUnit());
        if (nanos > 0 && nanos % 1000 == 0) {
          return v == TimeUnits.NAT ? null : v * (nanos / 1000) * t.timeScale();
        }
        return v;
      }
      case TIMEDELTA:
        return b.getLong(p);
      default:
        throw new AssertionError(t);
    }
  }

  /** Equality where NaN equals NaN and byte arrays compare by content; timestamps as micros. */
  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (actual instanceof java.time.Instant) {
      java.time.Instant i = (java.time.Instant) actual;
      actual = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }
    if (actual instanceof java.sql.Timestamp) {
      java.sql.Timestamp ts = (java.sql.Timestamp) actual;
      actual = Math.floorDiv(ts.getTime(), 1000) * 1_000_000 + ts.getNanos() / 1000;
    }
    if (expected instanceof Float && actual instanceof Float) {
      return Float.compare((Float) expected, (Float) actual) == 0 || ((Float) expected).isNaN() && ((Float) actual).isNaN();
    }
    if (expected instanceof Double && actual instanceof Double) {
      return Double.compare((Double) expected, (Double) actual) == 0;
    }
    if (expected instanceof byte[]) {
      return actual instanceof byte[] && Arrays.equals((byte[]) expected, (byte[]) actual);
    }
    if (expected instanceof Object[]) {
      org.apache.spark.sql.Row r = (org.apache.spark.sql.Row) actual;
      Object[] e = (Object[]) expected;
      return same(e[0], r.get(0)) && same(e[1], r.get(1));
    }
    if (expected instanceof BigDecimal) {
      return ((BigDecimal) expected).compareTo((BigDecimal) actual) == 0;
    }
    return expected.equals(actual);
  }
}
