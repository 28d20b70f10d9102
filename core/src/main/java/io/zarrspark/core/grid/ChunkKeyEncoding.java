package io.zarrspark.core.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;

/**
 * How chunk coordinates become store keys: v3 "default" ({@code c/1/2}), v3 "v2" and v2 arrays
 * ({@code 1.2}), each with a '/' or '.' separator.
 */
public final class ChunkKeyEncoding {
  private final boolean v2Style;
  private final char separator;

  private ChunkKeyEncoding(boolean v2Style, char separator) {
    this.v2Style = v2Style;
    this.separator = separator;
  }

  public static ChunkKeyEncoding v3Default(char separator) {
    return new ChunkKeyEncoding(false, checkSeparator(separator, "default"));
  }

  public static ChunkKeyEncoding v2(char separator) {
    return new ChunkKeyEncoding(true, checkSeparator(separator, "v2"));
  }

  private static char checkSeparator(char s, String what) {
    if (s != '/' && s != '.') {
      throw new IllegalArgumentException("chunk key separator of the " + what + " encoding must be '/' or '.', got '" + s + "'");
    }
    return s;
  }

  public boolean isV2Style() {
    return v2Style;
  }

  public char separator() {
    return separator;
  }

  /** The key of a chunk relative to its array's node. */
  public String encode(long[] chunkCoords) {
    StringBuilder sb = new StringBuilder(4 + chunkCoords.length * 4);
    if (!v2Style) {
      sb.append('c');
      for (long c : chunkCoords) {
        sb.append(separator).append(c);
      }
      return sb.toString();
    }
    if (chunkCoords.length == 0) {
      return "0";
    }
    for (int i = 0; i < chunkCoords.length; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(chunkCoords[i]);
    }
    return sb.toString();
  }

  /** Parses a v3 {@code chunk_key_encoding}. */
  public static ChunkKeyEncoding fromV3(JsonNode node, String where) {
    if (node == null || !node.isObject() || !node.path("name").isTextual()) {
      throw new InvalidMetadataException(where + ": chunk_key_encoding must be an object with a name, got " + node);
    }
    String name = node.get("name").textValue();
    JsonNode sepNode = node.path("configuration").path("separator");
    String sep = sepNode.isMissingNode() || sepNode.isNull() ? null : sepNode.asText();
    try {
      switch (name) {
        case "default":
          return v3Default(sep == null ? '/' : single(sep));
        case "v2":
          return v2(sep == null ? '.' : single(sep));
        default:
          throw new InvalidMetadataException(where + ": unsupported chunk_key_encoding '" + name + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidMetadataException(where + ": " + e.getMessage(), e);
    }
  }

  private static char single(String s) {
    if (s.length() != 1) {
      throw new IllegalArgumentException("separator must be '/' or '.', got '" + s + "'");
    }
    return s.charAt(0);
  }

  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", v2Style ? "v2" : "default");
    o.putObject("configuration").put("separator", String.valueOf(separator));
    return o;
  }

  @Override
  public String toString() {
    return (v2Style ? "v2" : "default") + "('" + separator + "')";
  }
}
