package io.zarrspark.examples.bench;

import io.zarrspark.examples.bench.BenchData.Expected;
import io.zarrspark.examples.bench.Datasets.Variant;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the zarr connector against Spark's own Parquet source on the same generated cube, in
 * one JVM and one Spark session, and prints zarr/parquet ratios (below 1: zarr is faster). Every
 * result is checked against sums computed from the generated rows, so a source that reads the
 * wrong rows fails the run instead of looking fast. Run it with {@code scripts/bench.sh}.
 */
public final class ReadWriteBenchmark {
  private final SparkSession spark;
  private final BenchConfig c;
  private final Report report;
  private Expected exp;

  private ReadWriteBenchmark(SparkSession spark, BenchConfig c, Report report) {
    this.spark = spark;
    this.c = c;
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    BenchConfig c;
    try {
      c = BenchConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("zarr-spark benchmark: " + c);
    Report report = new Report();
    report.env("load average at start", MachineLoad.loadAverage());
    MachineLoad start = MachineLoad.now();
    long t0 = System.nanoTime();
    SparkSession spark = SparkSession.builder().master(c.master).appName("zarr-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", c.shufflePartitions)
        .getOrCreate();
    try {
      new ReadWriteBenchmark(spark, c, report).run();
      report.env("spark", spark.version());
    } finally {
      spark.stop();
      if (!c.keep) {
        Datasets.delete(c.data);
      }
    }
    report.env("load average at end", MachineLoad.loadAverage());
    report.env("other processes, whole run (cores)", String.format(Locale.ROOT, "%.2f",
        MachineLoad.now().othersCoresSince(start)));
    report.env("total wall time (s)", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    report.env("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    report.env("cores / max heap", Runtime.getRuntime().availableProcessors() + " / "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    report.env("config", c);
    System.out.println();
    System.out.println(report.text());
    report.writeFiles(c.out);
    System.out.println("wrote " + c.out.resolve("report.md") + " and " + c.out.resolve("report.json"));
  }

  private void run() throws Exception {
    Dataset<Row> cube = BenchData.cube(spark, c);
    exp = BenchData.expected(cube, c);
    BenchData.check("generated row count", c.elements(), exp.rows);
    System.out.printf(Locale.ROOT, "expected: %d rows, sum(temp)=%s, sum(pressure)=%s; selective box %s: %d rows%n",
        exp.rows, exp.sumTemp, exp.sumPressure, BenchData.selectivePredicate(c), exp.selectedRows);

    Variant zZstd = new Variant(true, "zstd", c.data);
    Variant zBlosc = new Variant(true, "blosc-lz4", c.data);
    Variant pSnappy = new Variant(false, "snappy", c.data);
    Variant pZstd = new Variant(false, "zstd", c.data);
    boolean allVariants = c.has("write") || c.has("full");
    List<Variant> variants = allVariants ? List.of(zZstd, zBlosc, pSnappy, pZstd) : List.of(zZstd, pSnappy);
    Map<Variant, Measurement> writes = new LinkedHashMap<>();
    if (c.has("write")) {
      // The rows are computed (cos, sin, hash) inside every write; the noop sink shows how much that is.
      List<Measurement.Spec> specs = new ArrayList<>();
      specs.add(new Measurement.Spec("generate only, noop sink", a -> { }, a -> {
        cube.write().format("noop").mode("overwrite").save();
        return null;
      }, r -> { }));
      for (Variant v : variants) {
        specs.add(new Measurement.Spec(v.label(), a -> Datasets.delete(v.path), a -> {
          v.write(cube, c);
          return null;
        }, r -> { }));
      }
      System.out.println("writes");
      List<Measurement> m = Measurement.interleaved(c.writeWarmup, c.writeRuns, specs);
      for (int i = 0; i < variants.size(); i++) {
        writes.put(variants.get(i), m.get(i + 1));
      }
      report.note(String.format(Locale.ROOT, "write times include generating the rows; alone (noop sink) that takes"
          + " %.3f s (median)", m.get(0).median()));
    }
    for (Variant v : variants) {
      if (!c.has("write") && !(c.reuse && Files.isDirectory(v.path))) {
        System.out.println("write " + v.label() + " -> " + v.path);
        Datasets.delete(v.path);
        v.write(cube, c);
      }
      verify(v);
    }
    int[] chunks = Datasets.chunkShape(zZstd.path, "temp");
    long chunkCount = 1;
    long[] shape = {c.nt, c.ny, c.nx};
    for (int d = 0; d < 3; d++) {
      chunkCount *= (shape[d] + chunks[d] - 1) / chunks[d];
    }
    report.env("zarr chunk shape", Arrays.toString(chunks) + " (" + chunkCount + " chunks per array)");
    List<String> sizes = new ArrayList<>();
    for (Variant v : variants) {
      sizes.add(String.format(Locale.ROOT, "%s %.1f", v.label(), Datasets.sizeOnDisk(v.path) / 1e6));
    }
    report.env("size on disk (MB, without .crc)", String.join(", ", sizes));
    report.env("parquet files (snappy)", Datasets.fileCount(pSnappy.path, ".parquet"));

    long rows = exp.rows;
    if (c.has("write")) {
      long bytes = rows * (4 + 8);
      report.add(new Report.Line("write (defaults)", rows, bytes, writes.get(zZstd), writes.get(pSnappy)));
      report.add(new Report.Line("write (zstd both)", rows, bytes, writes.get(zZstd), writes.get(pZstd)));
      report.add(new Report.Line("write (fast codecs)", rows, bytes, writes.get(zBlosc), writes.get(pSnappy)));
    }
    Map<Variant, String> views = new LinkedHashMap<>();
    for (Variant v : variants) {
      String view = (v.zarr ? "z_" : "p_") + v.codec.replace('-', '_');
      load(v).createOrReplaceTempView(view);
      views.put(v, view);
    }
    String z = views.get(zZstd);
    String p = views.get(pSnappy);
    // Tasks per scan: with 2 cores, fewer than 2 (or very uneven) splits leave a core idle.
    report.env("scan splits for SELECT temp (zarr / parquet)",
        spark.sql("SELECT temp FROM " + z).rdd().getNumPartitions() + " / "
            + spark.sql("SELECT temp FROM " + p).rdd().getNumPartitions());
    if (c.has("full")) {
      String q = "SELECT sum(temp) FROM %s";
      Measurement.Check sum = r -> BenchData.check("sum(temp)", exp.sumTemp, ((Row) r).get(0));
      report.add(pair("full scan sum(temp)", rows, rows * 4, zZstd, pSnappy, q, views, sum));
      report.add(pair("full scan (zstd both)", rows, rows * 4, zZstd, pZstd, q, views, sum));
      report.add(pair("full scan (fast codecs)", rows, rows * 4, zBlosc, pSnappy, q, views, sum));
    }
    if (c.has("selective")) {
      String q = "SELECT count(*), sum(temp) FROM %s WHERE " + BenchData.selectivePredicate(c);
      System.out.println("selective plans:\n" + plan(String.format(q, z)) + "\n" + plan(String.format(q, p)));
      report.add(pair("selective (time+lat box)", exp.selectedRows, exp.selectedRows * 4, zZstd, pSnappy, q, views,
          r -> {
            BenchData.check("selected rows", exp.selectedRows, ((Row) r).get(0));
            BenchData.check("selected sum(temp)", exp.selectedSumTemp, ((Row) r).get(1));
          }));
    }
    if (c.has("count")) {
      report.add(pair("count(*)", rows, 0, zZstd, pSnappy, "SELECT count(*) FROM %s", views,
          r -> BenchData.check("count(*)", rows, ((Row) r).get(0))));
    }
    if (c.has("distinct")) {
      report.add(pair("count(DISTINCT time)", rows, rows * 8, zZstd, pSnappy, "SELECT count(DISTINCT time) FROM %s",
          views, r -> BenchData.check("count(DISTINCT time)", c.nt, ((Row) r).get(0))));
    }
    if (c.has("chunks")) {
      spark.read().format("zarr").options(c.zarrReadOptions).option("layout", "chunks").load(zZstd.path.toString())
          .createOrReplaceTempView("zc");
      final long expectedChunks = chunkCount;
      System.out.println("chunk layout");
      Measurement m = Measurement.interleaved(c.warmup, c.runs, List.of(querySpec("zarr zstd layout=chunks",
          "SELECT count(*), sum(size(temp)) FROM zc", r -> {
            BenchData.check("chunk rows", expectedChunks, ((Row) r).get(0));
            BenchData.check("sum(size(temp))", rows, ((Row) r).get(1));
          }))).get(0);
      report.add(new Report.Line("chunk layout sum(size(temp))", rows, rows * 4, m, null));
    }
    report.note("Times are wall-clock medians of " + c.runs + " runs after " + c.warmup + " warm-up round(s) (writes: "
        + c.writeRuns + " after " + c.writeWarmup + "), zarr and parquet runs interleaved, files in the OS page cache;"
        + " zarr/parquet < 1 means zarr is faster.");
    report.note("MB/s counts uncompressed value bytes the case handles (temp 4 B, pressure 8 B, time 8 B per row);"
        + " Mrows/s counts the rows the query covers.");
    report.note("\"others' cores\": CPU other processes used during the timed runs, from /proc (2 = a full"
        + " neighbour on this 2-core machine: figures are then inflated).");
  }

  /** Both sources' answers are checked against the same expected values. */
  private Report.Line pair(String name, long rows, long bytes, Variant zv, Variant pv, String sql,
      Map<Variant, String> views, Measurement.Check check) throws Exception {
    System.out.println(name);
    List<Measurement.Spec> specs = new ArrayList<>();
    specs.add(querySpec(zv.label(), String.format(sql, views.get(zv)), check));
    if (!c.zarrOnly) {
      specs.add(querySpec(pv.label(), String.format(sql, views.get(pv)), check));
    }
    List<Measurement> m = Measurement.interleaved(c.warmup, c.runs, specs);
    return new Report.Line(name, rows, bytes, m.get(0), c.zarrOnly ? null : m.get(1));
  }

  private Measurement.Spec querySpec(String label, String sql, Measurement.Check check) {
    return new Measurement.Spec(label, a -> { }, a -> spark.sql(sql).collectAsList().get(0), check);
  }

  private String plan(String sql) {
    return spark.sql(sql).queryExecution().executedPlan().toString();
  }

  private Dataset<Row> load(Variant v) {
    return v.zarr ? spark.read().format("zarr").options(c.zarrReadOptions).load(v.path.toString())
        : spark.read().parquet(v.path.toString());
  }

  /** Reading a written variant back gives every row and the generated sums: checked, untimed. */
  private void verify(Variant v) {
    Dataset<Row> back = load(v);
    Row r = back.selectExpr("count(*)", "sum(temp)", "sum(pressure)").collectAsList().get(0);
    BenchData.check(v.label() + " rows", exp.rows, r.get(0));
    BenchData.check(v.label() + " sum(temp)", exp.sumTemp, r.get(1));
    BenchData.check(v.label() + " sum(pressure)", exp.sumPressure, r.get(2));
  }
}
