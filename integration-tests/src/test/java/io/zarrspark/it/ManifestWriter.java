package io.zarrspark.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a manifest in the format of core/src/test/resources/fixtures/README.md (the format the
 * peer checkers read) and the expected {@code .bin} file of every entry. Fields that describe
 * the stored array (dtype, order, codecs, fill_value, key encoding) are copied from the metadata
 * document core wrote, so the manifest cannot disagree with what the peer is given.
 */
final class ManifestWriter {
  private final Path manifestDir;
  private final String store;
  private final Path storeRoot;
  private final List<ObjectNode> entries = new ArrayList<>();

  /** Entries of the store {@code store} at {@code storeRoot}; .bin files go to manifestDir/expected/store/. */
  ManifestWriter(Path manifestDir, String store, Path storeRoot) {
    this.manifestDir = manifestDir;
    this.store = store;
    this.storeRoot = storeRoot;
  }

  List<ObjectNode> entries() {
    return entries;
  }

  /** Adds an entry for {@code a}, whose full logical contents are {@code expected} (LE, C order). */
  ObjectNode add(ZarrArray a, byte[] expected, boolean missingChunks, long chunksStored) {
    String path = a.path();
    String expectedRel = "expected/" + store + "/" + path.replace("/", "__") + ".bin";
    ObjectNode e = Json.newObject();
    e.put("store", store);
    e.put("path", path);
    boolean v3 = a.format() == ZarrFormat.V3;
    e.put("zarr_format", v3 ? 3 : 2);
    JsonNode doc = readJson(storeRoot.resolve(path).resolve(v3 ? "zarr.json" : ".zarray"));
    if (v3) {
      // The logical type in little-endian numpy spelling; the bytes codec says what is stored.
      e.put("dtype", DataTypes.toV2(a.metadata().dataType(), ByteOrder.LITTLE_ENDIAN));
      e.set("data_type", doc.get("data_type"));
    } else {
      e.set("dtype", doc.get("dtype"));
    }
    ArrayNode shape = e.putArray("shape");
    for (long s : a.shape()) {
      shape.add(s);
    }
    ArrayNode chunks = e.putArray("chunks");
    for (int c : a.metadata().chunkShape()) {
      chunks.add(c);
    }
    e.put("order", v3 ? "C" : doc.get("order").asText());
    ArrayNode codecs = e.putArray("codecs");
    if (v3) {
      addCodecNames(doc.get("codecs"), codecs);
      e.set("codec_config", doc.get("codecs"));
      e.set("chunk_key_encoding", doc.get("chunk_key_encoding"));
    } else {
      JsonNode filters = doc.get("filters");
      if (filters != null && filters.isArray()) {
        filters.forEach(f -> codecs.add(f.get("id").asText()));
      }
      JsonNode compressor = doc.get("compressor");
      if (compressor != null && compressor.isObject()) {
        codecs.add(compressor.get("id").asText());
      }
      ObjectNode config = Json.newObject();
      config.set("filters", filters);
      config.set("compressor", compressor);
      e.set("codec_config", config);
      e.set("dimension_separator", doc.get("dimension_separator"));
    }
    e.put("expected", expectedRel);
    e.put("missing_chunks", missingChunks);
    e.put("nchunks", a.grid().chunkCount());
    e.put("nchunks_stored", chunksStored);
    e.set("fill_value", doc.get("fill_value"));
    a.metadata().dimensionNames().ifPresent(names -> {
      ArrayNode d = e.putArray("dimension_names");
      names.forEach(d::add);
    });
    write(manifestDir.resolve(expectedRel), expected);
    entries.add(e);
    return e;
  }

  /**
   * v3 codec names in pipeline order; sharding is flattened (sharding_indexed, its inner codecs,
   * then its index codecs) as the fixtures README specifies, so skip lists see nested codecs.
   */
  static void addCodecNames(JsonNode list, ArrayNode out) {
    for (JsonNode c : list) {
      out.add(c.get("name").asText());
      if (c.get("name").asText().equals("sharding_indexed")) {
        addCodecNames(c.at("/configuration/codecs"), out);
        addCodecNames(c.at("/configuration/index_codecs"), out);
      }
    }
  }

  /** Marks an entry that {@code peer} (a checker's PEER name) is known to misread, and why. */
  static void knownIssue(ObjectNode entry, String peer, String why) {
    JsonNode k = entry.get("known_issues");
    ObjectNode issues = k instanceof ObjectNode ? (ObjectNode) k : entry.putObject("known_issues");
    issues.put(peer, why);
  }

  /** Writes the manifest (a JSON list) and returns its path. */
  Path writeManifest(String fileName) {
    ArrayNode list = Json.NODES.arrayNode();
    entries.forEach(list::add);
    Path p = manifestDir.resolve(fileName);
    write(p, Json.write(list));
    return p;
  }

  static JsonNode readJson(Path p) {
    try {
      return Json.mapper().readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private static void write(Path p, byte[] bytes) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
