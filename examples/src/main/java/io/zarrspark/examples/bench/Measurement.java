package io.zarrspark.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall times of the variants of one case: warm-up rounds (untimed, so JIT compilation, class
 * loading and the OS page cache do not count against whichever source runs first), then timed
 * rounds, summarised by the median (robust against a neighbour's build stealing a core).
 *
 * <p>Variants are interleaved, zarr then parquet in one round and the other way round in the
 * next: a JVM keeps getting faster for minutes (C2 recompiles, G1 resizes), and timing all of one
 * source's runs before the other's charged that drift to whichever ran first.
 */
final class Measurement {
  /** One attempt; {@code attempt} counts warm-ups too. */
  interface Trial {
    Object run(int attempt) throws Exception;
  }

  /** Untimed work before an attempt (deleting the previous output). */
  interface Prepare {
    void before(int attempt) throws Exception;
  }

  /** Checks a result; throws to fail the benchmark. */
  interface Check {
    void verify(Object result);
  }

  /** One variant to time. */
  static final class Spec {
    final String label;
    final Prepare prepare;
    final Trial trial;
    final Check check;

    Spec(String label, Prepare prepare, Trial trial, Check check) {
      this.label = label;
      this.prepare = prepare;
      this.trial = trial;
      this.check = check;
    }
  }

  final String label;
  final double[] seconds;
  /** Cores other processes kept busy during this variant's timed runs (see {@link MachineLoad}). */
  final double othersCores;

  private Measurement(String label, double[] seconds, double othersCores) {
    this.label = label;
    this.seconds = seconds;
    this.othersCores = othersCores;
  }

  static List<Measurement> interleaved(int warmup, int runs, List<Spec> specs) throws Exception {
    int n = specs.size();
    double[][] s = new double[n][runs];
    long[][] ticks = new long[n][2];
    for (int attempt = 0; attempt < warmup + runs; attempt++) {
      boolean timed = attempt >= warmup;
      for (int j = 0; j < n; j++) {
        int i = attempt % 2 == 0 ? j : n - 1 - j;
        Spec spec = specs.get(i);
        spec.prepare.before(attempt);
        // Collect the previous attempt's garbage now rather than inside the next timed run.
        System.gc();
        MachineLoad before = MachineLoad.now();
        long t0 = System.nanoTime();
        Object result = spec.trial.run(attempt);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] t = MachineLoad.now().ticksSince(before);
        // Every attempt's result is checked, warm-ups included: a wrong answer fails even when fast.
        spec.check.verify(result);
        if (timed) {
          s[i][attempt - warmup] = elapsed;
          ticks[i][0] = ticks[i][0] < 0 || t[0] < 0 ? -1 : ticks[i][0] + t[0];
          ticks[i][1] += t[1];
        }
        System.out.printf(Locale.ROOT, "  %-32s %s %.3f s%n", spec.label, timed ? "run   " : "warmup", elapsed);
      }
    }
    List<Measurement> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Measurement m = new Measurement(specs.get(i).label, s[i], MachineLoad.cores(ticks[i][0], ticks[i][1]));
      System.out.printf(Locale.ROOT, "  %-32s median %.3f s (other processes: %.2f cores)%n", m.label, m.median(),
          m.othersCores);
      out.add(m);
    }
    return out;
  }

  double median() {
    double[] s = seconds.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  double min() {
    return Arrays.stream(seconds).min().orElse(Double.NaN);
  }

  double max() {
    return Arrays.stream(seconds).max().orElse(Double.NaN);
  }
}
