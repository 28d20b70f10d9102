package io.zarrspark.core.array;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.NodeMetadata;
import io.zarrspark.core.metadata.StoreMetadataSource;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.V3Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;

/** Opening and creating arrays, and writing their metadata documents. */
public final class ArrayIO {
  private ArrayIO() {}

  static ZarrArray open(Store store, String path) {
    return open(store, path, CodecRegistry.defaults());
  }

  public static ZarrArray open(Store store, String path, CodecRegistry registry) {
    NodeMetadata node = NodeMetadata.require(new StoreMetadataSource(store), path, store.describe(), registry);
    ArrayMetadata m = node.array().orElseThrow(() -> new ZarrException(
        "'" + path + "' in " + store.describe() + " is a group, not an array"));
    return new ZarrArray(store, node.path(), m);
  }

  static ZarrArray create(Store store, String path, ArrayMetadata metadata, boolean overwrite) {
    String p = StoreKeys.validatePath(path);
    boolean exists = NodeMetadata.read(new StoreMetadataSource(store), p, store.describe(), CodecRegistry.defaults())
        .isPresent();
    if (exists) {
      if (!overwrite) {
        throw new ZarrException("a Zarr node already exists at '" + p + "' in " + store.describe());
      }
      store.deletePrefix(p);
    }
    // The object is built first so that an unusable codec chain fails before anything is written.
    ZarrArray array = new ZarrArray(store, p, metadata);
    writeMetadata(store, p, metadata);
    return array;
  }

  /** Writes the array's metadata documents (zarr.json, or .zarray and .zattrs). */
  public static void writeMetadata(Store store, String path, ArrayMetadata m) {
    String prefix = StoreKeys.normalizePath(path).isEmpty() ? "" : StoreKeys.normalizePath(path) + "/";
    if (m.format() == ZarrFormat.V3) {
      store.put(prefix + V3Metadata.KEY, ByteBuffer.wrap(Json.write(V3Metadata.writeArray(m))));
    } else {
      ObjectNode attrs = m.attributes();
      store.put(prefix + V2Metadata.ARRAY_KEY, ByteBuffer.wrap(Json.write(V2Metadata.writeArray(m))));
      if (attrs.isEmpty()) {
        store.delete(prefix + V2Metadata.ATTRS_KEY);
      } else {
        store.put(prefix + V2Metadata.ATTRS_KEY, ByteBuffer.wrap(Json.write(attrs)));
      }
    }
  }
}
