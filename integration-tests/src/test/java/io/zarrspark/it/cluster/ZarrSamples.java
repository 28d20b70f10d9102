package io.zarrspark.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.GzipCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec;
import io.zarrspark.core.codec.builtin.ZlibCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Zarr data written by core into any store, and the checks of what Spark reads back. Expected
 * values come from closed formulas, never from core, so a reader and writer that agree on a
 * wrong answer still fail.
 *
 * <ul>
 *   <li>v3 group "weather", dims (y=6, x=10): {@code temp} int32 = 100y + x in 4x3 chunks with
 *       zstd, fill -999, column x=9 never written (its chunks are absent from the store);
 *       {@code rain} float64 = y/2 + x/8 in 4x6 shards of 2x3 gzip chunks (read by byte ranges).
 *   <li>v2 array "pressure", dims (t=7, z=5): float32 = 10t + z + 0.25, 3x2 chunks, Fortran
 *       order, big-endian, zlib.
 * </ul>
 */
final class ZarrSamples {
  private ZarrSamples() {}

  static final int TEMP_FILL = -999;

  static void writeWeatherV3(Store store) {
    ObjectNode attrs = Json.newObject();
    attrs.put("title", "zarr-spark integration sample");
    ZarrGroup g = ZarrGroup.create(store, "", ZarrFormat.V3, attrs, true);
    ZarrArray temp = g.createArray("temp", ArrayMetadataBuilder.v3(new long[] {6, 10}, new int[] {4, 3}, DataType.INT32)
        .fillValue(new FillValue(DataType.INT32, le(TEMP_FILL)))
        .dimensionNames(List.of("y", "x"))
        .codecs(List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN), new ZstdCodec(3, false))).build(), true);
    NdArray t = NdArray.allocate(DataType.INT32, new int[] {6, 9});
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 9; x++) {
        t.buffer().putInt((y * 9 + x) * 4, 100 * y + x);
      }
    }
    temp.write(new long[] {0, 0}, t);

    ZarrArray rain = g.createArray("rain", ArrayMetadataBuilder.v3(new long[] {6, 10}, new int[] {4, 6}, DataType.FLOAT64)
        .dimensionNames(List.of("y", "x"))
        .codecs(List.of(new ShardingCodec(new int[] {2, 3},
            List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN), new GzipCodec(5))))).build(), true);
    NdArray r = NdArray.allocate(DataType.FLOAT64, new int[] {6, 10});
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 10; x++) {
        r.buffer().putDouble((y * 10 + x) * 8, rain(y, x));
      }
    }
    rain.write(new long[] {0, 0}, r);
  }

  static void writePressureV2(Store store) {
    ZarrArray p = ZarrArray.create(store, "", ArrayMetadataBuilder.v2(new long[] {7, 5}, new int[] {3, 2}, DataType.FLOAT32)
        .order('F').byteOrder(ByteOrder.BIG_ENDIAN).compressor(new ZlibCodec(5))
        .dimensionNames(List.of("t", "z")).build(), true);
    NdArray a = NdArray.allocate(DataType.FLOAT32, new int[] {7, 5});
    for (int t = 0; t < 7; t++) {
      for (int z = 0; z < 5; z++) {
        a.buffer().putFloat((t * 5 + z) * 4, pressure(t, z));
      }
    }
    p.write(new long[] {0, 0}, a);
  }

  static double rain(long y, long x) {
    return y / 2.0 + x / 8.0;
  }

  static float pressure(long t, long z) {
    return 10f * t + z + 0.25f;
  }

  /** The store holds the chunks written and not the ones never written (v3 default keys). */
  static void checkWeatherLayout(Store store) {
    assertTrue(store.get("zarr.json").isPresent(), "group metadata");
    assertTrue(store.get("temp/c/0/0").isPresent(), "a written temp chunk");
    assertFalse(store.get("temp/c/0/3").isPresent(), "temp's column x=9 was never written");
    assertFalse(store.get("temp/c/1/3").isPresent(), "temp's column x=9 was never written");
    assertTrue(store.get("rain/c/1/1").isPresent(), "an edge shard of rain");
  }

  /** Every (y, x) once, with temp and rain as written (temp's unwritten column as the fill). */
  static void checkWeatherRows(List<Row> rows) {
    assertEquals(60, rows.size(), "6 x 10 elements");
    boolean[] seen = new boolean[60];
    for (Row row : rows) {
      long y = row.getLong(row.fieldIndex("y"));
      long x = row.getLong(row.fieldIndex("x"));
      int at = (int) (y * 10 + x);
      assertFalse(seen[at], "(" + y + ", " + x + ") read twice");
      seen[at] = true;
      int temp = row.getInt(row.fieldIndex("temp"));
      assertEquals(x < 9 ? (int) (100 * y + x) : TEMP_FILL, temp, "temp at (" + y + ", " + x + ")");
      assertEquals(rain(y, x), row.getDouble(row.fieldIndex("rain")), 0.0, "rain at (" + y + ", " + x + ")");
    }
  }

  static void checkWeatherColumns(String[] columns) {
    assertEquals(Set.of("y", "x", "temp", "rain"), Set.of(columns));
    assertEquals(List.of("y", "x"), List.of(columns).subList(0, 2), "dimension columns first, in order");
  }

  /** Every (t, z) once, with the value written. */
  static void checkPressureRows(List<Row> rows) {
    assertEquals(35, rows.size(), "7 x 5 elements");
    boolean[] seen = new boolean[35];
    for (Row row : rows) {
      long t = row.getLong(row.fieldIndex("t"));
      long z = row.getLong(row.fieldIndex("z"));
      int at = (int) (t * 5 + z);
      assertFalse(seen[at], "(" + t + ", " + z + ") read twice");
      seen[at] = true;
      assertEquals(pressure(t, z), row.getFloat(row.fieldIndex("pressure")), 0f, "pressure at (" + t + ", " + z + ")");
    }
  }

  /**
   * What the write tests give {@code df.write().format("zarr")}: a 40 x 25 grid (y, x) in 4
   * partitions, {@code a} int32 = 3(25y + x) - 7 and {@code b} float64 = (25y + x) / 4.
   */
  static Dataset<Row> grid(SparkSession spark) {
    return spark.range(0, 1000, 1, 4).selectExpr("id div 25 as y", "id % 25 as x", "cast(id * 3 - 7 as int) as a",
        "id / 4.0d as b");
  }

  /** What core finds after the write: arrays a and b of shape 40 x 25 in 16 x 10 chunks (or shards). */
  static void checkGridWithCore(Store store, ZarrFormat format, int[] chunkShape) {
    for (String name : List.of("a", "b")) {
      ZarrArray arr = ZarrArray.open(store, name);
      assertEquals(format, arr.format(), name);
      assertEquals(List.of(40L, 25L), Arrays.stream(arr.shape()).boxed().toList(), name);
      assertEquals(List.of(chunkShape[0], chunkShape[1]),
          Arrays.stream(arr.grid().chunkShape()).boxed().toList(), name);
      // The last chunk of the grid is an edge chunk in both dimensions, and was written.
      long[] last = {arr.grid().gridShape()[0] - 1, arr.grid().gridShape()[1] - 1};
      assertTrue(store.get(arr.chunkKey(last)).isPresent(), name + " edge chunk " + arr.chunkKey(last));
    }
    ByteBuffer a = ZarrArray.open(store, "a").readAll().buffer().order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer b = ZarrArray.open(store, "b").readAll().buffer().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 1000; i++) {
      assertEquals(i * 3 - 7, a.getInt(i * 4), "a[" + i + "]");
      assertEquals(i / 4.0, b.getDouble(i * 8), 0.0, "b[" + i + "]");
    }
  }

  /** Every (y, x) of the grid once, read back with the values written. */
  static void checkGridRows(List<Row> rows) {
    assertEquals(1000, rows.size());
    boolean[] seen = new boolean[1000];
    for (Row row : rows) {
      int i = (int) (row.getLong(row.fieldIndex("y")) * 25 + row.getLong(row.fieldIndex("x")));
      assertFalse(seen[i], "element " + i + " read twice");
      seen[i] = true;
      assertEquals(i * 3 - 7, row.getInt(row.fieldIndex("a")), "a at " + i);
      assertEquals(i / 4.0, row.getDouble(row.fieldIndex("b")), 0.0, "b at " + i);
    }
  }

  private static byte[] le(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }
}
