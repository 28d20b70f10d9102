package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.store.FileSystemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v2 integer arrays are written without a fill value (as xarray writes them), so a chunk no row
 * touched must still be stored: zarr-python would return undefined memory for a missing one.
 */
class NullFillV2Test {
  @TempDir
  Path dir;

  @Test
  void sparseV2IntegerWritesStoreEveryChunk() throws Exception {
    SparkSession spark = SparkTests.start("null-fill");
    String path = dir.resolve("sparse.zarr").toString();
    spark.range(3).selectExpr("id * 10 AS i", "CAST(id + 1 AS INT) AS v").write().format("zarr")
        .option("dimensions", "i").option("chunks", "4").option("shape", "30").option("zarrFormat", "2").save(path);
    ZarrArray v = ZarrArray.open(new FileSystemStore(dir.resolve("sparse.zarr").toUri(), new Configuration()), "v");
    assertTrue(v.metadata().fillValueNull());
    try (Stream<Path> files = Files.list(dir.resolve("sparse.zarr/v"))) {
      long chunks = files.filter(p -> p.getFileName().toString().matches("\\d+")).count();
      assertEquals(8, chunks, "every chunk of the 30-element array in chunks of 4");
    }
    List<Row> rows = spark.read().format("zarr").option("decodeCF", "false").load(path).orderBy("i").collectAsList();
    assertEquals(30, rows.size());
    for (Row r : rows) {
      long i = r.getLong(0);
      assertEquals(i % 10 == 0 ? (int) (i / 10 + 1) : 0, r.getInt(1), "at " + i);
    }
  }
}
