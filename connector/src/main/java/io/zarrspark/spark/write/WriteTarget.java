package io.zarrspark.spark.write;

import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.hierarchy.Node;
import io.zarrspark.core.hierarchy.Zarr;
import io.zarrspark.core.metadata.NodeMetadata;
import io.zarrspark.core.metadata.StoreMetadataSource;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.store.Store;
import io.zarrspark.spark.read.StoreSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The path a write goes to, as the catalog resolved it: where the store is, options the table
 * carries (SQL {@code OPTIONS} of a CREATE TABLE), and whether the catalog created the table for
 * this statement (CTAS, or the create half of a replace).
 */
public final class WriteTarget {
  private final String path;
  private final StoreSpec store;
  private final Map<String, String> tableOptions;
  private final boolean createdByStatement;

  public WriteTarget(String path, StoreSpec store, Map<String, String> tableOptions, boolean createdByStatement) {
    this.path = path;
    this.store = store;
    this.tableOptions = Map.copyOf(tableOptions);
    this.createdByStatement = createdByStatement;
  }

  public String path() {
    return path;
  }

  public StoreSpec store() {
    return store;
  }

  Map<String, String> tableOptions() {
    return tableOptions;
  }

  boolean createdByStatement() {
    return createdByStatement;
  }

  /** The Zarr node at the path, if there is one. */
  public Optional<Node> node() {
    try (Store s = store.open()) {
      boolean exists = NodeMetadata.read(new StoreMetadataSource(s), "", s.describe(), CodecRegistry.defaults())
          .isPresent();
      return exists ? Optional.of(Zarr.open(s, "")) : Optional.empty();
    }
  }

  /** Whether something other than a Zarr node is at the path (a write must not replace it). */
  public boolean holdsOtherData() {
    try (Store s = store.open()) {
      if (!(s instanceof FileSystemStore)) {
        return false;
      }
      FileSystemStore fs = (FileSystemStore) s;
      if (!fs.fileSystem().exists(fs.root())) {
        return false;
      }
      return !fs.fileSystem().getFileStatus(fs.root()).isDirectory() || !s.listChildren("").isEmpty();
    } catch (java.io.IOException e) {
      throw new io.zarrspark.core.store.StoreException("cannot inspect " + path + ": " + e, e);
    }
  }
}
