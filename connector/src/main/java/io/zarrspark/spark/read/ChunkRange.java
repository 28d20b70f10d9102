package io.zarrspark.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * A split: the chunks with C-order linear indices in [first, end). Ranges keep planning of
 * millions of chunks to a few objects per split, with no per-chunk state on the driver.
 */
public record ChunkRange(long first, long end) implements InputPartition {}
