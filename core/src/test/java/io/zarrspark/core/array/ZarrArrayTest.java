package io.zarrspark.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.Crc32cCodec;
import io.zarrspark.core.codec.builtin.GzipCodec;
import io.zarrspark.core.codec.builtin.TransposeCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.MemoryStore;
import io.zarrspark.core.store.Store;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZarrArrayTest {

  static NdArray iota(int[] shape) {
    NdArray a = NdArray.allocate(DataType.INT32, shape);
    for (int i = 0; i < a.size(); i++) {
      a.buffer().putInt(i * 4, i + 1);
    }
    return a;
  }

  static int at(NdArray a, int[] idx) {
    int[] s = a.shape();
    int flat = 0;
    for (int d = 0; d < s.length; d++) {
      flat = flat * s[d] + idx[d];
    }
    return a.buffer().getInt(flat * 4);
  }

  static List<ArrayMetadata> layouts(long[] shape, int[] chunks) {
    FillValue fill = new FillValue(DataType.INT32, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    return List.of(
        ArrayMetadataBuilder.v3(shape, chunks, DataType.INT32).fillValue(fill).build(),
        ArrayMetadataBuilder.v3(shape, chunks, DataType.INT32).fillValue(fill)
            .chunkKeyEncoding(ChunkKeyEncoding.v3Default('.'))
            .codecs(List.of(TransposeCodec.reversed(shape.length), new BytesCodec(ByteOrder.BIG_ENDIAN),
                new ZstdCodec(3, true), new Crc32cCodec())).build(),
        ArrayMetadataBuilder.v3(shape, chunks, DataType.INT32).fillValue(fill)
            .chunkKeyEncoding(ChunkKeyEncoding.v2('/')).build(),
        ArrayMetadataBuilder.v2(shape, chunks, DataType.INT32).fillValue(fill).order('F')
            .byteOrder(ByteOrder.BIG_ENDIAN).compressor(new GzipCodec(5)).build(),
        ArrayMetadataBuilder.v2(shape, chunks, DataType.INT32).fillValue(fill)
            .chunkKeyEncoding(ChunkKeyEncoding.v2('/')).build());
  }

  @Test
  void regionWritesAndReadsAgreeAcrossEveryLayout() {
    long[] shape = {7, 11, 5};
    int[] chunks = {3, 4, 5};
    for (ArrayMetadata m : layouts(shape, chunks)) {
      Store store = new MemoryStore();
      ZarrArray a = ZarrArray.create(store, "g/a", m, false);
      NdArray region = iota(new int[] {4, 6, 3});
      a.write(new long[] {2, 3, 1}, region);
      ZarrArray reopened = ZarrArray.open(store, "g/a");
      NdArray all = reopened.readAll();
      for (int i = 0; i < 7; i++) {
        for (int j = 0; j < 11; j++) {
          for (int k = 0; k < 5; k++) {
            boolean inside = i >= 2 && i < 6 && j >= 3 && j < 9 && k >= 1 && k < 4;
            int expected = inside ? at(region, new int[] {i - 2, j - 3, k - 1}) : -1;
            assertEquals(expected, at(all, new int[] {i, j, k}), m + " at " + i + "," + j + "," + k);
          }
        }
      }
      NdArray part = reopened.read(new long[] {3, 4, 2}, new int[] {2, 2, 2});
      assertEquals(at(region, new int[] {1, 1, 1}), at(part, new int[] {0, 0, 0}));
    }
  }

  @Test
  void chunkKeysFollowTheEncoding() {
    long[] shape = {4, 4};
    int[] chunks = {2, 2};
    List<ArrayMetadata> ms = layouts(shape, chunks);
    String[] expected = {"a/c/1/0", "a/c.1.0", "a/1/0", "a/1.0", "a/1/0"};
    for (int i = 0; i < ms.size(); i++) {
      ZarrArray a = ZarrArray.create(new MemoryStore(), "a", ms.get(i), false);
      assertEquals(expected[i], a.chunkKey(new long[] {1, 0}), ms.get(i).toString());
    }
  }

  @Test
  void missingChunksReadAsFillAndFillChunksAreNotStored() {
    Store store = new MemoryStore();
    ZarrArray a = ZarrArray.create(store, "a", ArrayMetadataBuilder.v3(new long[] {10}, new int[] {4}, DataType.FLOAT64)
        .fillValue(new FillValue(DataType.FLOAT64, new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xf8, 0x7f})).build(), false);
    NdArray x = NdArray.allocate(DataType.FLOAT64, new int[] {2});
    x.buffer().putDouble(0, 1.5).putDouble(8, 2.5);
    a.write(new long[] {5}, x);
    assertEquals(List.of("a/c/1", "a/zarr.json"), store.list("a"));
    NdArray all = a.readAll();
    assertTrue(Double.isNaN(all.buffer().getDouble(0)));
    assertEquals(1.5, all.buffer().getDouble(40));
    // Writing the fill over the only data removes the chunk instead of storing a fill chunk.
    a.write(new long[] {4}, NdArray.filled(DataType.FLOAT64, new int[] {4}, a.metadata().fillValue()));
    assertEquals(List.of("a/zarr.json"), store.list("a"));
  }

  @Test
  void edgeChunksAreStoredWhole() {
    Store store = new MemoryStore();
    ZarrArray a = ZarrArray.create(store, "a", ArrayMetadataBuilder.v3(new long[] {5}, new int[] {4}, DataType.INT32).build(), false);
    a.write(new long[] {0}, iota(new int[] {5}));
    assertEquals(16, store.get("a/c/1").get().remaining());
    NdArray edge = a.readChunk(new long[] {1});
    assertEquals(5, edge.buffer().getInt(0));
    assertEquals(0, edge.buffer().getInt(4));
  }

  @Test
  void zeroDimensionalAndZeroSizeArrays() {
    Store store = new MemoryStore();
    ZarrArray scalar = ZarrArray.create(store, "s", ArrayMetadataBuilder.v2(new long[0], new int[0], DataType.INT64).build(), false);
    NdArray v = NdArray.allocate(DataType.INT64, new int[0]);
    v.buffer().putLong(0, 42);
    scalar.write(new long[0], v);
    assertTrue(store.exists("s/0"));
    assertEquals(42, ZarrArray.open(store, "s").readAll().buffer().getLong(0));
    ZarrArray s3 = ZarrArray.create(store, "t", ArrayMetadataBuilder.v3(new long[0], new int[0], DataType.INT64).build(), false);
    s3.write(new long[0], v);
    assertTrue(store.exists("t/c"));

    ZarrArray empty = ZarrArray.create(store, "e", ArrayMetadataBuilder.v3(new long[] {3, 0}, new int[] {2, 2}, DataType.INT8).build(), false);
    assertEquals(0, empty.readAll().size());
    assertEquals(0, empty.grid().chunkCount());
  }

  @Test
  void fourDimensionalRoundTrip() {
    Random r = new Random(4);
    NdArray data = NdArray.allocate(DataType.FLOAT32, new int[] {3, 4, 5, 6});
    r.nextBytes(data.data());
    for (ArrayMetadata m : List.of(
        ArrayMetadataBuilder.v3(new long[] {3, 4, 5, 6}, new int[] {2, 3, 2, 4}, DataType.FLOAT32).build(),
        ArrayMetadataBuilder.v2(new long[] {3, 4, 5, 6}, new int[] {2, 3, 2, 4}, DataType.FLOAT32).order('F').build())) {
      ZarrArray a = ZarrArray.create(new MemoryStore(), "x", m, false);
      a.write(new long[4], data);
      assertArrayEquals(data.data(), a.readAll().data(), m.toString());
    }
  }

  @Test
  void resizeDropsChunksOutsideAndGrows() {
    Store store = new MemoryStore();
    ZarrArray a = ZarrArray.create(store, "a", ArrayMetadataBuilder.v3(new long[] {8}, new int[] {2}, DataType.INT32).build(), false);
    a.write(new long[] {0}, iota(new int[] {8}));
    ZarrArray small = a.resize(new long[] {3});
    assertFalse(store.exists("a/c/2"));
    assertFalse(store.exists("a/c/3"));
    assertTrue(store.exists("a/c/1"));
    assertArrayEquals(new long[] {3}, ZarrArray.open(store, "a").shape());
    ZarrArray big = small.resize(new long[] {12});
    NdArray all = big.readAll();
    assertEquals(3, all.buffer().getInt(8));
    assertEquals(0, all.buffer().getInt(40));
  }

  @Test
  void createRefusesToClobberUnlessAsked() {
    Store store = new MemoryStore();
    ArrayMetadata m = ArrayMetadataBuilder.v3(new long[] {4}, new int[] {2}, DataType.INT8).build();
    ZarrArray.create(store, "a", m, false).write(new long[] {0}, NdArray.filled(DataType.INT8, new int[] {4},
        new FillValue(DataType.INT8, new byte[] {3})));
    ZarrException e = assertThrows(ZarrException.class, () -> ZarrArray.create(store, "a", m, false));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    ZarrArray.create(store, "a", m, true);
    assertEquals(List.of("a/zarr.json"), store.list("a"));
  }

  @Test
  void outOfRangeRegionsAndChunksFailClearly() {
    ZarrArray a = ZarrArray.create(new MemoryStore(), "a", ArrayMetadataBuilder.v3(new long[] {4, 4}, new int[] {2, 2}, DataType.INT8).build(), false);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.read(new long[] {3, 0}, new int[] {2, 1}));
    assertTrue(e.getMessage().contains("array 'a'"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> a.read(new long[] {-1, 0}, new int[] {1, 1}));
    assertThrows(IndexOutOfBoundsException.class, () -> a.readChunk(new long[] {2, 0}));
    assertThrows(IndexOutOfBoundsException.class, () -> a.readChunk(new long[] {0}));
  }
}
