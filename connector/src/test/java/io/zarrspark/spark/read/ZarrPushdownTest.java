package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.SparkTestSession;
import io.zarrspark.spark.read.metrics.ReadMetrics;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushdown on a 3-D (t, y, x) array of 4 x 2 x 2 chunks, every chunk stored. */
class ZarrPushdownTest {
  @TempDir
  static Path dir;
  static String path;
  static SparkSession spark;

  static int value(long t, long y, long x) {
    return (int) (t * 100 + y * 10 + x);
  }

  @BeforeAll
  static void write() {
    spark = SparkTestSession.get();
    path = dir.resolve("cube.zarr").toString();
    ZarrArray a = ZarrArray.create(new FileSystemStore(dir.resolve("cube.zarr").toUri(), new Configuration()), "",
        ArrayMetadataBuilder.v3(new long[] {20, 6, 8}, new int[] {5, 3, 4}, DataType.INT32)
            .dimensionNames(List.of("t", "y", "x")).build(), false);
    NdArray data = NdArray.allocate(DataType.INT32, new int[] {20, 6, 8});
    for (int t = 0; t < 20; t++) {
      for (int y = 0; y < 6; y++) {
        for (int x = 0; x < 8; x++) {
          data.buffer().putInt(((t * 6 + y) * 8 + x) * 4, value(t, y, x) + 1);
        }
      }
    }
    a.write(new long[3], data);
  }

  Dataset<Row> cube() {
    return spark.read().format("zarr").load(path);
  }

  static void assertValues(List<Row> rows) {
    for (Row r : rows) {
      assertEquals(value(r.getLong(0), r.getLong(1), r.getLong(2)) + 1, r.getInt(3), r.toString());
    }
  }

  @Test
  void rangeOnOneDimensionReadsOnlyIntersectingChunks() {
    Dataset<Row> df = cube().where("t BETWEEN 7 AND 11");
    List<Row> rows = df.collectAsList();
    assertEquals(5 * 6 * 8, rows.size());
    assertValues(rows);
    // t in [7, 11] touches t-chunks 1 and 2: 2 x 2 x 2 = 8 of 16 chunks.
    assertEquals(8, ScanMetrics.metric(df, ReadMetrics.CHUNKS_READ));
    assertEquals(8, ScanMetrics.metric(df, ReadMetrics.CHUNKS_PRUNED));
    assertTrue(ScanMetrics.scan(df).supportsColumnar(), "the scan must be columnar");
    assertTrue(df.queryExecution().executedPlan().toString().contains("ColumnarToRow"));
  }

  @Test
  void selectionsInsideChunksAreExact() {
    Dataset<Row> df = cube().where("y = 1 AND x IN (2, 5) AND NOT (t < 18) OR (t = 0 AND y = 0 AND x = 0)");
    List<Row> rows = df.orderBy("t", "y", "x").collectAsList();
    assertEquals(1 + 2 * 2, rows.size());
    assertValues(rows);
    Dataset<Row> df2 = cube().where("(t = 3 OR t = 16) AND y >= 5 AND x < 1");
    assertEquals(2, df2.count());
    List<Row> r2 = df2.collectAsList();
    assertValues(r2);
    assertEquals(2, ScanMetrics.metric(df2, ReadMetrics.CHUNKS_READ));
  }

  @Test
  void countIsAnsweredFromMetadata() {
    Dataset<Row> all = cube().selectExpr("count(*)");
    assertEquals(960L, all.collectAsList().get(0).getLong(0));
    assertNull(ScanMetrics.scan(all), "count(*) must not scan: " + all.queryExecution().executedPlan());
    Dataset<Row> some = cube().where("t < 3 AND x >= 6").selectExpr("count(*)");
    assertEquals(3L * 6 * 2, some.collectAsList().get(0).getLong(0));
    assertNull(ScanMetrics.scan(some));
  }

  @Test
  void dimensionOnlyQueriesReadNoChunk() {
    Dataset<Row> df = cube().select("t", "x").where("y = 2");
    assertEquals(20 * 8, df.collectAsList().size());
    assertEquals(0, ScanMetrics.metric(df, ReadMetrics.CHUNKS_READ));
  }

  @Test
  void limitStopsEarly() {
    Dataset<Row> df = cube().limit(7);
    List<Row> rows = df.collectAsList();
    assertEquals(7, rows.size());
    assertValues(rows);
  }

  @Test
  void filtersOnValuesAreLeftToSpark() {
    Dataset<Row> df = cube().where("cube > 1900 AND t >= 19");
    List<Row> rows = df.collectAsList();
    assertValues(rows);
    // Every element of t = 19 holds 1901 or more.
    assertEquals(48, rows.size());
  }
}
