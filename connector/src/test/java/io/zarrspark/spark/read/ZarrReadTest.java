package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.store.Store;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZarrReadTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = io.zarrspark.spark.SparkTestSession.get();
  }

  Store store(String name) {
    return new FileSystemStore(dir.resolve(name).toUri(), new Configuration());
  }

  @Test
  void readsAnArrayWithEdgeAndMissingChunksAsRows() {
    Store s = store("temp.zarr");
    ZarrArray a = ZarrArray.create(s, "", ArrayMetadataBuilder.v3(new long[] {5, 7}, new int[] {2, 3}, DataType.INT32)
        .fillValue(new FillValue(DataType.INT32, new byte[] {(byte) 0x9c, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
        .dimensionNames(java.util.Arrays.asList("y", null))
        .codecs(List.of(new BytesCodec(ByteOrder.BIG_ENDIAN), new ZstdCodec(1, false))).build(), false);
    NdArray part = NdArray.allocate(DataType.INT32, new int[] {3, 4});
    for (int i = 0; i < 12; i++) {
      part.buffer().putInt(i * 4, i * 10);
    }
    a.write(new long[] {2, 3}, part);

    Dataset<Row> df = spark.read().format("zarr").load(dir.resolve("temp.zarr").toString());
    assertEquals(List.of("y", "dim_1", "temp"), List.of(df.columns()));
    List<Row> rows = df.collectAsList();
    assertEquals(35, rows.size());
    for (Row r : rows) {
      long y = r.getLong(0);
      long x = r.getLong(1);
      boolean inside = y >= 2 && x >= 3;
      int expected = inside ? (int) (((y - 2) * 4 + (x - 3)) * 10) : -100;
      assertEquals(expected, r.getInt(2), "at " + y + "," + x);
    }
    assertEquals(35, df.count());
    assertEquals(3L, df.filter("y = 4").filter("dim_1 >= 4").count());
  }

  @Test
  void readsGroupsWithEveryPrimitiveKindAndPrunesColumns() {
    Store s = store("g.zarr");
    ZarrGroup g = ZarrGroup.create(s, "", ZarrFormat.V2, null, false);
    long[] shape = {4};
    int[] chunks = {3};
    ZarrArray u64 = g.createArray("u64", ArrayMetadataBuilder.v2(shape, chunks, DataType.UINT64).build(), false);
    NdArray v = NdArray.allocate(DataType.UINT64, new int[] {4});
    v.buffer().putLong(0, -2L).putLong(8, 5L).putLong(16, Long.MIN_VALUE).putLong(24, 0);
    u64.write(new long[1], v);
    ZarrArray f16 = g.createArray("half", ArrayMetadataBuilder.v2(shape, chunks, DataType.FLOAT16).build(), false);
    NdArray h = NdArray.allocate(DataType.FLOAT16, new int[] {4});
    h.buffer().putShort(0, (short) 0x3c00).putShort(2, (short) 0xc000).putShort(4, (short) 0x7e00);
    f16.write(new long[1], h);
    ZarrArray str = g.createArray("name", ArrayMetadataBuilder.v2(shape, chunks, DataType.unicode(2)).build(), false);
    NdArray u = NdArray.allocate(DataType.unicode(2), new int[] {4});
    u.buffer().putInt(0, 'é').putInt(4, 0x6f22).putInt(8, 'a');
    str.write(new long[1], u);
    ZarrArray c = g.createArray("z", ArrayMetadataBuilder.v2(shape, chunks, DataType.COMPLEX64).byteOrder(ByteOrder.BIG_ENDIAN).build(), false);
    NdArray cz = NdArray.allocate(DataType.COMPLEX64, new int[] {4});
    cz.buffer().putFloat(8, 1.5f).putFloat(12, -2.5f);
    c.write(new long[1], cz);
    g.consolidate();

    Dataset<Row> df = spark.read().format("zarr").load(dir.resolve("g.zarr").toString()).orderBy("dim_0");
    List<Row> rows = df.collectAsList();
    assertEquals(4, rows.size());
    assertEquals(new BigDecimal("18446744073709551614"), rows.get(0).getDecimal(rows.get(0).fieldIndex("u64")));
    assertEquals(new BigDecimal("9223372036854775808"), rows.get(2).getDecimal(rows.get(2).fieldIndex("u64")));
    assertEquals(-2.0f, rows.get(1).getFloat(rows.get(1).fieldIndex("half")));
    assertTrue(Float.isNaN(rows.get(2).getFloat(rows.get(2).fieldIndex("half"))));
    assertEquals("é漢", rows.get(0).getString(rows.get(0).fieldIndex("name")));
    assertEquals("a", rows.get(1).getString(rows.get(1).fieldIndex("name")));
    Row z = rows.get(1).getStruct(rows.get(1).fieldIndex("z"));
    assertEquals(1.5f, z.getFloat(0));
    assertEquals(-2.5f, z.getFloat(1));

    List<Row> pruned = spark.read().format("zarr").option("arrays", "u64").load(dir.resolve("g.zarr").toString())
        .select("u64").collectAsList();
    assertEquals(4, pruned.size());
  }

  @Test
  void chunkLayoutGivesOneRowPerChunk() {
    Store s = store("tiles.zarr");
    ZarrArray a = ZarrArray.create(s, "", ArrayMetadataBuilder.v2(new long[] {5, 7}, new int[] {2, 3}, DataType.FLOAT32)
        .build(), false);
    NdArray data = NdArray.allocate(DataType.FLOAT32, new int[] {5, 7});
    for (int i = 0; i < 35; i++) {
      data.buffer().putFloat(i * 4, i);
    }
    a.write(new long[2], data);
    Dataset<Row> df = spark.read().format("zarr").option("layout", "chunks").load(dir.resolve("tiles.zarr").toString());
    assertEquals(List.of("chunk", "origin", "shape", "tiles"), List.of(df.columns()));
    assertEquals(9, df.count());
    Row edge = df.where("origin[0] = 4 AND origin[1] = 6").first();
    assertEquals(List.of(2L, 2L), edge.getList(0));
    assertEquals(List.of(1, 1), edge.getList(2));
    assertEquals(List.of(34f), edge.getList(3));
    Row inner = df.where("chunk[0] = 1 AND chunk[1] = 1").first();
    assertEquals(List.of(17f, 18f, 19f, 24f, 25f, 26f), inner.getList(3));
  }
}
