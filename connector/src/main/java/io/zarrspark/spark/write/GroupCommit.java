package io.zarrspark.spark.write;

import io.zarrspark.core.array.ArrayIO;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.hierarchy.GroupIO;
import io.zarrspark.core.hierarchy.Node;
import io.zarrspark.core.hierarchy.Zarr;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.GroupMetadata;
import io.zarrspark.core.ndarray.FixedWidths;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job commit, on the driver, once every task has written its blocks: check that no block was
 * written twice, fix the shape and string lengths, and publish array metadata, group metadata and
 * consolidated metadata, in that order, so that readers see the new arrays only when complete.
 */
final class GroupCommit {
  private final WriteLayout layout;
  private final Store store;

  GroupCommit(WriteLayout layout, Store store) {
    this.layout = layout;
    this.store = store;
  }

  void commit(List<ChunkCommitMessage> messages) {
    checkEachBlockOnce(messages);
    long[] shape = finalShape(messages);
    Set<String> written = new HashSet<>();
    for (ValueColumn c : layout.columns()) {
      DataType type = finalType(c, messages);
      ArrayMetadata m = c.template().metadata(type, c.fill(type), shape);
      if (c.variableWidth()) {
        widenNarrowBlocks(c, m, messages);
      }
      if (m.fillValueNull()) {
        storeUnwrittenChunks(ZarrArray.of(store, c.template().path(), m), messages);
      }
      ArrayIO.writeMetadata(store, c.template().path(), m);
      written.add(c.template().path());
    }
    if (layout.mode() == WriteMode.APPEND) {
      growOtherArrays(written, shape);
    } else {
      GroupIO.writeMetadata(store, "", new GroupMetadata(layout.format(),
          (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(layout.groupAttributes(), "attributes")));
    }
    ZarrGroup.open(store, "").consolidate();
  }

  private void checkEachBlockOnce(List<ChunkCommitMessage> messages) {
    Map<Long, Integer> owner = new HashMap<>();
    for (ChunkCommitMessage m : messages) {
      for (long id : m.blockIds()) {
        Integer other = owner.putIfAbsent(id, m.partitionId());
        if (other != null) {
          throw new IllegalStateException("zarr write to " + layout.path() + ": block "
              + Arrays.toString(layout.geometry().coordsOf(id)) + " (of " + layout.geometry() + ") was written by"
              + " partitions " + other + " and " + m.partitionId() + "; every block must come from one task, so its"
              + " rows must be clustered by block id (the write's required distribution was not applied)");
        }
      }
    }
  }

  private long[] finalShape(List<ChunkCommitMessage> messages) {
    int rank = layout.geometry().rank();
    long[] shape = layout.fixedShape();
    if (shape == null) {
      shape = new long[rank];
      for (ChunkCommitMessage m : messages) {
        long[] max = m.maxIndex();
        for (int d = 0; d < rank; d++) {
          shape[d] = Math.max(shape[d], max[d] + 1);
        }
      }
    }
    long[] old = layout.oldShape();
    if (old != null) {
      for (int d = 0; d < rank; d++) {
        shape[d] = Math.max(shape[d], old[d]);
      }
    }
    return shape;
  }

  /** A string or binary array's length is the longest value written (at least 1). */
  private static DataType finalType(ValueColumn c, List<ChunkCommitMessage> messages) {
    if (!c.variableWidth()) {
      return c.type();
    }
    int n = 1;
    for (ChunkCommitMessage m : messages) {
      for (int w : m.widths().getOrDefault(c.name(), new int[0])) {
        n = Math.max(n, w);
      }
    }
    return c.type().kind() == DataType.Kind.UNICODE ? DataType.unicode(n) : DataType.bytes(n);
  }

  /** Blocks were encoded with their own longest value; re-encode the narrower ones at the final length. */
  private void widenNarrowBlocks(ValueColumn c, ArrayMetadata target, List<ChunkCommitMessage> messages) {
    ZarrArray to = ZarrArray.of(store, c.template().path(), target);
    Map<Integer, ZarrArray> byWidth = new HashMap<>();
    int n = target.dataType().length();
    for (ChunkCommitMessage m : messages) {
      long[] ids = m.blockIds();
      int[] widths = m.widths().get(c.name());
      for (int i = 0; i < ids.length; i++) {
        if (widths[i] == n) {
          continue;
        }
        int w = widths[i];
        ZarrArray from = byWidth.computeIfAbsent(w, k -> {
          DataType t = c.type().kind() == DataType.Kind.UNICODE ? DataType.unicode(k) : DataType.bytes(k);
          return ZarrArray.of(store, c.template().path(), c.template().metadata(t, FillValue.zero(t), target.shape()));
        });
        long[] coords = layout.geometry().coordsOf(ids[i]);
        String key = to.chunkKey(coords);
        Optional<ByteBuffer> raw = store.get(key);
        if (raw.isPresent()) {
          NdArray wide = FixedWidths.widen(from.decodeChunk(key, raw.get()), target.dataType());
          store.put(key, to.encodeChunk(wide));
        }
      }
    }
  }

  /**
   * A v2 array without a fill value has no defined content for a missing chunk (zarr-python hands
   * back uninitialised memory), so the chunks no task wrote are stored as zeros, which is what
   * this connector reads for them. Chunks an append finds already stored are kept.
   */
  private void storeUnwrittenChunks(ZarrArray array, List<ChunkCommitMessage> messages) {
    Set<String> written = new HashSet<>();
    for (ChunkCommitMessage m : messages) {
      for (long id : m.blockIds()) {
        written.add(Arrays.toString(layout.geometry().coordsOf(id)));
      }
    }
    ArrayMetadata m = array.metadata();
    ByteBuffer zeros = array.encodeChunk(NdArray.allocate(m.dataType(), m.chunkShape()));
    long[] grid = m.grid().gridShape();
    long cells = m.grid().chunkCount();
    long[] coords = new long[grid.length];
    for (long n = 0; n < cells; n++) {
      long rest = n;
      for (int d = grid.length - 1; d >= 0; d--) {
        coords[d] = rest % grid[d];
        rest /= grid[d];
      }
      if (written.contains(Arrays.toString(coords))) {
        continue;
      }
      String key = array.chunkKey(coords);
      if (layout.mode() != WriteMode.APPEND || !store.exists(key)) {
        store.put(key, zeros.duplicate());
      }
    }
  }

  /** Arrays of the group that were not written still share its dimensions: they grow with it. */
  private void growOtherArrays(Set<String> written, long[] shape) {
    Node root = Zarr.open(store, "");
    if (!(root instanceof Node.Group)) {
      return;
    }
    for (ZarrArray a : ((Node.Group) root).group().arraysRecursive()) {
      if (!written.contains(a.path()) && Arrays.equals(a.shape(), layout.oldShape())) {
        ArrayIO.writeMetadata(store, a.path(), a.metadata().withShape(shape, a.toString()));
      }
    }
  }

  /** Job abort: a new group's arrays are removed; appended data cannot be taken back. */
  void abort() {
    if (layout.mode() == WriteMode.APPEND) {
      return;
    }
    for (ValueColumn c : layout.columns()) {
      store.deletePrefix(c.template().path());
    }
  }
}
