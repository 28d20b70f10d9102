package io.zarrspark.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.it.fixtures.ItDirs;
import io.zarrspark.it.fixtures.SparkStandaloneCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zarr written by core on the local disk, read through {@code format("zarr")} by a driver in this
 * JVM and an executor in the Worker's JVM of a real standalone cluster. Each read runs in several
 * tasks, and every row carries the pid of the JVM that produced it: all must be the executor
 * the Worker started, none the driver.
 */
class StandaloneClusterTest {
  @RegisterExtension
  static final SparkStandaloneCluster cluster = new SparkStandaloneCluster();

  static SparkSession spark;
  static Path data;

  /** The pid of the JVM a task runs in. A class of this module, so the executor needs its jar. */
  static final class JvmPid implements UDF0<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long call() {
      return ProcessHandle.current().pid();
    }
  }

  @BeforeAll
  static void writeWithCore() {
    spark = cluster.spark();
    // Nondeterministic, so that the optimizer can never evaluate it once, on the driver.
    spark.udf().register("jvm_pid", functions.udf(new JvmPid(), DataTypes.LongType).asNondeterministic());
    data = ItDirs.newWorkDir("cluster-data-");
    ZarrSamples.writeWeatherV3(new FileSystemStore(data.resolve("weather.zarr").toUri(), new Configuration()));
    ZarrSamples.writePressureV2(new FileSystemStore(data.resolve("pressure.zarr").toUri(), new Configuration()));
  }

  @AfterAll
  static void deleteData() {
    ItDirs.deleteTree(data);
  }

  /** The rows, each checked to come from the worker's executor; asserts the read had several tasks. */
  static List<Row> readOnExecutor(Dataset<Row> df, int minPartitions) {
    assertTrue(df.rdd().getNumPartitions() >= minPartitions,
        "the read is split into tasks: " + df.rdd().getNumPartitions() + " partitions");
    Dataset<Row> withPid = df.withColumn("jvm_pid", functions.callUDF("jvm_pid"));
    List<Row> rows = withPid.collectAsList();
    Set<Long> pids = rows.stream().map(r -> r.getLong(r.fieldIndex("jvm_pid"))).collect(Collectors.toSet());
    long driver = ProcessHandle.current().pid();
    Set<Long> executors = cluster.executorPids();
    assertEquals(1, pids.size(), "one executor (1 worker, 1 core) read every row: " + pids);
    long pid = pids.iterator().next();
    assertNotEquals(driver, pid, "rows were read in the driver JVM");
    assertTrue(executors.contains(pid), "rows were read in JVM " + pid + ", not an executor the worker started "
        + executors);
    return rows;
  }

  @Test
  void executorIsASeparateJvmStartedByTheWorker() throws Exception {
    SparkExecutorInfo[] infos = spark.sparkContext().statusTracker().getExecutorInfos();
    // The driver lists itself as an executor too; the worker's one is the other.
    assertEquals(2, infos.length, "driver + 1 executor");
    assertEquals(cluster.masterUrl(), spark.sparkContext().master());
    assertEquals(1, cluster.executorPids().size(), "one executor JVM below the worker");
    String state = cluster.masterJson();
    assertTrue(state.matches("(?s).*\"aliveworkers\"\\s*:\\s*1\\b.*"), state);
  }

  @Test
  void readsAV3GroupWrittenByCore() {
    String path = data.resolve("weather.zarr").toUri().toString();
    // A split size below one chunk's decoded size: several tasks, all on the executor.
    Dataset<Row> df = spark.read().format("zarr").option("maxPartitionBytes", "64").load(path);
    ZarrSamples.checkWeatherColumns(df.columns());
    List<Row> rows = readOnExecutor(df.select("y", "x", "temp", "rain"), 2);
    ZarrSamples.checkWeatherRows(rows);

    // Aggregation on the executor: sums over the written formulas, fill included.
    Row agg = df.agg(functions.sum("temp"), functions.sum("rain"), functions.count("*")).first();
    long tempSum = 0;
    double rainSum = 0;
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 10; x++) {
        tempSum += x < 9 ? 100 * y + x : ZarrSamples.TEMP_FILL;
        rainSum += ZarrSamples.rain(y, x);
      }
    }
    assertEquals(tempSum, agg.getLong(0));
    assertEquals(rainSum, agg.getDouble(1), 1e-9);
    assertEquals(60L, agg.getLong(2));
  }

  /** The executor writes v2 chunks (zlib) to the shared directory; core and the executor read them. */
  @Test
  void writesZarrOnTheExecutorAndReadsItBack() {
    Path out = data.resolve("written-v2.zarr");
    ZarrSamples.grid(spark).write().format("zarr").option("dimensions", "y,x").option("chunks", "16,10")
        .option("zarrFormat", "2").option("compression", "zlib").save(out.toUri().toString());
    FileSystemStore store = new FileSystemStore(out.toUri(), new Configuration());
    ZarrSamples.checkGridWithCore(store, ZarrFormat.V2, new int[] {16, 10});
    assertTrue(store.get("a/.zarray").isPresent() && store.get("a/2.2").isPresent(), "v2 keys: " + store.list("a"));
    Dataset<Row> back = spark.read().format("zarr").option("maxPartitionBytes", "2048").load(out.toUri().toString())
        .select("y", "x", "a", "b");
    ZarrSamples.checkGridRows(readOnExecutor(back, 2));
  }

  @Test
  void readsAV2ArrayWrittenByCore() {
    String path = data.resolve("pressure.zarr").toUri().toString();
    Dataset<Row> df = spark.read().format("zarr").option("maxPartitionBytes", "24").load(path);
    assertEquals(List.of("t", "z", "pressure"), List.of(df.columns()));
    ZarrSamples.checkPressureRows(readOnExecutor(df, 2));
    // A filter on a dimension, evaluated on the executor after chunk pruning.
    List<Row> t4 = df.filter("t = 4").orderBy("z").collectAsList();
    assertEquals(5, t4.size());
    for (Row r : t4) {
      assertEquals(ZarrSamples.pressure(4, r.getLong(1)), r.getFloat(2), 0f);
    }
  }
}
