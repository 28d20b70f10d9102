package io.zarrspark.peers.zarrjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON in and out. Manifests are laid out like the other fixture generators' (JavaScript's
 * {@code JSON.stringify(v, null, 1)}: one space per level, one value per line, "[]" and "{}" when
 * empty), so that the manifests diff alike. Scalars are written by Jackson, which keeps -0.0 and
 * integers beyond 2^53 exact.
 */
final class JsonText {
  private JsonText() {}

  /** Big integers and -0.0 read back exactly (as BigInteger and double nodes). */
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  static String pretty(JsonNode n) {
    StringBuilder s = new StringBuilder();
    write(n, 0, s);
    return s.toString();
  }

  private static void write(JsonNode n, int depth, StringBuilder s) {
    if (n.isArray() || n.isObject()) {
      boolean obj = n.isObject();
      if (n.size() == 0) {
        s.append(obj ? "{}" : "[]");
        return;
      }
      s.append(obj ? '{' : '[');
      boolean first = true;
      if (obj) {
        for (Map.Entry<String, JsonNode> f : n.properties()) {
          s.append(first ? "\n" : ",\n").append(" ".repeat(depth + 1));
          s.append(NODES.textNode(f.getKey())).append(": ");
          write(f.getValue(), depth + 1, s);
          first = false;
        }
      } else {
        for (JsonNode e : n) {
          s.append(first ? "\n" : ",\n").append(" ".repeat(depth + 1));
          write(e, depth + 1, s);
          first = false;
        }
      }
      s.append('\n').append(" ".repeat(depth)).append(obj ? '}' : ']');
    } else {
      s.append(n.toString());
    }
  }
}
