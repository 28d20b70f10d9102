package io.zarrspark.peers.zarrjava;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zarr.zarrjava.v3.DataType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import ucar.ma2.Array;
import ucar.ma2.IndexIterator;

/**
 * The v3 data types zarr-java 0.0.9 has, and the conversions between its array type
 * ({@code ucar.ma2.Array}) and the fixtures' expected format: the whole array as little-endian,
 * C-order bytes (bool one byte 0/1). Every conversion moves raw bits (floatToRawIntBits and so
 * on), never a value, so NaN payloads and -0.0 survive.
 */
final class Types {
  private Types() {}

  /** numpy spelling of the logical type in little-endian order, as the manifests use for v3. */
  static String numpy(DataType t) {
    switch (t) {
      case BOOL: return "|b1";
      case INT8: return "|i1";
      case UINT8: return "|u1";
      default:
        char kind = t.getValue().startsWith("float") ? 'f' : t.getValue().startsWith("uint") ? 'u' : 'i';
        return "<" + kind + t.getByteCount();
    }
  }

  static boolean isFloat(DataType t) {
    return t == DataType.FLOAT32 || t == DataType.FLOAT64;
  }

  /** A ucar.ma2 array of {@code shape} holding {@code le} (LE, C order). */
  static Array toMa2(DataType t, int[] shape, byte[] le) {
    ByteBuffer b = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
    int n = le.length / t.getByteCount();
    Object storage;
    switch (t) {
      case BOOL: {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = le[i] != 0;
        }
        storage = v;
        break;
      }
      case INT8:
      case UINT8:
        storage = le.clone();
        break;
      case INT16:
      case UINT16: {
        short[] v = new short[n];
        b.asShortBuffer().get(v);
        storage = v;
        break;
      }
      case INT32:
      case UINT32: {
        int[] v = new int[n];
        b.asIntBuffer().get(v);
        storage = v;
        break;
      }
      case INT64:
      case UINT64: {
        long[] v = new long[n];
        b.asLongBuffer().get(v);
        storage = v;
        break;
      }
      case FLOAT32: {
        // Through int bits: FloatBuffer.get would be fine too, but this keeps every step a bit copy.
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = Float.intBitsToFloat(b.getInt(4 * i));
        }
        storage = v;
        break;
      }
      case FLOAT64: {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = Double.longBitsToDouble(b.getLong(8 * i));
        }
        storage = v;
        break;
      }
      default:
        throw new IllegalArgumentException(t.toString());
    }
    return Array.factory(t.getMA2DataType(), shape, storage);
  }

  /** The contents of {@code a} in its logical (C) order as LE bytes, whatever its memory layout. */
  static byte[] toLe(DataType t, Array a) {
    long n = a.getSize();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(n * t.getByteCount())).order(ByteOrder.LITTLE_ENDIAN);
    IndexIterator it = a.getIndexIterator();
    while (it.hasNext()) {
      switch (t) {
        case BOOL: out.put((byte) (it.getBooleanNext() ? 1 : 0)); break;
        case INT8:
        case UINT8: out.put(it.getByteNext()); break;
        case INT16:
        case UINT16: out.putShort(it.getShortNext()); break;
        case INT32:
        case UINT32: out.putInt(it.getIntNext()); break;
        case INT64:
        case UINT64: out.putLong(it.getLongNext()); break;
        case FLOAT32: out.putInt(Float.floatToRawIntBits(it.getFloatNext())); break;
        case FLOAT64: out.putLong(Double.doubleToRawLongBits(it.getDoubleNext())); break;
        default: throw new IllegalArgumentException(t.toString());
      }
    }
    return out.array();
  }

  /**
   * The LE bytes of a v3 {@code fill_value} as the spec defines it: numbers; "NaN", "Infinity",
   * "-Infinity" (NaN is the canonical quiet NaN); "0x..." hex strings giving the bits as an
   * unsigned integer (so "0x7fc00001" is the float32 with those bits); booleans.
   */
  static byte[] fillBits(DataType t, JsonNode v) {
    int size = t.getByteCount();
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    if (t == DataType.BOOL) {
      if (!v.isBoolean()) {
        throw new IllegalArgumentException("bool fill_value " + v);
      }
      return new byte[] {(byte) (v.asBoolean() ? 1 : 0)};
    }
    if (v.isTextual() && v.asText().toLowerCase(Locale.ROOT).startsWith("0x")) {
      long bits = new BigInteger(v.asText().substring(2), 16).longValue();
      putBits(b, size, bits);
      return b.array();
    }
    if (isFloat(t)) {
      double d;
      if (v.isTextual()) {
        switch (v.asText()) {
          case "NaN": putBits(b, size, size == 4 ? 0x7fc00000L : 0x7ff8000000000000L); return b.array();
          case "Infinity": d = Double.POSITIVE_INFINITY; break;
          case "-Infinity": d = Double.NEGATIVE_INFINITY; break;
          default: throw new IllegalArgumentException("float fill_value " + v);
        }
      } else if (v.isNumber()) {
        d = v.asDouble();
      } else {
        throw new IllegalArgumentException("float fill_value " + v);
      }
      if (size == 4) {
        b.putInt(Float.floatToRawIntBits((float) d));
      } else {
        b.putLong(Double.doubleToRawLongBits(d));
      }
      return b.array();
    }
    if (!v.isIntegralNumber()) {
      throw new IllegalArgumentException("integer fill_value " + v);
    }
    // Two's complement of the exact value, truncated: uint64 above 2^63 comes out right.
    putBits(b, size, v.bigIntegerValue().longValue());
    return b.array();
  }

  private static void putBits(ByteBuffer b, int size, long bits) {
    for (int i = 0; i < size; i++) {
      b.put((byte) (bits >>> (8 * i)));
    }
  }

  /** The LE bytes of zarr-java's parsed fill value (a Boolean, Byte, Short, ..., Double). */
  static byte[] parsedFillBits(DataType t, Object parsed) {
    ByteBuffer b = ByteBuffer.allocate(t.getByteCount()).order(ByteOrder.LITTLE_ENDIAN);
    if (parsed instanceof Boolean) {
      b.put((byte) (((Boolean) parsed) ? 1 : 0));
    } else if (parsed instanceof Float) {
      b.putInt(Float.floatToRawIntBits((Float) parsed));
    } else if (parsed instanceof Double) {
      b.putLong(Double.doubleToRawLongBits((Double) parsed));
    } else if (parsed instanceof Number) {
      putBits(b, t.getByteCount(), ((Number) parsed).longValue());
    } else {
      throw new IllegalArgumentException("fill value " + parsed);
    }
    return b.array();
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = b.length - 1; i >= 0; i--) {
      s.append(String.format("%02x", b[i] & 0xff));
    }
    return "0x" + s;
  }
}
