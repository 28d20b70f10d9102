package io.zarrspark.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Codec factories by v3 name and v2 id. Immutable; {@link #with} gives an extended copy. */
public final class CodecRegistry {
  private static final CodecRegistry DEFAULT = loadDefault();

  private final Map<String, CodecFactory> v3;
  private final Map<String, CodecFactory> v2;

  private CodecRegistry(Map<String, CodecFactory> v3, Map<String, CodecFactory> v2) {
    this.v3 = Collections.unmodifiableMap(v3);
    this.v2 = Collections.unmodifiableMap(v2);
  }

  /** Every factory on the class path (built-in ones and ServiceLoader-registered extensions). */
  public static CodecRegistry defaults() {
    return DEFAULT;
  }

  private static CodecRegistry loadDefault() {
    CodecRegistry r = new CodecRegistry(new HashMap<>(), new HashMap<>());
    for (CodecFactory f : ServiceLoader.load(CodecFactory.class, CodecRegistry.class.getClassLoader())) {
      r = r.with(f);
    }
    return r;
  }

  /** A registry with {@code factory} added; its names replace any earlier factory's. */
  public CodecRegistry with(CodecFactory factory) {
    Map<String, CodecFactory> a = new HashMap<>(v3);
    Map<String, CodecFactory> b = new HashMap<>(v2);
    factory.v3Names().forEach(n -> a.put(n, factory));
    factory.v2Ids().forEach(n -> b.put(n, factory));
    return new CodecRegistry(a, b);
  }

  /** A codec from one v3 {@code codecs} entry. */
  public Codec fromV3(JsonNode entry, String where) {
    String name;
    ObjectNode conf;
    if (entry != null && entry.isTextual()) {
      name = entry.textValue();
      conf = Json.newObject();
    } else if (entry != null && entry.isObject() && entry.path("name").isTextual()) {
      name = entry.get("name").textValue();
      JsonNode c = entry.get("configuration");
      conf = c == null || c.isNull() ? Json.newObject() : Json.object(c, where + ": configuration of codec '" + name + "'");
    } else {
      throw new InvalidMetadataException(where + ": codec entry " + entry + " must be an object with a \"name\"");
    }
    CodecFactory f = v3.get(name);
    if (f == null) {
      if (entry.isObject() && entry.path("must_understand").isBoolean() && !entry.get("must_understand").booleanValue()) {
        throw new InvalidMetadataException(where + ": unknown codec '" + name + "' (declared must_understand=false,"
            + " but a codec changes the stored bytes, so it cannot be skipped)");
      }
      throw new InvalidMetadataException(where + ": unknown codec '" + name + "'; known codecs: " + new TreeSet<>(v3.keySet()));
    }
    return f.fromV3(conf, new CodecContext(where, name, this));
  }

  /** A codec from a v2 compressor or filter object (numcodecs form, with "id"). */
  public Codec fromV2(JsonNode config, String where) {
    if (config == null || !config.isObject() || !config.path("id").isTextual()) {
      throw new InvalidMetadataException(where + ": compressor/filter " + config + " must be an object with an \"id\"");
    }
    String id = config.get("id").textValue();
    CodecFactory f = v2.get(id);
    if (f == null) {
      throw new InvalidMetadataException(where + ": unknown compressor/filter id '" + id + "'; known ids: "
          + new TreeSet<>(v2.keySet()));
    }
    return f.fromV2((ObjectNode) config, new CodecContext(where, id, this));
  }

  public boolean knowsV3(String name) {
    return v3.containsKey(name);
  }

  public boolean knowsV2(String id) {
    return v2.containsKey(id);
  }
}
