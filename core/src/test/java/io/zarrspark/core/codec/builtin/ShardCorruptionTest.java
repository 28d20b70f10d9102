package io.zarrspark.core.codec.builtin;

import static io.zarrspark.core.codec.builtin.ShardingCodecTest.LE;
import static io.zarrspark.core.codec.builtin.ShardingCodecTest.U8_4;
import static io.zarrspark.core.codec.builtin.ShardingCodecTest.codec;
import static io.zarrspark.core.codec.builtin.ShardingCodecTest.concat;
import static io.zarrspark.core.codec.builtin.ShardingCodecTest.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.ShardingCodec.IndexLocation;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.ByteSource;
import io.zarrspark.core.store.CountingStore;
import io.zarrspark.core.store.MemoryStore;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shards that cannot be valid fail as CorruptChunkException with a message naming the problem,
 * both when decoded whole and when read in part from a store, and before any buffer is sized
 * from a declared length.
 */
class ShardCorruptionTest {
  static final ShardingCodec END = codec(new int[] {2}, IndexLocation.END, LE);
  static final ShardingCodec START = codec(new int[] {2}, IndexLocation.START, LE);

  /** Fails when decoded whole; returns the message. */
  static String corruptWhole(ShardingCodec c, byte[] shard, String expected) {
    CorruptChunkException whole = assertThrows(CorruptChunkException.class, () -> c.decode(ByteBuffer.wrap(shard), U8_4));
    assertTrue(whole.getMessage().contains(expected), whole.getMessage());
    return whole.getMessage();
  }

  /** Fails both ways (whole decode, partial read of inner chunk 0 from a store); returns the messages. */
  static List<String> corrupt(ShardingCodec c, byte[] shard, String expected) {
    CorruptChunkException whole = assertThrows(CorruptChunkException.class, () -> c.decode(ByteBuffer.wrap(shard), U8_4));
    assertTrue(whole.getMessage().contains(expected), whole.getMessage());
    MemoryStore store = new MemoryStore();
    store.put("s", ByteBuffer.wrap(shard));
    CorruptChunkException part = assertThrows(CorruptChunkException.class,
        () -> c.decodePartial(ByteSource.of(store, "s"), U8_4, new int[] {0}, new int[] {1}));
    return List.of(whole.getMessage(), part.getMessage());
  }

  @Test
  void shardShorterThanItsIndex() {
    List<String> m = corrupt(END, new byte[10], "fewer than its 36-byte index");
    assertTrue(m.get(1).contains("fewer than its 36-byte index"), m.get(1));
    corrupt(START, new byte[35], "fewer than its 36-byte index");
  }

  @Test
  void checksumMismatch() {
    byte[] shard = concat(new byte[] {1, 2}, index(0, 2, -1, -1));
    shard[5] ^= 1;
    List<String> m = corrupt(END, shard, "crc32c");
    assertTrue(m.get(1).contains("crc32c"), m.get(1));
  }

  @Test
  void offsetsPastTheEndOfTheData() {
    // A chunk reaching into the index at the end: only a whole decode knows where the data ends
    // (a partial read learns the index, not the shard's size, from its suffix request).
    String m = corruptWhole(END, concat(new byte[] {1, 2}, index(1, 2, -1, -1)), "outside the chunk data of the shard, [0, 2)");
    assertTrue(m.contains("inner chunk [0]"), m);
    // Past the end of the value, a partial read fails on the range and then names the cause.
    corrupt(END, concat(new byte[] {1, 2}, index(40, 2, -1, -1)), "outside the chunk data");
    List<String> far = corrupt(END, concat(new byte[] {1, 2}, index(40, 2, -1, -1)), "[40, 42)");
    assertTrue(far.get(1).contains("ends at 2"), far.get(1));
    // With the index at the start a chunk cannot point into it.
    corrupt(START, concat(index(0, 2, -1, -1), new byte[] {1, 2}), "[36, 38)");
  }

  @Test
  void lengthsThatOverflowOrHalfEmptyEntries() {
    corrupt(END, concat(new byte[] {1, 2}, index(Long.MAX_VALUE - 1, 2, -1, -1)), "overflow");
    corrupt(END, concat(new byte[] {1, 2}, index(0, -2, -1, -1)), "overflow");
    corrupt(END, concat(new byte[] {1, 2}, index(-1, 2, -1, -1)), "only both 2^64-1");
  }

  @Test
  void innerChunkOfTheWrongSize() {
    List<String> m = corrupt(END, concat(new byte[] {1, 2, 3}, index(0, 1, -1, -1)), "needs exactly 2");
    assertTrue(m.get(1).contains("inner chunk [0]") && m.get(1).contains("needs exactly 2"), m.get(1));
  }

  @Test
  void declaredSizesFarAboveTheShardAreRefusedBeforeAnyRead() {
    byte[] shard = concat(new byte[] {1, 2}, index(0, 1L << 40, -1, -1));
    corrupt(END, shard, "more than the 2 an inner chunk can encode to");
    CountingStore store = new CountingStore(new MemoryStore());
    store.put("s", ByteBuffer.wrap(shard));
    assertThrows(CorruptChunkException.class,
        () -> END.decodePartial(ByteSource.of(store, "s"), U8_4, new int[] {0}, new int[] {1}));
    assertEquals(List.of("getSuffix s 36"), store.calls());
  }

  @Test
  void aCorruptInnerShardIsNamedInsideItsOuterShard() {
    ShardingCodec nested = codec(new int[] {2}, IndexLocation.END, codec(new int[] {1}, IndexLocation.END, LE));
    ByteBuffer enc = nested.encode(NdArray.wrap(DataType.UINT8, new int[] {4},
        new byte[] {1, 2, 3, 4}), U8_4);
    byte[] shard = new byte[enc.remaining()];
    enc.get(shard);
    // Inner shard 0 is bytes [0, 38): two 1-byte chunks, then its own 36-byte index.
    shard[5] ^= 1;
    for (String m : corrupt(nested, shard, "crc32c")) {
      assertTrue(m.contains("inner chunk [0] (shard bytes [0, 38))") && m.contains("crc32c"), m);
    }
  }

  @Test
  void arrayReadsNameTheArrayAndTheShardKey() {
    MemoryStore store = new MemoryStore();
    ZarrArray a = ZarrArray.create(store, "x", ArrayMetadataBuilder.v3(new long[] {8}, new int[] {4}, DataType.UINT8)
        .codecs(List.of(END)).build(), false);
    store.put("x/c/0", ByteBuffer.wrap(concat(new byte[] {1, 2}, index(40, 2, -1, -1))));
    for (int[] region : new int[][] {{0, 4}, {1, 1}}) {
      CorruptChunkException e = assertThrows(CorruptChunkException.class,
          () -> a.read(new long[] {region[0]}, new int[] {region[1]}));
      assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("chunk 'x/c/0'"), e.getMessage());
    }
    assertThrows(CorruptChunkException.class, () -> a.readChunk(new long[] {0}));
  }
}
