package io.zarrspark.spark.read;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.store.FileSystemStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.Path;

/**
 * Preferred hosts of a split on file systems that report block locations (HDFS): the hosts of
 * its first stored chunk. One metadata call per split; object stores report none and are skipped.
 */
final class SplitLocations {
  private final FileSystemStore store;
  private final ZarrArray array;
  private final boolean enabled;

  SplitLocations(FileSystemStore store, ZarrArray array) {
    this.store = store;
    this.array = array;
    String scheme = store.root().toUri().getScheme();
    this.enabled = array != null && "hdfs".equalsIgnoreCase(scheme);
  }

  String[] hosts(long[] chunkCoords) {
    if (!enabled) {
      return new String[0];
    }
    Path p = store.pathOf(array.chunkKey(chunkCoords));
    try {
      BlockLocation[] blocks = store.fileSystem().getFileBlockLocations(store.fileSystem().getFileStatus(p), 0, 1);
      return blocks.length == 0 ? new String[0] : blocks[0].getHosts();
    } catch (FileNotFoundException e) {
      return new String[0]; // a missing chunk reads as fill anywhere
    } catch (IOException e) {
      // Locality is an optimisation: never fail planning for it.
      return new String[0];
    }
  }
}
