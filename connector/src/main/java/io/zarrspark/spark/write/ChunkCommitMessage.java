package io.zarrspark.spark.write;

import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one task wrote: the ids of the blocks (chunks, or shards) it flushed, the largest index it
 * saw per dimension (the shape when none is given is their maximum + 1), and, for string and
 * binary arrays, the length each block was encoded with (the commit re-encodes blocks narrower
 * than the array's final length).
 */
public final class ChunkCommitMessage implements WriterCommitMessage {
  private static final long serialVersionUID = 1L;

  private final int partitionId;
  private final long taskId;
  private final long[] blockIds;
  private final long[] maxIndex;
  private final long rows;
  private final Map<String, int[]> widths;

  ChunkCommitMessage(int partitionId, long taskId, long[] blockIds, long[] maxIndex, long rows,
      Map<String, int[]> widths) {
    this.partitionId = partitionId;
    this.taskId = taskId;
    this.blockIds = blockIds;
    this.maxIndex = maxIndex;
    this.rows = rows;
    this.widths = widths;
  }

  public int partitionId() {
    return partitionId;
  }

  public long taskId() {
    return taskId;
  }

  /** Ids of the blocks this task wrote, in the order it wrote them. */
  public long[] blockIds() {
    return blockIds.clone();
  }

  /** Per dimension the largest index written, -1 when the task saw no row. */
  public long[] maxIndex() {
    return maxIndex.clone();
  }

  public long rows() {
    return rows;
  }

  /** For each variable-length array, the element length of each block, parallel to {@link #blockIds}. */
  Map<String, int[]> widths() {
    return widths;
  }

  @Override
  public String toString() {
    return "ChunkCommitMessage(partition " + partitionId + ", task " + taskId + ", " + rows + " rows, blocks "
        + Arrays.toString(blockIds) + ")";
  }
}
