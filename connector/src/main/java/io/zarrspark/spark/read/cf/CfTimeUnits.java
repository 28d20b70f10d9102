package io.zarrspark.spark.read.cf;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CF time encoding: "<unit> since <reference date>" on the standard calendar. */
public final class CfTimeUnits implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern UNITS = Pattern.compile(
      "\\s*([A-Za-z]+)\\s+since\\s+(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})"
          + "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?\\s*");

  private final long unitNanos;
  private final long epochMicros;

  private CfTimeUnits(long unitNanos, long epochMicros) {
    this.unitNanos = unitNanos;
    this.epochMicros = epochMicros;
  }

  /** Parses units such as "days since 2000-01-01" or "seconds since 1970-01-01T00:00:00Z". */
  public static Optional<CfTimeUnits> parse(String units, String calendar) {
    if (units == null || calendar != null && !isStandard(calendar)) {
      return Optional.empty();
    }
    Matcher m = UNITS.matcher(units);
    if (!m.matches()) {
      return Optional.empty();
    }
    long nanos = unitNanos(m.group(1).toLowerCase(Locale.ROOT));
    if (nanos <= 0) {
      return Optional.empty();
    }
    LocalDate date = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    LocalTime time = LocalTime.MIDNIGHT;
    if (m.group(5) != null) {
      String frac = m.group(8) == null ? "0" : (m.group(8) + "000000000").substring(0, 9);
      time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
          m.group(7) == null ? 0 : Integer.parseInt(m.group(7)), Integer.parseInt(frac));
    }
    ZoneOffset zone = ZoneOffset.UTC;
    String tz = m.group(9);
    if (tz != null && !tz.equals("Z") && !tz.equals("UTC")) {
      String t = tz.contains(":") || tz.length() <= 3 ? tz : tz.substring(0, tz.length() - 2) + ":" + tz.substring(tz.length() - 2);
      zone = ZoneOffset.of(t.length() == 2 ? t.charAt(0) + "0" + t.charAt(1) : t);
    }
    java.time.Instant ref = LocalDateTime.of(date, time).toInstant(zone);
    long micros = Math.addExact(Math.multiplyExact(ref.getEpochSecond(), 1_000_000L), ref.getNano() / 1000);
    return Optional.of(new CfTimeUnits(nanos, micros));
  }

  private static boolean isStandard(String calendar) {
    String c = calendar.toLowerCase(Locale.ROOT);
    return c.equals("standard") || c.equals("gregorian") || c.equals("proleptic_gregorian");
  }

  private static long unitNanos(String u) {
    switch (u) {
      case "days":
      case "day":
      case "d":
        return 86_400_000_000_000L;
      case "hours":
      case "hour":
      case "hr":
      case "h":
        return 3_600_000_000_000L;
      case "minutes":
      case "minute":
      case "min":
        return 60_000_000_000L;
      case "seconds":
      case "second":
      case "sec":
      case "secs":
      case "s":
        return 1_000_000_000L;
      case "milliseconds":
      case "millisecond":
      case "ms":
        return 1_000_000L;
      case "microseconds":
      case "microsecond":
      case "us":
        return 1_000L;
      case "nanoseconds":
      case "nanosecond":
      case "ns":
        return 1L;
      default:
        return -1;
    }
  }

  /**
   * Microseconds since the Unix epoch of a count of units. Like xarray (through pandas), the
   * count goes through float64 nanoseconds truncated to an integer; Spark keeps microseconds.
   */
  public long toMicros(double count) {
    long nanos = (long) (count * unitNanos);
    return Math.addExact(epochMicros, Math.floorDiv(nanos, 1000));
  }
}
