package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.store.StoreKeys;
import java.util.Optional;

/**
 * The metadata of one node, found through a {@link MetadataSource}: a v3 zarr.json first, then
 * v2 .zarray/.zgroup. Exactly one of {@link #array()} and {@link #group()} is present.
 */
public final class NodeMetadata {
  private final String path;
  private final ArrayMetadata array;
  private final GroupMetadata group;
  private final JsonNode rawDocument;

  private NodeMetadata(String path, ArrayMetadata array, GroupMetadata group, JsonNode rawDocument) {
    this.path = path;
    this.array = array;
    this.group = group;
    this.rawDocument = rawDocument;
  }

  /** Reads the node at {@code path}, or empty if there is none. {@code where} names the store. */
  public static Optional<NodeMetadata> read(MetadataSource source, String path, String storeName, CodecRegistry registry) {
    String p = StoreKeys.validatePath(path);
    String prefix = p.isEmpty() ? "" : p + "/";
    String label = "'" + (p.isEmpty() ? "/" : p) + "' in " + storeName;
    Optional<JsonNode> v3 = source.document(prefix + V3Metadata.KEY);
    if (v3.isPresent()) {
      String where = "node " + label + " (" + prefix + V3Metadata.KEY + ")";
      JsonNode doc = v3.get();
      if ("array".equals(V3Metadata.nodeType(doc, where))) {
        return Optional.of(new NodeMetadata(p, V3Metadata.parseArray(doc, "array " + label, registry), null, doc));
      }
      return Optional.of(new NodeMetadata(p, null, V3Metadata.parseGroup(doc, "group " + label), doc));
    }
    Optional<JsonNode> zarray = source.document(prefix + V2Metadata.ARRAY_KEY);
    if (zarray.isPresent()) {
      JsonNode attrs = source.document(prefix + V2Metadata.ATTRS_KEY).orElse(null);
      return Optional.of(new NodeMetadata(p, V2Metadata.parseArray(zarray.get(), attrs, "array " + label, registry),
          null, zarray.get()));
    }
    Optional<JsonNode> zgroup = source.document(prefix + V2Metadata.GROUP_KEY);
    if (zgroup.isPresent()) {
      JsonNode attrs = source.document(prefix + V2Metadata.ATTRS_KEY).orElse(null);
      return Optional.of(new NodeMetadata(p, null, V2Metadata.parseGroup(zgroup.get(), attrs, "group " + label),
          zgroup.get()));
    }
    return Optional.empty();
  }

  /** Like {@link #read} but a missing node is an error naming the path. */
  public static NodeMetadata require(MetadataSource source, String path, String storeName, CodecRegistry registry) {
    return read(source, path, storeName, registry).orElseThrow(() -> new ZarrException(
        "no Zarr array or group at '" + (StoreKeys.normalizePath(path).isEmpty() ? "/" : path) + "' in " + storeName
            + " (found neither zarr.json, .zarray nor .zgroup)"));
  }

  public String path() {
    return path;
  }

  public boolean isArray() {
    return array != null;
  }

  public Optional<ArrayMetadata> array() {
    return Optional.ofNullable(array);
  }

  public Optional<GroupMetadata> group() {
    return Optional.ofNullable(group);
  }

  public ZarrFormat format() {
    return array != null ? array.format() : group.format();
  }

  /** The node's own document (zarr.json, .zarray or .zgroup) as read. */
  public JsonNode rawDocument() {
    return rawDocument;
  }
}
