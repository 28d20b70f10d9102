package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every chunk is written by one task, however the input is spread, with AQE on or off. */
class WriteDistributionTest {
  static SparkSession spark;
  @TempDir
  Path dir;
  final List<List<ChunkCommitMessage>> commits = new ArrayList<>();
  final Consumer<List<ChunkCommitMessage>> observer = commits::add;

  @BeforeAll
  static void start() {
    spark = SparkTests.start("zarr-write-distribution");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void observe() {
    ZarrBatchWrite.COMMIT_OBSERVERS.add(observer);
  }

  @AfterEach
  void unobserve() {
    ZarrBatchWrite.COMMIT_OBSERVERS.remove(observer);
    spark.conf().unset("spark.sql.adaptive.enabled");
    spark.conf().unset("spark.sql.adaptive.advisoryPartitionSizeInBytes");
    spark.conf().unset("spark.sql.adaptive.coalescePartitions.parallelismFirst");
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  /**
   * 120 x 90 elements in 6 x 9 chunks of 20 x 10, the rows permuted and dealt round-robin to 16
   * partitions: every chunk's 200 rows come from all 16 input partitions.
   */
  @ParameterizedTest
  @ValueSource(strings = {"aqe-on", "aqe-off"})
  void eachChunkIsWrittenOnceFromManyInputPartitions(String aqe) {
    spark.conf().set("spark.sql.adaptive.enabled", String.valueOf(aqe.equals("aqe-on")));
    // Small advisory partitions, honoured (not parallelism first), so AQE would split if it could.
    spark.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", "1k");
    spark.conf().set("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
    spark.conf().set("spark.sql.shuffle.partitions", "8");
    long n = 120 * 90;
    Dataset<Row> df = spark.range(0, n, 1, 1).selectExpr("(id * 7919) % " + n + " as k")
        .selectExpr("k div 90 as y", "k % 90 as x", "cast(k as int) as v").repartition(16);
    String p = dir.resolve("d-" + aqe).toString();
    df.write().format("zarr").option("dimensions", "y,x").option("chunks", "20,10").save(p);

    assertEquals(1, commits.size());
    Map<Long, Integer> writers = new HashMap<>();
    long rows = 0;
    int tasksWithBlocks = 0;
    for (ChunkCommitMessage m : commits.get(0)) {
      rows += m.rows();
      tasksWithBlocks += m.blockIds().length > 0 ? 1 : 0;
      for (long id : m.blockIds()) {
        Integer before = writers.put(id, m.partitionId());
        assertEquals(null, before, "block " + id + " written by partitions " + before + " and " + m.partitionId());
      }
    }
    assertEquals(54, writers.size(), "every one of the 6 x 9 chunks, once");
    assertEquals(n, rows);
    if (aqe.equals("aqe-off")) {
      // With AQE on, the small shuffle may be coalesced to one task; without, it keeps its 8.
      assertTrue(tasksWithBlocks >= 2, "the chunks were spread over tasks: " + commits.get(0));
    }
    List<Row> back = spark.read().format("zarr").load(p).filter("v != y * 90 + x").collectAsList();
    assertEquals(List.of(), back);
  }

  @Test
  void thePlanClustersAndSortsByTheGeneratedChunkFunction() {
    String p = dir.resolve("plan").toString();
    spark.range(10).selectExpr("id as i", "id as v").write().format("zarr").option("dimensions", "i").save(p);
    spark.conf().set("spark.sql.catalog.zarr", io.zarrspark.spark.catalog.ZarrCatalog.class.getName());
    String plan = spark.sql("EXPLAIN INSERT INTO zarr.`" + p + "` SELECT id AS i, id AS v FROM range(10, 20)")
        .first().getString(0);
    // Spark 4 prints "static_invoke(C.invoke(...)", Spark 3.5 "staticinvoke(class C, LongType, invoke, ...)".
    String call = "(static_invoke\\(io\\.zarrspark\\.spark\\.catalog\\.ChunkIdFunction\\.invoke\\("
        + "|staticinvoke\\(class io\\.zarrspark\\.spark\\.catalog\\.ChunkIdFunction, LongType, invoke,)";
    assertTrue(java.util.regex.Pattern.compile("Exchange hashpartitioning\\(" + call).matcher(plan).find(), plan);
    assertTrue(java.util.regex.Pattern.compile("Sort \\[" + call).matcher(plan).find(), plan);
  }
}
