package io.zarrspark.core.dtype;

import java.util.Map;

/** The numpy datetime64/timedelta64 units and their length in nanoseconds where one is fixed. */
public final class TimeUnits {
  private TimeUnits() {}

  private static final Map<String, Long> NANOS = Map.ofEntries(
      Map.entry("W", 604_800_000_000_000L),
      Map.entry("D", 86_400_000_000_000L),
      Map.entry("h", 3_600_000_000_000L),
      Map.entry("m", 60_000_000_000L),
      Map.entry("s", 1_000_000_000L),
      Map.entry("ms", 1_000_000L),
      Map.entry("us", 1_000L),
      Map.entry("ns", 1L),
      // Sub-nanosecond units have no whole number of nanoseconds; 0 marks them.
      Map.entry("ps", 0L),
      Map.entry("fs", 0L),
      Map.entry("as", 0L),
      // Calendar units have no fixed length.
      Map.entry("Y", -1L),
      Map.entry("M", -1L),
      Map.entry("generic", -1L));

  static String check(String unit) {
    if (unit == null || !NANOS.containsKey(unit)) {
      throw new IllegalArgumentException("unknown datetime unit '" + unit + "'; expected one of "
          + "Y, M, W, D, h, m, s, ms, us, ns, ps, fs, as");
    }
    return unit;
  }

  /** Nanoseconds per unit; 0 for units finer than a nanosecond, -1 for calendar units. */
  public static long nanos(String unit) {
    Long n = NANOS.get(unit);
    if (n == null) {
      throw new IllegalArgumentException("unknown datetime unit '" + unit + "'");
    }
    return n;
  }

  /** The value numpy uses for NaT (not-a-time) in every unit. */
  public static final long NAT = Long.MIN_VALUE;
}
