package io.zarrspark.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.it.fixtures.SparkSessions;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Core writes Zarr to a remote Hadoop file system through {@link FileSystemStore}, Spark (local
 * mode, this JVM) reads it back through {@code format("zarr")} from the same URI. Subclasses
 * start the file system, open {@link #spark} with its settings, and say where data goes.
 */
abstract class RemoteStoreTests {
  static SparkSession spark;

  /** The URI of {@code path} on the file system under test. */
  abstract String uri(String path);

  /** Hadoop settings that reach the file system under test. */
  abstract Configuration conf();

  /**
   * The files below {@code path} as the file system itself reports them (S3's own API for S3,
   * the MiniDFSCluster's client for HDFS): proof that the data went there and nowhere else.
   */
  abstract List<String> storedFiles(String path) throws Exception;

  /** Options for the write test beyond dimensions and chunks (S3 writes shards). */
  Map<String, String> extraWriteOptions() {
    return Map.of();
  }

  /** The stored chunk shape the write test expects (the shard shape when sharded). */
  int[] storedChunkShape() {
    return new int[] {16, 10};
  }

  @AfterAll
  static void stopSpark() {
    SparkSessions.stop(spark);
    spark = null;
  }

  @Test
  void coreWritesAV3GroupAndSparkReadsIt() throws Exception {
    String uri = uri("samples/weather.zarr");
    FileSystemStore store = new FileSystemStore(uri, conf());
    ZarrSamples.writeWeatherV3(store);
    ZarrSamples.checkWeatherLayout(store);
    List<String> files = storedFiles("samples/weather.zarr");
    assertTrue(files.contains("samples/weather.zarr/zarr.json"), files.toString());
    assertTrue(files.contains("samples/weather.zarr/temp/c/0/0"), files.toString());
    assertTrue(files.contains("samples/weather.zarr/rain/c/1/1"), files.toString());

    Dataset<Row> df = spark.read().format("zarr").option("maxPartitionBytes", "64").load(uri);
    ZarrSamples.checkWeatherColumns(df.columns());
    ZarrSamples.checkWeatherRows(df.collectAsList());
    // Pruned to chunks of row y=5, including an absent chunk (fill) and a partial shard read.
    List<Row> edge = df.filter("y = 5 AND x >= 8").orderBy("x").select("x", "temp", "rain").collectAsList();
    assertEquals(2, edge.size());
    assertEquals(508, edge.get(0).getInt(1));
    assertEquals(ZarrSamples.TEMP_FILL, edge.get(1).getInt(1));
    assertEquals(ZarrSamples.rain(5, 9), edge.get(1).getDouble(2), 0.0);
  }

  @Test
  void sparkWritesZarrThatCoreAndSparkReadBack() throws Exception {
    String uri = uri("written/grid.zarr");
    ZarrSamples.grid(spark).write().format("zarr").option("dimensions", "y,x").option("chunks", "16,10")
        .options(extraWriteOptions()).save(uri);
    List<String> files = storedFiles("written/grid.zarr");
    assertTrue(files.contains("written/grid.zarr/zarr.json") && files.contains("written/grid.zarr/a/zarr.json"),
        files.toString());
    ZarrSamples.checkGridWithCore(new FileSystemStore(uri, conf()), ZarrFormat.V3, storedChunkShape());
    Dataset<Row> back = spark.read().format("zarr").load(uri);
    ZarrSamples.checkGridRows(back.select("y", "x", "a", "b").collectAsList());
  }

  @Test
  void coreWritesAV2ArrayAndSparkReadsIt() throws Exception {
    String uri = uri("samples/pressure.zarr");
    ZarrSamples.writePressureV2(new FileSystemStore(uri, conf()));
    List<String> files = storedFiles("samples/pressure.zarr");
    assertTrue(files.contains("samples/pressure.zarr/.zarray"), files.toString());
    assertEquals(1 + 3 * 3, files.stream().filter(f -> !f.endsWith(".zattrs")).count(),
        ".zarray and 3 x 3 chunks: " + files);

    Dataset<Row> df = spark.read().format("zarr").load(uri);
    assertEquals(List.of("t", "z", "pressure"), List.of(df.columns()));
    ZarrSamples.checkPressureRows(df.collectAsList());
    assertEquals(35L, df.count());
  }
}
