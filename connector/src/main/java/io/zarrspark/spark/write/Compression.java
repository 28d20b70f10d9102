package io.zarrspark.spark.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.util.Json;
import java.util.List;
import java.util.Map;

/**
 * The {@code compression} option as a core codec. Codecs are made from their standard JSON
 * configuration through core's registry rather than by class, so that a codec core gains (blosc,
 * lz4, bz2, lzma, sharding) is used as soon as it is registered, and one it lacks fails with a
 * message saying so.
 */
final class Compression {
  private Compression() {}

  static final List<String> V3_NAMES = List.of("zstd", "gzip", "blosc", "none");
  static final List<String> V2_NAMES = List.of("zstd", "gzip", "blosc", "none", "zlib", "lz4", "bz2", "lzma");

  /** numcodecs ids (v2) and v3 codec names, with the configuration keys their levels go into. */
  private static final Map<String, String> LEVEL_KEY = Map.of("zstd", "level", "gzip", "level", "zlib", "level",
      "blosc", "clevel", "bz2", "level", "lzma", "preset");
  private static final Map<String, Integer> DEFAULT_LEVEL = Map.of("zstd", 3, "gzip", 5, "zlib", 5, "blosc", 5,
      "bz2", 9, "lzma", 6);

  /** Checks the option early (on the driver) so a bad value fails before any task runs. */
  static void check(ZarrFormat format, String name, Integer level) {
    List<String> allowed = format == ZarrFormat.V3 ? V3_NAMES : V2_NAMES;
    if (!allowed.contains(name)) {
      throw WriteOptions.bad("compression '" + name + "' is not available for Zarr v" + format.number()
          + "; choose one of " + allowed);
    }
    if (level != null && !LEVEL_KEY.containsKey(name)) {
      throw WriteOptions.bad("compression '" + name + "' takes no compressionLevel");
    }
    codec(format, name, level, DataType.FLOAT64);
  }

  /** The bytes-to-bytes codec, or null for "none". {@code type} sets blosc's typesize. */
  static BytesToBytesCodec codec(ZarrFormat format, String name, Integer level, DataType type) {
    if (name.equals("none")) {
      return null;
    }
    CodecRegistry r = CodecRegistry.defaults();
    ObjectNode conf = Json.newObject();
    Integer lv = level != null ? level : DEFAULT_LEVEL.get(name);
    if (lv != null) {
      conf.put(LEVEL_KEY.get(name), lv);
    }
    if (name.equals("blosc")) {
      // numcodecs' Blosc() defaults: lz4 with byte shuffle.
      conf.put("cname", "lz4");
      conf.put("blocksize", 0);
    }
    if (name.equals("lz4")) {
      conf.put("acceleration", 1);
    }
    if (name.equals("lzma")) {
      conf.put("format", 1);
      conf.put("check", -1);
      conf.putNull("filters");
    }
    String where = "zarr write: compression '" + name + "'";
    try {
      Codec c;
      if (format == ZarrFormat.V2) {
        conf.put("id", name);
        if (name.equals("blosc")) {
          conf.put("shuffle", 1);
        }
        if (!r.knowsV2(name)) {
          throw unavailable(name, format);
        }
        c = r.fromV2(conf, where);
      } else {
        if (name.equals("blosc")) {
          conf.put("shuffle", "shuffle");
          conf.put("typesize", typesize(type));
        }
        if (!r.knowsV3(name)) {
          throw unavailable(name, format);
        }
        ObjectNode entry = Json.newObject();
        entry.put("name", name);
        entry.set("configuration", conf);
        c = r.fromV3(entry, where);
      }
      return (BytesToBytesCodec) c;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw WriteOptions.bad("compression '" + name + "' with level " + lv + " is not valid: " + e.getMessage());
    }
  }

  private static IllegalArgumentException unavailable(String name, ZarrFormat format) {
    return WriteOptions.bad("compression '" + name + "' needs a '" + name + "' codec for Zarr v" + format.number()
        + ", which zarr-spark core does not provide yet");
  }

  /** Blosc shuffles by element; for strings by code unit, so it does not depend on the length. */
  private static int typesize(DataType t) {
    switch (t.kind()) {
      case UNICODE:
        return 4;
      case BYTES:
      case RAW:
        return 1;
      default:
        return t.byteSize();
    }
  }
}
