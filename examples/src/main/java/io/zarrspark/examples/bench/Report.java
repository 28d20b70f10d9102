package io.zarrspark.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The final table: printed, and written as Markdown and JSON for comparing runs over time. */
final class Report {
  /** One line of the table: a zarr variant against a parquet one (or zarr alone). */
  static final class Line {
    final String name;
    final long rows;
    /** Uncompressed bytes of the values the case handles; 0 when no value is read. */
    final long bytes;
    final Measurement zarr;
    final Measurement parquet;

    Line(String name, long rows, long bytes, Measurement zarr, Measurement parquet) {
      this.name = name;
      this.rows = rows;
      this.bytes = bytes;
      this.zarr = zarr;
      this.parquet = parquet;
    }

    double ratio() {
      return parquet == null ? Double.NaN : zarr.median() / parquet.median();
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void add(Line l) {
    lines.add(l);
  }

  void env(String key, Object value) {
    environment.put(key, String.valueOf(value));
  }

  void note(String n) {
    notes.add(n);
  }

  private static final String[] HEAD = {"case", "zarr", "parquet", "zarr s", "parquet s", "zarr/parquet",
      "zarr Mrows/s", "parquet Mrows/s", "zarr MB/s", "parquet MB/s", "others' cores"};

  private List<String[]> cells() {
    List<String[]> out = new ArrayList<>();
    for (Line l : lines) {
      Measurement p = l.parquet;
      double others = Math.max(l.zarr.othersCores, p == null ? 0 : p.othersCores);
      out.add(new String[] {l.name, l.zarr.label, p == null ? "-" : p.label, seconds(l.zarr),
          p == null ? "-" : seconds(p),
          p == null ? "-" : fmt("%.2f", l.ratio()), rate(l.rows, l.zarr, 1e6), p == null ? "-" : rate(l.rows, p, 1e6),
          l.bytes == 0 ? "-" : rate(l.bytes, l.zarr, 1e6), l.bytes == 0 || p == null ? "-" : rate(l.bytes, p, 1e6),
          fmt("%.2f", others)});
    }
    return out;
  }

  private static String seconds(Measurement m) {
    return m.seconds.length > 1 ? fmt("%.3f (%.3f-%.3f)", m.median(), m.min(), m.max()) : fmt("%.3f", m.median());
  }

  private static String rate(long amount, Measurement m, double unit) {
    return fmt("%.1f", amount / m.median() / unit);
  }

  private static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }

  String text() {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEAD);
    rows.addAll(cells());
    int[] w = new int[HEAD.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(i == 0 ? String.format("%-" + w[i] + "s", r[i]) : String.format("  %" + w[i] + "s", r[i]));
      }
      sb.append('\n');
    }
    notes.forEach(n -> sb.append("* ").append(n).append('\n'));
    environment.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.toString();
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("# zarr-spark vs Parquet\n\n| ").append(String.join(" | ", HEAD))
        .append(" |\n|");
    for (int i = 0; i < HEAD.length; i++) {
      sb.append(i == 0 ? "---|" : "---:|");
    }
    sb.append('\n');
    for (String[] r : cells()) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    sb.append('\n');
    notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    sb.append("\n| environment | |\n|---|---|\n");
    environment.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
    return sb.toString();
  }

  String json() {
    StringBuilder sb = new StringBuilder("{\n  \"environment\": {");
    String sep = "\n";
    for (Map.Entry<String, String> e : environment.entrySet()) {
      sb.append(sep).append("    ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
      sep = ",\n";
    }
    sb.append("\n  },\n  \"notes\": [");
    sep = "\n";
    for (String n : notes) {
      sb.append(sep).append("    ").append(str(n));
      sep = ",\n";
    }
    sb.append("\n  ],\n  \"cases\": [");
    sep = "\n";
    for (Line l : lines) {
      sb.append(sep).append("    {\"case\": ").append(str(l.name)).append(", \"rows\": ").append(l.rows)
          .append(", \"logicalBytes\": ").append(l.bytes).append(",\n      \"zarr\": ").append(json(l.zarr))
          .append(",\n      \"parquet\": ").append(l.parquet == null ? "null" : json(l.parquet))
          .append(",\n      \"ratio\": ").append(num(l.ratio())).append("}");
      sep = ",\n";
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  private static String json(Measurement m) {
    StringBuilder runs = new StringBuilder();
    for (double s : m.seconds) {
      runs.append(runs.length() == 0 ? "" : ", ").append(num(s));
    }
    return "{\"label\": " + str(m.label) + ", \"medianSeconds\": " + num(m.median()) + ", \"seconds\": [" + runs
        + "], \"otherProcessesCores\": " + num(m.othersCores) + "}";
  }

  private static String num(double d) {
    return Double.isFinite(d) ? fmt("%.4f", d) : "null";
  }

  private static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(fmt("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  void writeFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.md"), markdown());
    Files.writeString(dir.resolve("report.json"), json());
  }
}
