package io.zarrspark.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.util.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writer's options, parsed and validated once (on the driver) into an immutable object.
 * Geometry that depends on the data (shape, string lengths) is resolved later, in
 * {@link WriteLayout}; this class only checks the options' own syntax.
 */
public final class WriteOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> dimensions;
  private final int[] chunks;
  private final int[] shards;
  private final long[] shape;
  private final ZarrFormat format;
  private final String compression;
  private final Integer compressionLevel;
  private final Map<String, String> fillValues;
  private final String groupAttributes;
  private final Map<String, String> arrayAttributes;

  private WriteOptions(List<String> dimensions, int[] chunks, int[] shards, long[] shape, ZarrFormat format,
      String compression, Integer compressionLevel, Map<String, String> fillValues, String groupAttributes,
      Map<String, String> arrayAttributes) {
    this.dimensions = dimensions;
    this.chunks = chunks;
    this.shards = shards;
    this.shape = shape;
    this.format = format;
    this.compression = compression;
    this.compressionLevel = compressionLevel;
    this.fillValues = fillValues;
    this.groupAttributes = groupAttributes;
    this.arrayAttributes = arrayAttributes;
  }

  /** Parses options (case-insensitive keys); unknown keys are ignored as Spark passes its own. */
  public static WriteOptions parse(Map<String, String> raw) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(raw);
    List<String> dims = new ArrayList<>();
    String d = o.get("dimensions");
    if (d != null) {
      for (String s : d.split(",")) {
        if (!s.isBlank()) {
          dims.add(s.trim());
        }
      }
    }
    int[] chunks = ints("chunks", o.get("chunks"));
    int[] shards = ints("shards", o.get("shards"));
    long[] shape = longs("shape", o.get("shape"));
    ZarrFormat format = ZarrFormat.V3;
    String zf = o.get("zarrFormat");
    if (zf != null) {
      String v = zf.trim().toLowerCase(Locale.ROOT).replaceFirst("^v", "");
      if (!v.equals("2") && !v.equals("3")) {
        throw bad("zarrFormat must be 2 or 3, got '" + zf + "'");
      }
      format = ZarrFormat.of(Integer.parseInt(v));
    }
    String compression = o.getOrDefault("compression", "zstd").trim().toLowerCase(Locale.ROOT);
    Integer level = null;
    String lv = o.get("compressionLevel");
    if (lv != null) {
      try {
        level = Integer.parseInt(lv.trim());
      } catch (NumberFormatException e) {
        throw bad("compressionLevel must be an integer, got '" + lv + "'");
      }
    }
    Map<String, String> fills = new TreeMap<>();
    Map<String, String> attrs = new TreeMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String k = e.getKey();
      String lower = k.toLowerCase(Locale.ROOT);
      if (lower.equals("fillvalue")) {
        fills.put("", e.getValue());
      } else if (lower.startsWith("fillvalue.")) {
        fills.put(k.substring("fillValue.".length()), e.getValue());
      } else if (lower.startsWith("attributes.")) {
        attrs.put(k.substring("attributes.".length()), checkJsonObject(k, e.getValue()));
      }
    }
    String groupAttrs = o.get("attributes");
    if (groupAttrs != null) {
      checkJsonObject("attributes", groupAttrs);
    }
    if (shards != null && format == ZarrFormat.V2) {
      throw bad("shards need Zarr v3 (sharding_indexed); zarrFormat is 2");
    }
    return new WriteOptions(Collections.unmodifiableList(dims), chunks, shards, shape, format, compression, level,
        Collections.unmodifiableMap(fills), groupAttrs, Collections.unmodifiableMap(attrs));
  }

  static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException("zarr write: " + message);
  }

  private static String checkJsonObject(String key, String text) {
    JsonNode n;
    try {
      n = Json.parse(text, "option " + key);
    } catch (RuntimeException e) {
      throw bad("option " + key + " must be a JSON object: " + e.getMessage());
    }
    if (!n.isObject()) {
      throw bad("option " + key + " must be a JSON object, got " + text);
    }
    return text;
  }

  private static int[] ints(String key, String v) {
    long[] l = longs(key, v);
    if (l == null) {
      return null;
    }
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      if (l[i] <= 0 || l[i] > Integer.MAX_VALUE) {
        throw bad("option " + key + " needs positive sizes below 2^31, got '" + v + "'");
      }
      out[i] = (int) l[i];
    }
    return out;
  }

  private static long[] longs(String key, String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String[] parts = v.replace("(", "").replace(")", "").replace("[", "").replace("]", "").split(",");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw bad("option " + key + " must be a comma-separated list of integers, got '" + v + "'");
      }
      if (out[i] < 0) {
        throw bad("option " + key + " must not be negative, got '" + v + "'");
      }
    }
    return out;
  }

  /** Dimension columns in dimension order; empty when the option was not given. */
  public List<String> dimensions() {
    return dimensions;
  }

  public int[] chunks() {
    return chunks == null ? null : chunks.clone();
  }

  public int[] shards() {
    return shards == null ? null : shards.clone();
  }

  public long[] shape() {
    return shape == null ? null : shape.clone();
  }

  public ZarrFormat format() {
    return format;
  }

  public String compression() {
    return compression;
  }

  public Integer compressionLevel() {
    return compressionLevel;
  }

  /** The fill value text for a column ({@code fillValue.<col>}, else {@code fillValue}), or null. */
  public String fillValue(String column) {
    String v = fillValues.get(column);
    return v != null ? v : fillValues.get("");
  }

  public ObjectNode groupAttributes() {
    return groupAttributes == null ? Json.newObject() : (ObjectNode) Json.parse(groupAttributes, "attributes");
  }

  public ObjectNode arrayAttributes(String column) {
    String a = arrayAttributes.get(column);
    return a == null ? Json.newObject() : (ObjectNode) Json.parse(a, "attributes." + column);
  }
}
