package io.zarrspark.core.hierarchy;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.metadata.ConsolidatedMetadata;
import io.zarrspark.core.metadata.GroupMetadata;
import io.zarrspark.core.metadata.MetadataSource;
import io.zarrspark.core.metadata.NodeMetadata;
import io.zarrspark.core.metadata.StoreMetadataSource;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import java.util.Optional;

/** Entry point: opens whatever node is at a path, detecting v2 or v3 and consolidated metadata. */
public final class Zarr {
  private Zarr() {}

  public static Node open(Store store, String path) {
    return open(store, path, CodecRegistry.defaults());
  }

  public static Node open(Store store, String path, CodecRegistry registry) {
    String p = StoreKeys.validatePath(path);
    MetadataSource live = new StoreMetadataSource(store);
    NodeMetadata n = NodeMetadata.require(live, p, store.describe(), registry);
    MetadataSource source = live;
    if (!n.isArray()) {
      source = consolidated(store, p, n).map(c -> (MetadataSource) c).orElse(live);
    }
    return node(store, n, source, registry);
  }

  public static ZarrGroup openGroup(Store store, String path, CodecRegistry registry) {
    Node n = open(store, path, registry);
    if (!(n instanceof Node.Group)) {
      throw new ZarrException("'" + path + "' in " + store.describe() + " is an array, not a group");
    }
    return ((Node.Group) n).group();
  }

  private static Optional<ConsolidatedMetadata> consolidated(Store store, String path, NodeMetadata group) {
    String prefix = path.isEmpty() ? "" : path + "/";
    if (group.format() == ZarrFormat.V3) {
      return ConsolidatedMetadata.fromV3(path, group.rawDocument(), "group '" + path + "' in " + store.describe());
    }
    String key = prefix + V2Metadata.CONSOLIDATED_KEY;
    return new StoreMetadataSource(store).document(key)
        .map(doc -> ConsolidatedMetadata.fromV2(path, doc, "'" + key + "' in " + store.describe()));
  }

  static Node node(Store store, NodeMetadata n, MetadataSource source, CodecRegistry registry) {
    if (n.isArray()) {
      return new Node.Array(ZarrArray.of(store, n.path(), n.array().get()));
    }
    GroupMetadata g = n.group().get();
    return new Node.Group(ZarrGroup.of(store, n.path(), g, source, registry));
  }
}
