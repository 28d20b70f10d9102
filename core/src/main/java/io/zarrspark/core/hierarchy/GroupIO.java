package io.zarrspark.core.hierarchy;

import io.zarrspark.core.metadata.GroupMetadata;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;

/**
 * Writing a group's metadata document on its own, without {@link ZarrGroup#create}'s existence
 * check and deletion: for writers that put chunks first and publish metadata last (a distributed
 * job commit), where the node must not become visible before its arrays are complete.
 */
public final class GroupIO {
  private GroupIO() {}

  /** Writes zarr.json, or .zgroup and .zattrs, for the group at {@code path}; replaces existing ones. */
  public static void writeMetadata(Store store, String path, GroupMetadata metadata) {
    ZarrGroup.writeMetadata(store, StoreKeys.validatePath(path), metadata);
  }
}
