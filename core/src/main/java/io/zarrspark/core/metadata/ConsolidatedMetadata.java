package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.store.StoreKeys;
import io.zarrspark.core.util.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Consolidated metadata of a group: v2 {@code .zmetadata} or the v3 {@code consolidated_metadata}
 * of the group's zarr.json. Documents are kept by their store key relative to the group, so that
 * both formats answer the same questions the store would.
 */
public final class ConsolidatedMetadata implements MetadataSource {
  private final String root;
  private final TreeMap<String, JsonNode> documents;

  private ConsolidatedMetadata(String root, TreeMap<String, JsonNode> documents) {
    this.root = StoreKeys.normalizePath(root);
    this.documents = documents;
  }

  /** Parses a v2 {@code .zmetadata} document of the group at {@code root}. */
  public static ConsolidatedMetadata fromV2(String root, JsonNode zmetadata, String where) {
    Json.object(zmetadata, where);
    JsonNode fmt = zmetadata.get("zarr_consolidated_format");
    if (fmt == null || !fmt.isIntegralNumber() || fmt.intValue() != 1) {
      throw new InvalidMetadataException(where + ": zarr_consolidated_format must be 1, got " + fmt);
    }
    JsonNode meta = Json.object(zmetadata.get("metadata"), where + ": metadata");
    TreeMap<String, JsonNode> docs = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = meta.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      docs.put(StoreKeys.validate(e.getKey()), e.getValue());
    }
    return new ConsolidatedMetadata(root, docs);
  }

  /** Parses the {@code consolidated_metadata} of a v3 group document, if it has one. */
  public static Optional<ConsolidatedMetadata> fromV3(String root, JsonNode groupDoc, String where) {
    JsonNode cm = groupDoc.get("consolidated_metadata");
    if (cm == null || cm.isNull()) {
      return Optional.empty();
    }
    Json.object(cm, where + ": consolidated_metadata");
    if (!"inline".equals(cm.path("kind").asText("inline"))) {
      throw new InvalidMetadataException(where + ": consolidated_metadata kind " + cm.get("kind") + " is not supported");
    }
    JsonNode meta = cm.get("metadata");
    if (meta == null || meta.isNull()) {
      return Optional.empty();
    }
    Json.object(meta, where + ": consolidated_metadata.metadata");
    TreeMap<String, JsonNode> docs = new TreeMap<>();
    ObjectNode self = ((ObjectNode) groupDoc).deepCopy();
    self.remove("consolidated_metadata");
    docs.put(V3Metadata.KEY, self);
    Iterator<Map.Entry<String, JsonNode>> it = meta.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      docs.put(StoreKeys.validate(StoreKeys.normalizePath(e.getKey())) + "/" + V3Metadata.KEY, e.getValue());
    }
    return Optional.of(new ConsolidatedMetadata(root, docs));
  }

  /** Builds the v2 {@code .zmetadata} document from documents keyed relative to the group. */
  public static ObjectNode toV2(Map<String, JsonNode> documents) {
    ObjectNode o = Json.newObject();
    ObjectNode meta = o.putObject("metadata");
    new TreeMap<>(documents).forEach(meta::set);
    o.put("zarr_consolidated_format", 1);
    return o;
  }

  /** Builds the v3 {@code consolidated_metadata} object from zarr.json documents by node path. */
  public static ObjectNode toV3(Map<String, JsonNode> documentsByPath) {
    ObjectNode o = Json.newObject();
    o.put("kind", "inline");
    o.put("must_understand", false);
    ObjectNode meta = o.putObject("metadata");
    new TreeMap<>(documentsByPath).forEach(meta::set);
    return o;
  }

  private String relative(String key) {
    if (root.isEmpty()) {
      return key;
    }
    if (key.equals(root)) {
      return "";
    }
    return key.startsWith(root + "/") ? key.substring(root.length() + 1) : null;
  }

  @Override
  public Optional<JsonNode> document(String key) {
    String rel = relative(StoreKeys.normalizePath(key));
    return rel == null ? Optional.empty() : Optional.ofNullable(documents.get(rel));
  }

  @Override
  public List<String> childNames(String nodePath) {
    String rel = relative(StoreKeys.normalizePath(nodePath));
    if (rel == null) {
      return List.of();
    }
    String prefix = rel.isEmpty() ? "" : rel + "/";
    TreeSet<String> names = new TreeSet<>();
    for (String key : documents.keySet()) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      String rest = key.substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        names.add(rest.substring(0, slash));
      }
    }
    return new ArrayList<>(names);
  }

  /** Node paths (relative to the group) of every array and group recorded. */
  public List<String> nodePaths() {
    TreeSet<String> out = new TreeSet<>();
    for (String key : documents.keySet()) {
      String name = StoreKeys.name(key);
      if (name.equals(V3Metadata.KEY) || name.equals(V2Metadata.ARRAY_KEY) || name.equals(V2Metadata.GROUP_KEY)) {
        out.add(StoreKeys.parent(key));
      }
    }
    return new ArrayList<>(out);
  }

  @Override
  public boolean consolidated() {
    return true;
  }
}
