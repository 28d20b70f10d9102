package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.read.StoreSpec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task attempts of one partition: same rows, same bytes at the same keys; an abort deletes nothing. */
class ZarrDataWriterTest {
  @TempDir
  Path dir;

  static final StructType SCHEMA = new StructType().add("i", DataTypes.LongType).add("v", DataTypes.DoubleType)
      .add("s", DataTypes.StringType);

  WriteLayout layout(Path p) {
    WriteOptions o = WriteOptions.parse(Map.of("dimensions", "i", "chunks", "4"));
    return WriteLayout.forNewGroup(WriteMode.CREATE, p.toString(), new StoreSpec(p.toUri().toString(),
        new Configuration()), SCHEMA, o);
  }

  ChunkCommitMessage attempt(WriteLayout layout, long taskId, boolean abort) {
    ZarrDataWriter w = new ZarrDataWriter(layout, 0, taskId);
    for (long i = 0; i < 10; i++) {
      w.write(new GenericInternalRow(new Object[] {i, i * 0.25, UTF8String.fromString("x".repeat((int) i % 3))}));
    }
    ChunkCommitMessage m = abort ? null : (ChunkCommitMessage) w.commit();
    if (abort) {
      w.abort();
    }
    w.close();
    return m;
  }

  Map<String, ByteBuffer> snapshot(FileSystemStore s) {
    Map<String, ByteBuffer> out = new TreeMap<>();
    for (String k : s.list("")) {
      if (!k.endsWith(".crc")) {
        out.put(k, s.get(k).orElseThrow());
      }
    }
    return out;
  }

  @Test
  void aRetriedAttemptWritesTheSameBytesAndAnAbortDeletesNothing() {
    WriteLayout layout = layout(dir);
    ChunkCommitMessage first = attempt(layout, 1, false);
    assertArrayEquals(new long[] {0, 1, 2}, first.blockIds());
    assertArrayEquals(new long[] {9}, first.maxIndex());
    assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(first.widths().get("s")).boxed().toList());
    FileSystemStore s = new FileSystemStore(dir.toString(), new Configuration());
    Map<String, ByteBuffer> afterFirst = snapshot(s);
    assertTrue(afterFirst.containsKey("v/c/2") && afterFirst.containsKey("s/c/0"), afterFirst.keySet().toString());

    attempt(layout, 2, true);
    assertEquals(afterFirst, snapshot(s), "a speculative attempt that aborts leaves the committed chunks as they were");
    ChunkCommitMessage retry = attempt(layout, 3, false);
    assertArrayEquals(first.blockIds(), retry.blockIds());
    assertEquals(afterFirst, snapshot(s), "the retried attempt wrote the same bytes");
  }

  @Test
  void rowsOfAChunkAfterItWasFlushedAreRefused() {
    ZarrDataWriter w = new ZarrDataWriter(layout(dir), 0, 1);
    w.write(new GenericInternalRow(new Object[] {0L, 1.0, UTF8String.fromString("a")}));
    w.write(new GenericInternalRow(new Object[] {5L, 1.0, UTF8String.fromString("a")}));
    String why = SparkTests.failure(() -> w.write(new GenericInternalRow(new Object[] {1L, 1.0,
        UTF8String.fromString("a")})));
    assertTrue(why.contains("rows of block [0] arrived after block [1] was written"), why);
  }
}
