package io.zarrspark.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * A split: the selected chunks at positions [first, end) of the C-order enumeration. Ranges keep
 * planning of millions of chunks to a few objects per split, with no per-chunk state on the
 * driver. Hosts are where the first chunk's blocks live (HDFS), for locality.
 */
public record ChunkRange(long first, long end, String[] hosts) implements InputPartition {
  public ChunkRange(long first, long end) {
    this(first, end, new String[0]);
  }

  @Override
  public String[] preferredLocations() {
    return hosts.clone();
  }
}
