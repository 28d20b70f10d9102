package io.zarrspark.core.dtype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Data types to and from their v2 (numpy typestr) and v3 (name or extension object) forms. */
public final class DataTypes {
  private DataTypes() {}

  private static final Map<String, DataType> V3_CORE = Map.ofEntries(
      Map.entry("bool", DataType.BOOL),
      Map.entry("int8", DataType.INT8), Map.entry("int16", DataType.INT16),
      Map.entry("int32", DataType.INT32), Map.entry("int64", DataType.INT64),
      Map.entry("uint8", DataType.UINT8), Map.entry("uint16", DataType.UINT16),
      Map.entry("uint32", DataType.UINT32), Map.entry("uint64", DataType.UINT64),
      Map.entry("float16", DataType.FLOAT16), Map.entry("float32", DataType.FLOAT32),
      Map.entry("float64", DataType.FLOAT64),
      Map.entry("complex64", DataType.COMPLEX64), Map.entry("complex128", DataType.COMPLEX128));

  private static final Pattern RAW = Pattern.compile("r([1-9][0-9]{0,6})");
  private static final Pattern V2 = Pattern.compile("([<>|=])([bBiufcmMUSV])([0-9]+)(?:\\[([0-9]*)([A-Za-z]+)\\])?");
  private static final long MAX_ELEMENT_BYTES = 1 << 24;

  /** Parses a v3 {@code data_type}; {@code where} names the array for errors. */
  public static DataType parseV3(JsonNode node, String where) {
    try {
      if (node != null && node.isTextual()) {
        String name = node.textValue();
        DataType core = V3_CORE.get(name);
        if (core != null) {
          return core;
        }
        if (name.equals("string")) {
          return DataType.VLEN_UTF8;
        }
        Matcher m = RAW.matcher(name);
        if (m.matches()) {
          return DataType.raw(Integer.parseInt(m.group(1)));
        }
        throw new InvalidMetadataException(where + ": unsupported data_type '" + name + "'");
      }
      if (node != null && node.isObject()) {
        return parseV3Extension(node, where);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidMetadataException(where + ": invalid data_type " + node + ": " + e.getMessage(), e);
    }
    throw new InvalidMetadataException(where + ": data_type must be a name or an object, got " + node);
  }

  private static DataType parseV3Extension(JsonNode node, String where) {
    String name = node.path("name").asText("");
    JsonNode conf = node.path("configuration");
    switch (name) {
      case "numpy.datetime64":
      case "numpy.timedelta64": {
        String unit = conf.path("unit").asText(null);
        long scale = conf.path("scale_factor").asLong(1);
        return name.endsWith("datetime64") ? DataType.datetime(unit, scale) : DataType.timedelta(unit, scale);
      }
      case "fixed_length_utf32":
        return DataType.unicode(lengthBytes(conf, where) / 4);
      case "null_terminated_bytes":
      case "fixed_length_bytes":
        return DataType.bytes(lengthBytes(conf, where));
      default:
        if (node.size() == 1 && V3_CORE.containsKey(name)) {
          return V3_CORE.get(name);
        }
        throw new InvalidMetadataException(where + ": unsupported data_type " + node);
    }
  }

  private static int lengthBytes(JsonNode conf, String where) {
    JsonNode n = conf.path("length_bytes");
    if (!n.canConvertToInt() || n.intValue() <= 0 || n.intValue() > MAX_ELEMENT_BYTES) {
      throw new InvalidMetadataException(where + ": data_type length_bytes must be a positive integer, got " + n);
    }
    return n.intValue();
  }

  /** The v3 form of a data type. */
  public static JsonNode toV3(DataType t) {
    switch (t.kind()) {
      case UNICODE:
      case BYTES: {
        ObjectNode o = Json.newObject();
        o.put("name", t.kind() == DataType.Kind.UNICODE ? "fixed_length_utf32" : "null_terminated_bytes");
        o.putObject("configuration").put("length_bytes", t.byteSize());
        return o;
      }
      case DATETIME:
      case TIMEDELTA: {
        ObjectNode o = Json.newObject();
        o.put("name", t.kind() == DataType.Kind.DATETIME ? "numpy.datetime64" : "numpy.timedelta64");
        ObjectNode c = o.putObject("configuration");
        c.put("unit", t.timeUnit());
        c.put("scale_factor", t.timeScale());
        return o;
      }
      default:
        return Json.NODES.textNode(t.toString()); // VLEN_UTF8 is "string"
    }
  }

  /** Parses a v2 {@code dtype} string such as {@code <f8}, {@code |b1}, {@code <U5}, {@code <M8[ns]}. */
  public static StoredType parseV2(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw new InvalidMetadataException(where + ": dtype " + node
          + " is not supported; only simple (non-structured) numpy dtypes are");
    }
    String s = node.textValue();
    if (s.equals("|O")) {
      // Python objects: readable only as strings, and only with a vlen-utf8 filter, which the
      // codec chain checks (V2Metadata); the byte order is irrelevant.
      return new StoredType(DataType.VLEN_UTF8, ByteOrder.LITTLE_ENDIAN);
    }
    Matcher m = V2.matcher(s);
    if (!m.matches()) {
      throw new InvalidMetadataException(where + ": unsupported dtype '" + s + "'");
    }
    char order = m.group(1).charAt(0);
    char code = m.group(2).charAt(0);
    long size = Long.parseLong(m.group(3));
    try {
      DataType t = v2Type(code, size, m.group(4), m.group(5), s);
      if (order == '|' && t.swapUnit() > 1) {
        throw new InvalidMetadataException(where + ": dtype '" + s + "' needs a byte order ('<' or '>'), not '|'");
      }
      ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      return new StoredType(t, bo);
    } catch (IllegalArgumentException e) {
      throw new InvalidMetadataException(where + ": unsupported dtype '" + s + "': " + e.getMessage(), e);
    }
  }

  private static DataType v2Type(char code, long size, String scale, String unit, String s) {
    if ((code == 'm' || code == 'M') != (unit != null)) {
      throw new IllegalArgumentException("a time unit goes with datetime/timedelta types only");
    }
    if (size <= 0 || size > MAX_ELEMENT_BYTES) {
      throw new IllegalArgumentException("element size " + size + " is out of range");
    }
    int n = (int) size;
    switch (code) {
      case 'b':
        return expect(n, 1, DataType.BOOL);
      case 'i':
        return n == 1 ? DataType.INT8 : n == 2 ? DataType.INT16 : n == 4 ? DataType.INT32
            : expect(n, 8, DataType.INT64);
      case 'u':
        return n == 1 ? DataType.UINT8 : n == 2 ? DataType.UINT16 : n == 4 ? DataType.UINT32
            : expect(n, 8, DataType.UINT64);
      case 'f':
        return n == 2 ? DataType.FLOAT16 : n == 4 ? DataType.FLOAT32 : expect(n, 8, DataType.FLOAT64);
      case 'c':
        return n == 8 ? DataType.COMPLEX64 : expect(n, 16, DataType.COMPLEX128);
      case 'U':
        return DataType.unicode(n);
      case 'S':
        return DataType.bytes(n);
      case 'V':
        return DataType.raw(Math.multiplyExact(n, 8));
      case 'M':
      case 'm':
        expect(n, 8, null);
        long sc = scale == null || scale.isEmpty() ? 1 : Long.parseLong(scale);
        return code == 'M' ? DataType.datetime(unit, sc) : DataType.timedelta(unit, sc);
      default:
        throw new IllegalArgumentException("unknown type code '" + code + "'");
    }
  }

  private static DataType expect(int n, int want, DataType t) {
    if (n != want) {
      throw new IllegalArgumentException("no such element size " + n);
    }
    return t;
  }

  /** The numpy typestr zarr-python 2 writes for a type stored in {@code order}. */
  public static String toV2(DataType t, ByteOrder order) {
    char bo = t.swapUnit() == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
    switch (t.kind()) {
      case BOOL:
        return "|b1";
      case INT:
        return bo + "i" + t.byteSize();
      case UINT:
        return bo + "u" + t.byteSize();
      case FLOAT:
        return bo + "f" + t.byteSize();
      case COMPLEX:
        return bo + "c" + t.byteSize();
      case RAW:
        return "|V" + t.byteSize();
      case UNICODE:
        return bo + "U" + t.length();
      case BYTES:
        return "|S" + t.length();
      case VLEN_UTF8:
        return "|O";
      case DATETIME:
      case TIMEDELTA:
        return bo + (t.kind() == DataType.Kind.DATETIME ? "M8[" : "m8[")
            + (t.timeScale() == 1 ? "" : Long.toString(t.timeScale())) + t.timeUnit() + "]";
      default:
        throw new AssertionError(t.kind());
    }
  }
}
