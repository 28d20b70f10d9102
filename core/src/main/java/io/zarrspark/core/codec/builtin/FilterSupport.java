package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.dtype.StoredType;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;

/** Configuration parsing and size checks shared by the numcodecs filters. */
final class FilterSupport {
  private FilterSupport() {}

  /** numpy type names hand-written configs may use instead of typestrs. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("bool", "|b1"), Map.entry("int8", "|i1"), Map.entry("uint8", "|u1"),
      Map.entry("int16", "<i2"), Map.entry("uint16", "<u2"), Map.entry("int32", "<i4"),
      Map.entry("uint32", "<u4"), Map.entry("int64", "<i8"), Map.entry("uint64", "<u8"),
      Map.entry("float16", "<f2"), Map.entry("float32", "<f4"), Map.entry("float64", "<f8"));

  static JsonNode required(ObjectNode conf, String field, CodecContext ctx) {
    JsonNode n = conf.get(field);
    if (n == null || n.isNull()) {
      throw ctx.invalid("missing '" + field + "'");
    }
    return n;
  }

  static int requiredInt(ObjectNode conf, String field, CodecContext ctx) {
    JsonNode n = required(conf, field, ctx);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw ctx.invalid("'" + field + "' must be an integer, got " + n);
    }
    return n.intValue();
  }

  /**
   * A dtype entry: the typestr numcodecs writes ({@code dtype.str}, e.g. {@code <i4}), a bare one
   * ({@code i4}, native order, which is little-endian on every platform the peers run on) or a
   * numpy name ({@code int32}). {@code dflt} is used when absent; null makes the entry required.
   */
  static StoredType dtype(ObjectNode conf, String field, String dflt, CodecContext ctx) {
    JsonNode n = conf.get(field);
    if (n == null || n.isNull()) {
      if (dflt == null) {
        throw ctx.invalid("missing '" + field + "'");
      }
      n = Json.NODES.textNode(dflt);
    }
    JsonNode given = n;
    if (n.isTextual()) {
      String s = n.textValue();
      String named = NAMES.get(s);
      if (named != null) {
        n = Json.NODES.textNode(named);
      } else if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) < 0) {
        n = Json.NODES.textNode("<" + s);
      }
    }
    String where = "'" + field + "'";
    try {
      return DataTypes.parseV2(n, where);
    } catch (InvalidMetadataException e) {
      String why = e.getMessage().startsWith(where + ": ") ? e.getMessage().substring(where.length() + 2) : e.getMessage();
      throw ctx.invalid(where + " " + given + " is not a usable dtype (" + why + ")");
    }
  }

  /** A dtype entry that must be bool, integer or float, of one of {@code kinds} ("biuf"). */
  static NumpyType numeric(ObjectNode conf, String field, String dflt, String kinds, CodecContext ctx) {
    StoredType st = dtype(conf, field, dflt, ctx);
    NumpyType t = NumpyType.of(st);
    if (t == null || kinds.indexOf(t.kind) < 0) {
      throw ctx.invalid("'" + field + "' " + DataTypes.toV2(st.type(), st.order()) + " is not supported here"
          + " (supported kinds: " + describe(kinds) + ")");
    }
    return t;
  }

  private static String describe(String kinds) {
    StringBuilder b = new StringBuilder();
    for (char k : kinds.toCharArray()) {
      b.append(b.length() == 0 ? "" : ", ").append(k == 'b' ? "bool" : k == 'i' ? "signed integer"
          : k == 'u' ? "unsigned integer" : "float");
    }
    return b.toString();
  }

  /** The number of {@code size}-byte elements in {@code b}, which must hold whole elements. */
  static int count(ByteBuffer b, int size, String codec, boolean decoding) {
    if (b.remaining() % size != 0) {
      String msg = "codec '" + codec + "': " + b.remaining() + " bytes are not a whole number of "
          + size + "-byte elements";
      if (decoding) {
        throw new CorruptChunkException(msg);
      }
      throw new IllegalArgumentException(msg);
    }
    return b.remaining() / size;
  }

  /** The byte size of {@code n} decoded elements, failing if a valid chunk cannot be that large. */
  static int decodedBytes(long n, int size, long maxDecodedSize, String codec) {
    long bytes = n * size;
    if ((maxDecodedSize >= 0 && bytes > maxDecodedSize) || bytes > NdArray.MAX_BYTES) {
      throw new CorruptChunkException("codec '" + codec + "' would decode " + bytes + " bytes, more than the "
          + (maxDecodedSize >= 0 ? Math.min(maxDecodedSize, NdArray.MAX_BYTES) : NdArray.MAX_BYTES)
          + " a chunk of this array can decode to");
    }
    return (int) bytes;
  }

  /** The size of {@code bytes} of {@code from}-byte elements re-typed to {@code to}-byte ones. */
  static long resized(long bytes, int from, int to) {
    return (bytes + from - 1) / from * to;
  }

  /** A fresh buffer in {@code t}'s byte order over {@code b}'s remaining bytes. */
  static ByteBuffer view(ByteBuffer b, NumpyType t) {
    return b.slice().order(t.order);
  }

  /** The v3 form {@code {"name": "numcodecs.<id>", "configuration": {...}}} of a v2 config. */
  static ObjectNode v3(String name, ObjectNode v2) {
    ObjectNode o = Json.newObject();
    o.put("name", name);
    ObjectNode c = o.putObject("configuration");
    for (Iterator<Map.Entry<String, JsonNode>> it = v2.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("id")) {
        c.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return o;
  }

  static ObjectNode v2(String id) {
    ObjectNode o = Json.newObject();
    o.put("id", id);
    return o;
  }
}
