package io.zarrspark.core.hierarchy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.array.ArrayIO;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.ConsolidatedMetadata;
import io.zarrspark.core.metadata.GroupMetadata;
import io.zarrspark.core.metadata.MetadataSource;
import io.zarrspark.core.metadata.NodeMetadata;
import io.zarrspark.core.metadata.StoreMetadataSource;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.V3Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Zarr group: attributes and children. When the group (or the root it was opened from) has
 * consolidated metadata, navigation reads no further metadata from the store.
 */
public final class ZarrGroup {
  private final Store store;
  private final String path;
  private final GroupMetadata metadata;
  private final MetadataSource source;
  private final CodecRegistry registry;

  ZarrGroup(Store store, String path, GroupMetadata metadata, MetadataSource source, CodecRegistry registry) {
    this.store = store;
    this.path = StoreKeys.validatePath(path);
    this.metadata = metadata;
    this.source = source;
    this.registry = registry;
  }

  public static ZarrGroup open(Store store, String path) {
    Node n = Zarr.open(store, path);
    if (!(n instanceof Node.Group)) {
      throw new ZarrException("'" + path + "' in " + store.describe() + " is an array, not a group");
    }
    return ((Node.Group) n).group();
  }

  /** Creates a group (writing .zgroup or zarr.json); an existing group is kept unless {@code overwrite}. */
  public static ZarrGroup create(Store store, String path, ZarrFormat format, ObjectNode attributes, boolean overwrite) {
    String p = StoreKeys.validatePath(path);
    Optional<NodeMetadata> existing = NodeMetadata.read(new StoreMetadataSource(store), p, store.describe(),
        CodecRegistry.defaults());
    if (existing.isPresent()) {
      if (!overwrite) {
        throw new ZarrException("a Zarr node already exists at '" + (p.isEmpty() ? "/" : p) + "' in " + store.describe());
      }
      store.deletePrefix(p);
    }
    GroupMetadata g = new GroupMetadata(format, attributes);
    writeMetadata(store, p, g);
    return new ZarrGroup(store, p, g, new StoreMetadataSource(store), CodecRegistry.defaults());
  }

  static void writeMetadata(Store store, String path, GroupMetadata g) {
    String prefix = path.isEmpty() ? "" : path + "/";
    if (g.format() == ZarrFormat.V3) {
      store.put(prefix + V3Metadata.KEY, ByteBuffer.wrap(Json.write(V3Metadata.writeGroup(g))));
    } else {
      store.put(prefix + V2Metadata.GROUP_KEY, ByteBuffer.wrap(Json.write(V2Metadata.writeGroup())));
      ObjectNode attrs = g.attributes();
      if (!attrs.isEmpty()) {
        store.put(prefix + V2Metadata.ATTRS_KEY, ByteBuffer.wrap(Json.write(attrs)));
      }
    }
  }

  public Store store() {
    return store;
  }

  public String path() {
    return path;
  }

  public String name() {
    return StoreKeys.name(path);
  }

  public ZarrFormat format() {
    return metadata.format();
  }

  public ObjectNode attributes() {
    return metadata.attributes();
  }

  /** Whether children are described by consolidated metadata. */
  public boolean isConsolidated() {
    return source.consolidated();
  }

  /** Names of the child arrays and groups, sorted. */
  public List<String> childNames() {
    return source.childNames(path);
  }

  /** The child node {@code name} (a relative path, possibly nested such as "a/b"). */
  public Node child(String name) {
    String childPath = StoreKeys.join(path, name);
    NodeMetadata n = NodeMetadata.require(source, childPath, store.describe(), registry);
    return Zarr.node(store, n, source, registry);
  }

  public ZarrArray array(String name) {
    Node n = child(name);
    if (!(n instanceof Node.Array)) {
      throw new ZarrException("'" + StoreKeys.join(path, name) + "' in " + store.describe() + " is a group, not an array");
    }
    return ((Node.Array) n).array();
  }

  public ZarrGroup group(String name) {
    Node n = child(name);
    if (!(n instanceof Node.Group)) {
      throw new ZarrException("'" + StoreKeys.join(path, name) + "' in " + store.describe() + " is an array, not a group");
    }
    return ((Node.Group) n).group();
  }

  /** Every array below this group, depth first, with paths relative to the store root. */
  public List<ZarrArray> arraysRecursive() {
    List<ZarrArray> out = new ArrayList<>();
    for (String name : childNames()) {
      Node n = child(name);
      if (n instanceof Node.Array) {
        out.add(((Node.Array) n).array());
      } else {
        out.addAll(((Node.Group) n).group().arraysRecursive());
      }
    }
    return out;
  }

  public ZarrArray createArray(String name, ArrayMetadata m, boolean overwrite) {
    if (m.format() != format()) {
      throw new ZarrException("cannot create a v" + m.format().number() + " array in v" + format().number()
          + " group '" + path + "'");
    }
    return ZarrArray.create(store, StoreKeys.join(path, name), m, overwrite);
  }

  public ZarrGroup createGroup(String name, ObjectNode attributes, boolean overwrite) {
    return create(store, StoreKeys.join(path, name), format(), attributes, overwrite);
  }

  /** Replaces the group's attributes. */
  public ZarrGroup withAttributes(ObjectNode attributes) {
    GroupMetadata g = metadata.withAttributes(attributes);
    writeMetadata(store, path, g);
    return new ZarrGroup(store, path, g, source, registry);
  }

  /**
   * Writes consolidated metadata for everything below this group, read from the store (a listing
   * is needed here, and only here). Returns the group reopened on the consolidated view.
   */
  public ZarrGroup consolidate() {
    MetadataSource live = new StoreMetadataSource(store);
    String prefix = path.isEmpty() ? "" : path + "/";
    if (format() == ZarrFormat.V2) {
      java.util.Map<String, JsonNode> docs = new java.util.TreeMap<>();
      collectV2(live, path, "", docs);
      store.put(prefix + V2Metadata.CONSOLIDATED_KEY, ByteBuffer.wrap(Json.write(ConsolidatedMetadata.toV2(docs))));
    } else {
      java.util.Map<String, JsonNode> docs = new java.util.TreeMap<>();
      collectV3(live, path, "", docs);
      ObjectNode self = V3Metadata.writeGroup(metadata);
      self.set("consolidated_metadata", ConsolidatedMetadata.toV3(docs));
      store.put(prefix + V3Metadata.KEY, ByteBuffer.wrap(Json.write(self)));
    }
    return Zarr.openGroup(store, path, registry);
  }

  private void collectV2(MetadataSource live, String nodePath, String rel, java.util.Map<String, JsonNode> docs) {
    String prefix = nodePath.isEmpty() ? "" : nodePath + "/";
    String relPrefix = rel.isEmpty() ? "" : rel + "/";
    for (String key : List.of(V2Metadata.GROUP_KEY, V2Metadata.ARRAY_KEY, V2Metadata.ATTRS_KEY)) {
      live.document(prefix + key).ifPresent(d -> docs.put(relPrefix + key, d));
    }
    if (docs.containsKey(relPrefix + V2Metadata.ARRAY_KEY)) {
      return;
    }
    for (String child : live.childNames(nodePath)) {
      collectV2(live, StoreKeys.join(nodePath, child), relPrefix + child, docs);
    }
  }

  private void collectV3(MetadataSource live, String nodePath, String rel, java.util.Map<String, JsonNode> docs) {
    for (String child : live.childNames(nodePath)) {
      String childPath = StoreKeys.join(nodePath, child);
      String childRel = rel.isEmpty() ? child : rel + "/" + child;
      Optional<JsonNode> d = live.document(childPath + "/" + V3Metadata.KEY);
      if (d.isEmpty()) {
        continue;
      }
      ObjectNode doc = ((ObjectNode) d.get()).deepCopy();
      doc.remove("consolidated_metadata");
      docs.put(childRel, doc);
      if ("group".equals(doc.path("node_type").asText())) {
        collectV3(live, childPath, childRel, docs);
      }
    }
  }

  @Override
  public String toString() {
    return "group '" + (path.isEmpty() ? "/" : path) + "' in " + store.describe();
  }

  static ZarrGroup of(Store store, String path, GroupMetadata g, MetadataSource source, CodecRegistry registry) {
    return new ZarrGroup(store, path, g, source, registry);
  }
}
