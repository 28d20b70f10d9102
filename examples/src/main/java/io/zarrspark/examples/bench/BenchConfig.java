package io.zarrspark.examples.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's settings, from {@code --key=value} arguments. Maven's exec plugin passes the
 * user's arguments as one string, so every argument is split on whitespace first.
 */
final class BenchConfig {
  static final String USAGE = String.join("\n",
      "ReadWriteBenchmark [--key=value ...]",
      "  --nt=365 --ny=180 --nx=360   cube shape (time x lat x lon)",
      "  --chunks=auto                zarr chunk shape, e.g. 30,90,180 (auto: the writer's default)",
      "  --warmup=2                   untimed rounds before the timed ones (reads)",
      "  --write-warmup=1             untimed rounds before the timed writes",
      "  --runs=5                     timed runs of each read case (median reported)",
      "  --write-runs=3               timed runs of each write case",
      "  --cases=all                  comma list of: write,full,selective,count,distinct,chunks",
      "  --out=target/bench           report directory; data goes to <out>/data unless --data",
      "  --data=DIR                   where the datasets are written (deleted at the end unless --keep)",
      "  --keep                       keep the datasets",
      "  --reuse                      read datasets kept by an earlier --keep run instead of writing them",
      "                               (implies --keep; not with the write case; sums are still checked)",
      "  --zarr-only                  run only the zarr side of the read cases (for profiling the connector)",
      "  --zarr.<option>=<value>      a zarr reader option, e.g. --zarr.maxPartitionBytes=16777216",
      "  --shuffle-partitions=4       spark.sql.shuffle.partitions",
      "  --master=local[2]            Spark master");

  static final Set<String> ALL_CASES = Set.of("write", "full", "selective", "count", "distinct", "chunks");

  final long nt;
  final long ny;
  final long nx;
  final String chunks;
  final int warmup;
  final int writeWarmup;
  final int runs;
  final int writeRuns;
  final Set<String> cases;
  final Path out;
  final Path data;
  final boolean keep;
  final boolean reuse;
  final boolean zarrOnly;
  /** Reader options for format("zarr"), from --zarr.key=value, for trying settings. */
  final Map<String, String> zarrReadOptions = new LinkedHashMap<>();
  final int shufflePartitions;
  final String master;

  private BenchConfig(Map<String, String> o) {
    nt = Long.parseLong(o.getOrDefault("nt", "365"));
    ny = Long.parseLong(o.getOrDefault("ny", "180"));
    nx = Long.parseLong(o.getOrDefault("nx", "360"));
    chunks = o.getOrDefault("chunks", "auto");
    // Two read rounds: the JVM keeps speeding up for a while, and reads are cheap to repeat.
    warmup = Integer.parseInt(o.getOrDefault("warmup", "2"));
    writeWarmup = Integer.parseInt(o.getOrDefault("write-warmup", "1"));
    runs = Integer.parseInt(o.getOrDefault("runs", "5"));
    writeRuns = Integer.parseInt(o.getOrDefault("write-runs", "3"));
    String c = o.getOrDefault("cases", "all");
    cases = new TreeSet<>(c.equals("all") ? ALL_CASES : Set.of(c.split(",")));
    for (String k : cases) {
      if (!ALL_CASES.contains(k)) {
        throw new IllegalArgumentException("unknown case '" + k + "'\n" + USAGE);
      }
    }
    out = Path.of(o.getOrDefault("out", "target/bench")).toAbsolutePath();
    data = o.containsKey("data") ? Path.of(o.get("data")).toAbsolutePath() : out.resolve("data");
    keep = o.containsKey("keep") || o.containsKey("reuse");
    reuse = o.containsKey("reuse");
    zarrOnly = o.containsKey("zarr-only");
    o.forEach((k, v) -> {
      if (k.startsWith("zarr.")) {
        zarrReadOptions.put(k.substring("zarr.".length()), v);
      }
    });
    shufflePartitions = Integer.parseInt(o.getOrDefault("shuffle-partitions", "4"));
    master = o.getOrDefault("master", "local[2]");
    if (reuse && cases.contains("write")) {
      throw new IllegalArgumentException("--reuse skips writing; choose --cases without write\n" + USAGE);
    }
    if (nt <= 0 || ny <= 0 || nx <= 0 || runs <= 0 || writeRuns <= 0 || warmup < 0 || writeWarmup < 0) {
      throw new IllegalArgumentException("shape and run counts must be positive\n" + USAGE);
    }
  }

  static BenchConfig parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String arg : args) {
      for (String a : arg.trim().split("\\s+")) {
        if (a.isEmpty()) {
          continue;
        }
        if (a.equals("--help") || a.equals("-h") || !a.startsWith("--")) {
          throw new IllegalArgumentException(a.startsWith("-") ? USAGE : "unexpected argument '" + a + "'\n" + USAGE);
        }
        int eq = a.indexOf('=');
        o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
      }
    }
    return new BenchConfig(o);
  }

  long elements() {
    return Math.multiplyExact(Math.multiplyExact(nt, ny), nx);
  }

  boolean has(String c) {
    return cases.contains(c);
  }

  @Override
  public String toString() {
    return "cube " + nt + "x" + ny + "x" + nx + " (" + elements() + " elements), chunks=" + chunks + ", warmup="
        + warmup + ", write-warmup=" + writeWarmup + ", runs=" + runs + ", write-runs=" + writeRuns + ", cases="
        + cases + ", master=" + master
        + ", shuffle-partitions=" + shufflePartitions + (reuse ? ", reuse" : "") + (zarrOnly ? ", zarr-only" : "")
        + (zarrReadOptions.isEmpty() ? "" : ", zarr read options " + zarrReadOptions);
  }
}
