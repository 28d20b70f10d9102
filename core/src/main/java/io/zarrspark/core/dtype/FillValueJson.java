package io.zarrspark.core.dtype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Fill values to and from their JSON forms in the v2 and v3 specs. */
public final class FillValueJson {
  private FillValueJson() {}

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** A v3 {@code fill_value}; {@code where} names the array for error messages. */
  public static FillValue parseV3(JsonNode node, DataType type, String where) {
    if (node == null || node.isNull()) {
      // The v3 spec requires a fill value; zarr-python 3 has written null for some types.
      return FillValue.zero(type);
    }
    return parse(node, type, where, false);
  }

  /** A v2 {@code fill_value}; null (no fill value) reads as zero bytes, as numpy's empty would. */
  public static FillValue parseV2(JsonNode node, DataType type, String where) {
    if (node == null || node.isNull()) {
      return FillValue.zero(type);
    }
    return parse(node, type, where, true);
  }

  private static FillValue parse(JsonNode node, DataType type, String where, boolean v2) {
    try {
      return new FillValue(type, parseBytes(node, type, v2));
    } catch (RuntimeException e) {
      if (e instanceof InvalidMetadataException) {
        throw e;
      }
      throw new InvalidMetadataException(where + ": fill_value " + node + " is not valid for data type "
          + type + ": " + e.getMessage(), e);
    }
  }

  private static byte[] parseBytes(JsonNode node, DataType type, boolean v2) {
    ByteBuffer out = ByteBuffer.allocate(type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (type.kind()) {
      case BOOL:
        if (node.isBoolean()) {
          out.put((byte) (node.booleanValue() ? 1 : 0));
        } else if (node.isIntegralNumber() && (node.asLong() == 0 || node.asLong() == 1)) {
          out.put((byte) node.asLong());
        } else {
          throw new IllegalArgumentException("expected true or false");
        }
        break;
      case INT:
      case UINT:
        putInteger(out, integer(node), type);
        break;
      case FLOAT:
        putFloat(out, node, type.byteSize());
        break;
      case COMPLEX:
        if (!node.isArray() || node.size() != 2) {
          throw new IllegalArgumentException("expected [real, imaginary]");
        }
        putFloat(out, node.get(0), type.byteSize() / 2);
        putFloat(out, node.get(1), type.byteSize() / 2);
        break;
      case RAW:
        if (node.isArray()) {
          if (node.size() != type.byteSize()) {
            throw new IllegalArgumentException("expected " + type.byteSize() + " byte values");
          }
          for (JsonNode b : node) {
            long v = b.isIntegralNumber() ? b.asLong() : -1;
            if (v < 0 || v > 255) {
              throw new IllegalArgumentException("byte value " + b + " is not in [0, 255]");
            }
            out.put((byte) v);
          }
        } else {
          putBase64(out, node);
        }
        break;
      case BYTES:
        putBase64(out, node);
        break;
      case UNICODE:
        if (!node.isTextual()) {
          throw new IllegalArgumentException("expected a string");
        }
        String s = node.textValue();
        int[] cps = s.codePoints().toArray();
        if (cps.length > type.length()) {
          throw new IllegalArgumentException("string of " + cps.length + " characters is longer than " + type.length());
        }
        for (int cp : cps) {
          out.putInt(cp);
        }
        break;
      case VLEN_UTF8:
        // Only the empty string is supported: a fill is one fixed-size element (here a heap
        // handle), and there is no heap to hold other strings. zarr-python 2 writes 0 for object
        // arrays (its missing elements read as the int 0), which a string column shows as "".
        if (!(node.isTextual() && node.textValue().isEmpty()
            || node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == 0)) {
          throw new IllegalArgumentException("only \"\" (or 0, or null) is supported as a string fill value");
        }
        break;
      case DATETIME:
      case TIMEDELTA:
        if (node.isTextual() && node.textValue().equals("NaT")) {
          out.putLong(TimeUnits.NAT);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
          out.putLong(node.longValue());
        } else {
          throw new IllegalArgumentException("expected an integer or \"NaT\"");
        }
        break;
      default:
        throw new AssertionError(type.kind());
    }
    return out.array();
  }

  private static BigInteger integer(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0) {
      // 0.0 for an integer array: numpy accepts it, so do we, but never a fraction.
      return node.decimalValue().toBigIntegerExact();
    }
    if (node.isTextual() && node.textValue().startsWith("0x")) {
      return new BigInteger(node.textValue().substring(2), 16);
    }
    throw new IllegalArgumentException("expected an integer");
  }

  private static void putInteger(ByteBuffer out, BigInteger v, DataType type) {
    int bits = type.byteSize() * 8;
    BigInteger min = type.kind() == DataType.Kind.INT ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = type.kind() == DataType.Kind.INT
        ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new IllegalArgumentException(v + " is outside [" + min + ", " + max + "]");
    }
    long raw = v.longValue();
    for (int i = 0; i < type.byteSize(); i++) {
      out.put((byte) (raw >>> (8 * i)));
    }
  }

  private static void putFloat(ByteBuffer out, JsonNode node, int size) {
    if (node.isTextual()) {
      String s = node.textValue();
      if (s.startsWith("0x")) {
        long bits = Long.parseUnsignedLong(s.substring(2), 16);
        if (s.length() - 2 != size * 2) {
          throw new IllegalArgumentException("hex fill " + s + " must have " + size * 2 + " hex digits");
        }
        for (int i = 0; i < size; i++) {
          out.put((byte) (bits >>> (8 * i)));
        }
        return;
      }
      double d;
      switch (s) {
        case "NaN":
          d = Double.NaN;
          break;
        case "Infinity":
          d = Double.POSITIVE_INFINITY;
          break;
        case "-Infinity":
          d = Double.NEGATIVE_INFINITY;
          break;
        default:
          throw new IllegalArgumentException("expected a number, \"NaN\", \"Infinity\", \"-Infinity\" or hex");
      }
      putDouble(out, d, size);
      return;
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException("expected a number");
    }
    putDouble(out, node.doubleValue(), size);
  }

  private static void putDouble(ByteBuffer out, double d, int size) {
    switch (size) {
      case 2:
        out.putShort(Float16.fromDouble(d));
        break;
      case 4:
        out.putFloat((float) d);
        break;
      case 8:
        out.putDouble(d);
        break;
      default:
        throw new AssertionError(size);
    }
  }

  private static void putBase64(ByteBuffer out, JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("expected a base64 string");
    }
    byte[] b = Base64.getDecoder().decode(node.textValue());
    if (b.length > out.remaining()) {
      throw new IllegalArgumentException("decoded " + b.length + " bytes, more than the element's " + out.remaining());
    }
    out.put(b);
  }

  /** The v3 JSON form of a fill value. */
  public static JsonNode toV3(FillValue fill, DataType type) {
    return toJson(fill, type, false);
  }

  /** The v2 JSON form of a fill value, as zarr-python 2 writes it. */
  public static JsonNode toV2(FillValue fill, DataType type) {
    return toJson(fill, type, true);
  }

  private static JsonNode toJson(FillValue fill, DataType type, boolean v2) {
    ByteBuffer b = ByteBuffer.wrap(fill.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    switch (type.kind()) {
      case BOOL:
        return Json.NODES.booleanNode(b.get() != 0);
      case INT:
        return Json.NODES.numberNode(fill.asLong());
      case UINT:
        long u = fill.asLong();
        return u >= 0 ? Json.NODES.numberNode(u)
            : Json.NODES.numberNode(BigInteger.valueOf(u).add(TWO_64));
      case FLOAT:
        return floatJson(b, type.byteSize(), v2);
      case COMPLEX:
        ArrayNode pair = Json.NODES.arrayNode();
        pair.add(floatJson(b, type.byteSize() / 2, v2));
        pair.add(floatJson(b, type.byteSize() / 2, v2));
        return pair;
      case RAW:
        if (v2) {
          return Json.NODES.textNode(Base64.getEncoder().encodeToString(fill.bytes()));
        }
        ArrayNode arr = Json.NODES.arrayNode();
        for (byte x : fill.bytes()) {
          arr.add(x & 0xff);
        }
        return arr;
      case BYTES:
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(fill.bytes()));
      case VLEN_UTF8:
        return Json.NODES.textNode("");
      case UNICODE:
        StringBuilder sb = new StringBuilder();
        while (b.hasRemaining()) {
          int cp = b.getInt();
          if (cp != 0) {
            sb.appendCodePoint(cp);
          }
        }
        return Json.NODES.textNode(sb.toString());
      case DATETIME:
      case TIMEDELTA:
        long t = b.getLong();
        return !v2 && t == TimeUnits.NAT ? Json.NODES.textNode("NaT") : Json.NODES.numberNode(t);
      default:
        throw new AssertionError(type.kind());
    }
  }

  private static JsonNode floatJson(ByteBuffer b, int size, boolean v2) {
    double d;
    long bits;
    boolean canonicalNan;
    switch (size) {
      case 2:
        short h = b.getShort();
        bits = h & 0xffffL;
        d = Float16.toFloat(h);
        canonicalNan = bits == 0x7e00L;
        break;
      case 4:
        int i = b.getInt();
        bits = i & 0xffffffffL;
        d = Float.intBitsToFloat(i);
        canonicalNan = bits == 0x7fc00000L;
        break;
      case 8:
        bits = b.getLong();
        d = Double.longBitsToDouble(bits);
        canonicalNan = bits == 0x7ff8000000000000L;
        break;
      default:
        throw new AssertionError(size);
    }
    if (Double.isNaN(d)) {
      if (v2 || canonicalNan) {
        return Json.NODES.textNode("NaN");
      }
      // Only v3's hex form keeps a NaN payload (or a negative NaN) exactly.
      String hex = Long.toHexString(bits);
      return Json.NODES.textNode("0x" + "0".repeat(size * 2 - hex.length()) + hex);
    }
    if (Double.isInfinite(d)) {
      return Json.NODES.textNode(d > 0 ? "Infinity" : "-Infinity");
    }
    if (size == 4) {
      // The shortest decimal that reads back as this float (numpy writes the same).
      return Json.NODES.numberNode(Double.parseDouble(Float.toString((float) d)));
    }
    return Json.NODES.numberNode(d);
  }
}
