package io.zarrspark.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is apart from us. The load average alone cannot tell a neighbour's build
 * from our own Spark tasks, so we also difference /proc/stat (all CPUs) against /proc/self/stat
 * (this JVM) over an interval: the rest is CPU that other processes took while we were timing.
 * Linux only; elsewhere the figures are NaN.
 */
final class MachineLoad {
  private final long machineBusy;
  private final long machineTotal;
  private final long own;

  private MachineLoad(long machineBusy, long machineTotal, long own) {
    this.machineBusy = machineBusy;
    this.machineTotal = machineTotal;
    this.own = own;
  }

  static MachineLoad now() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      String self = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name (which may contain spaces): utime is the 14th field overall.
      String[] f = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
      long ownTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return new MachineLoad(total - idle, total, ownTicks);
    } catch (IOException | RuntimeException e) {
      return new MachineLoad(-1, -1, -1);
    }
  }

  /** Cores other processes kept busy on average between {@code start} and this snapshot. */
  double othersCoresSince(MachineLoad start) {
    long[] t = ticksSince(start);
    return cores(t[0], t[1]);
  }

  /** {others' busy ticks, all ticks} since {@code start}, to add up over several intervals; -1s if unknown. */
  long[] ticksSince(MachineLoad start) {
    if (start.machineTotal < 0 || machineTotal < start.machineTotal) {
      return new long[] {-1, -1};
    }
    long others = (machineBusy - start.machineBusy) - (own - start.own);
    return new long[] {Math.max(0, others), machineTotal - start.machineTotal};
  }

  static double cores(long othersTicks, long totalTicks) {
    return othersTicks < 0 || totalTicks <= 0 ? Double.NaN
        : (double) othersTicks / totalTicks * Runtime.getRuntime().availableProcessors();
  }

  /** The 1, 5 and 15 minute load averages as printed by uptime. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
