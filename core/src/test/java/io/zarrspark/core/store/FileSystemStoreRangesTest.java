package io.zarrspark.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FileSystemStore reads: several ranges through Hadoop vectored reads (Hadoop 3.3.5+) and through
 * the positional fallback (what Hadoop 3.3.4 gets), which must give the same bytes and errors; and
 * whole-value reads without a separate status call.
 */
class FileSystemStoreRangesTest {
  @TempDir
  Path dir;

  FileSystemStore store(boolean vectored) {
    Configuration conf = new Configuration();
    conf.setBoolean(FileSystemStore.VECTORED_READS, vectored);
    return new FileSystemStore(dir.resolve("root").toUri(), conf);
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] array(ByteBuffer b) {
    assertTrue(b.hasArray() && b.position() == 0, "heap buffer at position 0");
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Test
  void vectoredReadsAreUsedWhereHadoopHasThem() {
    String[] v = VersionInfo.getVersion().split("[.-]");
    boolean atLeast335 = Integer.parseInt(v[0]) > 3 || (Integer.parseInt(v[0]) == 3
        && (Integer.parseInt(v[1]) > 3 || (Integer.parseInt(v[1]) == 3 && Integer.parseInt(v[2]) >= 5)));
    assertEquals(atLeast335, VectoredReads.available(), "Hadoop " + VersionInfo.getVersion());
    assertEquals(atLeast335, store(true).vectoredReads());
    assertFalse(store(false).vectoredReads());
  }

  @ParameterizedTest(name = "vectored={0}")
  @ValueSource(booleans = {true, false})
  void rangesInAnyOrderWithOverlapsDuplicatesAndEmptyOnes(boolean vectored) {
    FileSystemStore s = store(vectored);
    byte[] data = random(100_000, 1);
    s.put("a/k", ByteBuffer.wrap(data));
    List<ByteRange> ranges = List.of(new ByteRange(50_000, 1_000), new ByteRange(10, 5), new ByteRange(10, 5),
        new ByteRange(0, 0), new ByteRange(40_000, 20_000), new ByteRange(99_990, 10), new ByteRange(50_500, 100),
        new ByteRange(100_000, 0));
    List<ByteBuffer> got = s.getRanges("a/k", ranges).orElseThrow();
    assertEquals(ranges.size(), got.size());
    for (int i = 0; i < ranges.size(); i++) {
      ByteRange r = ranges.get(i);
      assertArrayEquals(Arrays.copyOfRange(data, (int) r.offset(), (int) r.end()), array(got.get(i)), r.toString());
    }
    assertTrue(s.getRanges("a/missing", ranges).isEmpty());
    assertArrayEquals(Arrays.copyOfRange(data, 7, 19), array(s.getRange("a/k", 7, 12).orElseThrow()));
  }

  @ParameterizedTest(name = "vectored={0}")
  @ValueSource(booleans = {true, false})
  void rangesPastTheEndFailNamingTheKey(boolean vectored) {
    FileSystemStore s = store(vectored);
    s.put("k", ByteBuffer.wrap(random(1000, 2)));
    for (List<ByteRange> bad : List.of(List.of(new ByteRange(0, 10), new ByteRange(995, 10)), List.of(new ByteRange(1001, 1)),
        List.of(new ByteRange(0, 64L << 20)))) {
      StoreException e = assertThrows(StoreException.class, () -> s.getRanges("k", bad), bad.toString());
      assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    }
    // Larger than any buffer: refused before anything is opened.
    assertThrows(StoreException.class, () -> s.getRange("k", 0, 3L << 30));
  }

  @Test
  void wholeValuesOfAnySizeAndMissingOnesReadWithoutAStatusCall() throws Exception {
    FileSystemStore s = store(true);
    byte[] big = random(3 * 1024 * 1024 + 7, 3);
    s.put("big", ByteBuffer.wrap(big));
    assertArrayEquals(big, array(s.get("big").orElseThrow()));
    s.put("empty", ByteBuffer.allocate(0));
    assertEquals(0, s.get("empty").orElseThrow().remaining());
    s.put("d/x", ByteBuffer.wrap(new byte[] {1}));
    assertTrue(s.get("d").isEmpty(), "a directory is not a value");
    assertTrue(s.get("nope").isEmpty());
    assertTrue(s.getRange("d", 0, 1).isEmpty());
    assertTrue(Files.isDirectory(dir.resolve("root/d")));
    assertArrayEquals(Arrays.copyOfRange(big, big.length - 9, big.length), array(s.getSuffix("big", 9).orElseThrow()));
  }

  @Test
  void readingToTheEndCopesWithShortLongAndMissingLengthHints() throws Exception {
    byte[] data = random(50_000, 4);
    for (int hint : new int[] {0, 1, 8191, 49_999, 50_000, 60_000}) {
      InputStream in = new ByteArrayInputStream(data) {
        @Override
        public synchronized int available() {
          return hint;
        }
      };
      assertArrayEquals(data, FileSystemStore.readToEnd(in, "test"), "hint " + hint);
    }
    InputStream huge = new ByteArrayInputStream(new byte[0]) {
      @Override
      public synchronized int available() {
        return Integer.MAX_VALUE;
      }
    };
    // A stream that reports more than one buffer holds is refused before anything is allocated.
    StoreException e = assertThrows(StoreException.class, () -> FileSystemStore.readToEnd(huge, "key 'k'"));
    assertTrue(e.getMessage().contains("key 'k'"), e.getMessage());
  }

  @ParameterizedTest(name = "vectored={0}")
  @ValueSource(booleans = {true, false})
  void shardedRegionReadsOnTheFileSystem(boolean vectored) {
    CountingStore s = new CountingStore(store(vectored));
    ZarrArray a = ZarrArray.create(s, "a", ArrayMetadataBuilder.v3(new long[] {40, 40}, new int[] {20, 20}, DataType.INT16)
        .codecs(List.of(new ShardingCodec(new int[] {5, 5}, List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN))))).build(), false);
    NdArray v = NdArray.allocate(DataType.INT16, new int[] {40, 40});
    for (int i = 0; i < v.size(); i++) {
      v.buffer().putShort(2 * i, (short) (i * 7));
    }
    a.write(new long[] {0, 0}, v);
    s.reset();
    NdArray got = a.read(new long[] {3, 1}, new int[] {5, 3});
    // The index (16 entries + crc32c) and inner chunks (0,0) and (1,0), 50 bytes each.
    assertEquals(List.of("getSuffix a/c/0/0 260", "getRanges a/c/0/0 0+50 200+50"), s.calls());
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 3; x++) {
        assertEquals((short) (((y + 3) * 40 + x + 1) * 7), got.buffer().getShort(2 * (y * 3 + x)));
      }
    }
  }
}
