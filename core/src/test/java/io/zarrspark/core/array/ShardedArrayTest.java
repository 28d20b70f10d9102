package io.zarrspark.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec.IndexLocation;
import io.zarrspark.core.codec.builtin.TransposeCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.NdCopy;
import io.zarrspark.core.store.CountingStore;
import io.zarrspark.core.store.MemoryStore;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Region reads of sharded arrays: results equal the whole-shard decode, and a region that needs
 * part of a shard fetches only the index and the byte ranges of the inner chunks it touches.
 */
class ShardedArrayTest {
  static final Codec LE = new BytesCodec(ByteOrder.LITTLE_ENDIAN);
  static final FillValue FILL = new FillValue(DataType.INT32, new byte[] {7, 0, 0, 0});
  /** 16 uint64 pairs for a 4x4 inner grid, plus the crc32c. */
  static final int INDEX_4X4 = 16 * 16 + 4;
  static final int INNER_8X8_I4 = 8 * 8 * 4;

  static ShardingCodec sharding(int[] inner, IndexLocation where, Codec... codecs) {
    return new ShardingCodec(inner, CodecChain.of(List.of(codecs), "test"), ShardingCodec.defaultIndexCodecs(), where);
  }

  static NdArray values(int[] shape, long seed) {
    NdArray a = NdArray.allocate(DataType.INT32, shape);
    Random r = new Random(seed);
    for (int i = 0; i < a.size(); i++) {
      a.buffer().putInt(4 * i, r.nextInt(1000) + 100);
    }
    return a;
  }

  /** A 64x64 int32 array of 32x32 shards of 8x8 inner chunks, written whole; the store is reset. */
  static ZarrArray dense(CountingStore store, ShardingCodec codec) {
    ZarrArray a = ZarrArray.create(store, "a", ArrayMetadataBuilder.v3(new long[] {64, 64}, new int[] {32, 32},
        DataType.INT32).fillValue(FILL).codecs(List.of(codec)).build(), false);
    a.write(new long[] {0, 0}, values(new int[] {64, 64}, 1));
    ZarrArray opened = ZarrArray.open(store, "a");
    store.reset();
    return opened;
  }

  static NdArray box(NdArray all, int[] offset, int[] shape) {
    NdArray out = NdArray.allocate(all.type(), shape);
    NdCopy.copy(all, offset, out, new int[shape.length], shape);
    return out;
  }

  @Test
  void partialReadFetchesTheIndexAndOnlyTheInnerChunksItNeeds() {
    CountingStore store = new CountingStore(new MemoryStore());
    ZarrArray a = dense(store, sharding(new int[] {8, 8}, IndexLocation.END, LE));
    NdArray got = a.read(new long[] {10, 10}, new int[] {10, 10});
    // Inner chunks (1,1) (1,2) (2,1) (2,2) are numbers 5, 6, 9, 10 of the 4x4 inner grid; each is
    // 256 bytes, stored in C order from offset 0; the index is the last 260 bytes.
    assertEquals(List.of("getSuffix a/c/0/0 " + INDEX_4X4,
        "getRanges a/c/0/0 1280+256 1536+256 2304+256 2560+256"), store.calls());
    assertArrayEquals(box(values(new int[] {64, 64}, 1), new int[] {10, 10}, new int[] {10, 10}).data(), got.data());
  }

  @Test
  void indexAtStartIsReadAsAPrefixAndOffsetsFollowIt() {
    CountingStore store = new CountingStore(new MemoryStore());
    ZarrArray a = dense(store, sharding(new int[] {8, 8}, IndexLocation.START, LE));
    NdArray got = a.read(new long[] {40, 0}, new int[] {3, 9});
    // Shard (1,0); inner chunks (1,0) and (1,1): numbers 4 and 5, after the 260-byte index.
    int base = INDEX_4X4;
    assertEquals(List.of("getRange a/c/1/0 0+" + INDEX_4X4,
        "getRanges a/c/1/0 " + (base + 4 * INNER_8X8_I4) + "+256 " + (base + 5 * INNER_8X8_I4) + "+256"), store.calls());
    assertArrayEquals(box(values(new int[] {64, 64}, 1), new int[] {40, 0}, new int[] {3, 9}).data(), got.data());
  }

  @Test
  void aRegionOverSeveralShardsMakesTwoRequestsPerShardAndWholeShardsOne() {
    CountingStore store = new CountingStore(new MemoryStore());
    ZarrArray a = dense(store, sharding(new int[] {8, 8}, IndexLocation.END, LE, new ZstdCodec(1, false)));
    NdArray got = a.read(new long[] {0, 30}, new int[] {32, 4});
    List<String> calls = store.calls();
    assertEquals(4, calls.size(), calls.toString());
    assertEquals(2, calls.stream().filter(c -> c.startsWith("getSuffix")).count(), calls.toString());
    assertEquals(2, calls.stream().filter(c -> c.startsWith("getRanges")).count(), calls.toString());
    // Each shard contributes one column of four inner chunks.
    assertTrue(calls.stream().filter(c -> c.startsWith("getRanges")).allMatch(c -> c.split(" ").length == 6), calls.toString());
    assertArrayEquals(box(values(new int[] {64, 64}, 1), new int[] {0, 30}, new int[] {32, 4}).data(), got.data());
    store.reset();
    NdArray whole = a.read(new long[] {32, 0}, new int[] {32, 64});
    assertEquals(List.of("get a/c/1/0", "get a/c/1/1"), store.calls());
    assertArrayEquals(box(values(new int[] {64, 64}, 1), new int[] {32, 0}, new int[] {32, 64}).data(), whole.data());
  }

  @Test
  void missingShardsAndEmptyInnerChunksCostOnlyTheIndexRequest() {
    CountingStore store = new CountingStore(new MemoryStore());
    ZarrArray a = ZarrArray.create(store, "a", ArrayMetadataBuilder.v3(new long[] {64, 64}, new int[] {32, 32},
        DataType.INT32).fillValue(FILL).codecs(List.of(sharding(new int[] {8, 8}, IndexLocation.END, LE))).build(), false);
    a.write(new long[] {0, 0}, values(new int[] {8, 8}, 2));
    store.reset();
    NdArray empty = a.read(new long[] {8, 8}, new int[] {4, 4});
    assertEquals(List.of("getSuffix a/c/0/0 " + INDEX_4X4), store.calls());
    assertTrue(empty.isFilledWith(FILL));
    store.reset();
    NdArray missing = a.read(new long[] {40, 40}, new int[] {4, 4});
    assertEquals(List.of("getSuffix a/c/1/1 " + INDEX_4X4), store.calls());
    assertTrue(missing.isFilledWith(FILL));
    NdArray mixed = a.read(new long[] {4, 4}, new int[] {8, 8});
    NdArray expected = NdArray.filled(DataType.INT32, new int[] {8, 8}, FILL);
    NdCopy.copy(values(new int[] {8, 8}, 2), new int[] {4, 4}, expected, new int[] {0, 0}, new int[] {4, 4});
    assertArrayEquals(expected.data(), mixed.data());
  }

  @Test
  void nestedShardsAreReadThroughSlicesOfTheOuterShard() {
    CountingStore store = new CountingStore(new MemoryStore());
    ShardingCodec inner = sharding(new int[] {4, 4}, IndexLocation.END, LE);
    ZarrArray a = dense(store, sharding(new int[] {16, 16}, IndexLocation.START, inner));
    NdArray got = a.read(new long[] {5, 5}, new int[] {2, 2});
    List<String> calls = store.calls();
    // Outer index (2x2 inner shards: 64 + 4 bytes) at the start, the inner shard's index (4x4:
    // 260 bytes) at its end, then the one 4x4 chunk that holds the box: 64 bytes.
    assertEquals(3, calls.size(), calls.toString());
    assertEquals("getRange a/c/0/0 0+68", calls.get(0));
    assertTrue(calls.get(1).startsWith("getRange a/c/0/0 ") && calls.get(1).endsWith("+" + INDEX_4X4), calls.toString());
    assertTrue(calls.get(2).matches("getRanges a/c/0/0 \\d+\\+64"), calls.toString());
    assertArrayEquals(box(values(new int[] {64, 64}, 1), new int[] {5, 5}, new int[] {2, 2}).data(), got.data());
  }

  @Test
  void edgeShardsAndEveryLayoutReadBackExactly() {
    List<ShardingCodec> codecs = List.of(
        sharding(new int[] {4, 3}, IndexLocation.END, LE),
        sharding(new int[] {4, 3}, IndexLocation.START, new BytesCodec(ByteOrder.BIG_ENDIAN), new ZstdCodec(3, true)),
        sharding(new int[] {2, 6}, IndexLocation.END, new TransposeCodec(new int[] {1, 0}), LE),
        sharding(new int[] {4, 6}, IndexLocation.START, sharding(new int[] {2, 3}, IndexLocation.END, LE)));
    Random r = new Random(5);
    for (ShardingCodec c : codecs) {
      MemoryStore store = new MemoryStore();
      // 19x23 over 8x12 shards: the last row and column of shards are edge shards.
      ZarrArray a = ZarrArray.create(store, "e", ArrayMetadataBuilder.v3(new long[] {19, 23}, new int[] {8, 12},
          DataType.INT32).fillValue(FILL).codecs(List.of(c)).build(), false);
      NdArray expected = NdArray.filled(DataType.INT32, new int[] {19, 23}, FILL);
      int[][] writes = {{0, 0, 5, 7}, {9, 13, 10, 10}, {17, 2, 2, 3}};
      for (int[] w : writes) {
        NdArray v = values(new int[] {w[2], w[3]}, w[0]);
        a.write(new long[] {w[0], w[1]}, v);
        NdCopy.copy(v, new int[2], expected, new int[] {w[0], w[1]}, new int[] {w[2], w[3]});
      }
      ZarrArray back = ZarrArray.open(store, "e");
      assertArrayEquals(expected.data(), back.readAll().data(), c.toString());
      for (int k = 0; k < 40; k++) {
        int y = r.nextInt(19);
        int x = r.nextInt(23);
        int[] shape = {1 + r.nextInt(19 - y), 1 + r.nextInt(23 - x)};
        assertArrayEquals(box(expected, new int[] {y, x}, shape).data(), back.read(new long[] {y, x}, shape).data(),
            c + " region at " + y + "," + x);
      }
      // Shard (0,1) is never written, and inner chunks beyond the array's edge are never stored.
      assertTrue(back.readRawChunk(new long[] {0, 1}).isEmpty(), c.toString());
    }
  }
}
