package io.zarrspark.spark.write;

import io.zarrspark.core.store.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Writes the rows of one task. Rows arrive clustered and sorted by block (the write's required
 * distribution and ordering), so the writer holds one block per array: when the block changes it
 * encodes the finished one and puts it at its final key. Memory is bounded by the block size,
 * whatever the amount of data.
 *
 * <p>Aborting deletes nothing: another attempt of this task may have committed the same keys
 * (with the same bytes, as encoding is deterministic), and the job abort removes new arrays.
 */
final class ZarrDataWriter implements DataWriter<InternalRow> {
  private final WriteLayout layout;
  private final BlockGeometry geometry;
  private final int partitionId;
  private final long taskId;
  private final Store store;
  private final List<BlockBuffer> buffers = new ArrayList<>();
  private final long[] fixedShape;
  private final long[] index;
  private final long[] coords;
  private final long[] maxIndex;
  private final BitSet written;
  private long[] current;
  private long currentId = -1;
  private long lastFlushed = -1;
  private long rows;
  private long[] flushed = new long[16];
  private int flushedCount;
  private final Map<String, int[]> widths = new LinkedHashMap<>();

  ZarrDataWriter(WriteLayout layout, int partitionId, long taskId) {
    this.layout = layout;
    this.geometry = layout.geometry();
    this.partitionId = partitionId;
    this.taskId = taskId;
    this.store = layout.store().open();
    for (ValueColumn c : layout.columns()) {
      buffers.add(new BlockBuffer(c, store, geometry.block(), layout.oldShape()));
      if (c.variableWidth()) {
        widths.put(c.name(), new int[16]);
      }
    }
    this.fixedShape = layout.fixedShape();
    this.index = new long[geometry.rank()];
    this.coords = new long[geometry.rank()];
    this.maxIndex = new long[geometry.rank()];
    Arrays.fill(maxIndex, -1);
    this.written = new BitSet(geometry.blockElements());
  }

  @Override
  public void write(InternalRow row) {
    if (!layout.indices(row, index)) {
      throw rowError(row, "an index is null");
    }
    for (int d = 0; d < index.length; d++) {
      if (index[d] < 0) {
        throw rowError(row, "index " + index[d] + " of dimension '" + layout.dimensionNames().get(d)
            + "' is negative; indices are 0-based");
      }
      if (fixedShape != null && index[d] >= fixedShape[d]) {
        throw rowError(row, "index " + index[d] + " of dimension '" + layout.dimensionNames().get(d)
            + "' is outside the shape " + Arrays.toString(fixedShape) + " given");
      }
    }
    if (geometry.blockOf(index, coords) == null) {
      throw rowError(row, "the index is beyond the " + Arrays.toString(geometry.capacity()) + " blocks of "
          + Arrays.toString(geometry.block()) + " a write without a shape option can address; give option shape");
    }
    long id = geometry.idOfBlock(coords);
    if (id != currentId) {
      if (current != null) {
        flush();
      }
      if (id <= lastFlushed) {
        throw new IllegalStateException("zarr write: rows of block " + Arrays.toString(coords) + " arrived after block"
            + " " + Arrays.toString(geometry.coordsOf(lastFlushed)) + " was written: the input was not clustered and"
            + " sorted by block as the write requires");
      }
      begin(id);
    }
    int element = geometry.offsetInBlock(index);
    if (written.get(element)) {
      throw rowError(row, "this element is given twice");
    }
    written.set(element);
    for (BlockBuffer b : buffers) {
      try {
        b.put(row, element);
      } catch (IllegalArgumentException e) {
        throw rowError(row, "column '" + b.column().name() + "': " + e.getMessage());
      }
    }
    for (int d = 0; d < index.length; d++) {
      maxIndex[d] = Math.max(maxIndex[d], index[d]);
    }
    rows++;
  }

  private IllegalArgumentException rowError(InternalRow row, String why) {
    return new IllegalArgumentException("zarr write to " + layout.path() + ": row " + layout.describeRow(row) + ": "
        + why);
  }

  private void begin(long id) {
    currentId = id;
    current = coords.clone();
    written.clear();
    for (BlockBuffer b : buffers) {
      b.begin(current);
    }
  }

  private void flush() {
    if (flushedCount == flushed.length) {
      flushed = Arrays.copyOf(flushed, flushedCount * 2);
      widths.replaceAll((k, v) -> Arrays.copyOf(v, flushedCount * 2));
    }
    for (BlockBuffer b : buffers) {
      int length = b.flush(current);
      int[] w = widths.get(b.column().name());
      if (w != null) {
        w[flushedCount] = length;
      }
    }
    flushed[flushedCount++] = currentId;
    lastFlushed = currentId;
    current = null;
  }

  @Override
  public WriterCommitMessage commit() {
    if (current != null) {
      flush();
    }
    Map<String, int[]> w = new LinkedHashMap<>();
    widths.forEach((k, v) -> w.put(k, Arrays.copyOf(v, flushedCount)));
    return new ChunkCommitMessage(partitionId, taskId, Arrays.copyOf(flushed, flushedCount), maxIndex.clone(), rows, w);
  }

  @Override
  public void abort() {
    current = null;
  }

  @Override
  public void close() {
    store.close();
  }
}
