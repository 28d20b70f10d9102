package io.zarrspark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The reader's options, parsed and validated once into an immutable, serialisable object. */
public final class ZarrOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final List<String> arrays;
  private final long maxSplitBytes;
  private final Map<String, String> hadoopOptions;
  private final boolean decodeCF;
  private final boolean chunkLayout;

  private ZarrOptions(String path, List<String> arrays, long maxSplitBytes, Map<String, String> hadoopOptions,
      boolean decodeCF, boolean chunkLayout) {
    this.path = path;
    this.arrays = arrays;
    this.maxSplitBytes = maxSplitBytes;
    this.hadoopOptions = hadoopOptions;
    this.decodeCF = decodeCF;
    this.chunkLayout = chunkLayout;
  }

  public static ZarrOptions parse(Map<String, String> raw) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(raw);
    String path = o.get("path");
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("zarr: a path is required: spark.read.format(\"zarr\").load(path)");
    }
    List<String> arrays = new ArrayList<>();
    String a = o.get("arrays");
    if (a != null) {
      for (String s : a.split(",")) {
        if (!s.isBlank()) {
          arrays.add(s.trim());
        }
      }
    }
    long split = 128L << 20;
    String ms = o.get("maxPartitionBytes");
    if (ms != null) {
      try {
        split = Long.parseLong(ms.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("zarr: option maxPartitionBytes must be a byte count, got '" + ms + "'");
      }
      if (split <= 0) {
        throw new IllegalArgumentException("zarr: option maxPartitionBytes must be positive, got " + split);
      }
    }
    Map<String, String> hadoop = new TreeMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String k = e.getKey();
      if (k.toLowerCase(Locale.ROOT).startsWith("fs.") || k.toLowerCase(Locale.ROOT).startsWith("spark.hadoop.")) {
        hadoop.put(k.startsWith("spark.hadoop.") ? k.substring("spark.hadoop.".length()) : k, e.getValue());
      }
    }
    boolean decodeCF = bool(o, "decodeCF", true);
    String layout = o.getOrDefault("layout", "rows").trim().toLowerCase(Locale.ROOT);
    if (!layout.equals("rows") && !layout.equals("chunks")) {
      throw new IllegalArgumentException("zarr: option layout must be \"rows\" or \"chunks\", got '" + layout + "'");
    }
    return new ZarrOptions(path, Collections.unmodifiableList(arrays), split, Collections.unmodifiableMap(hadoop),
        decodeCF, layout.equals("chunks"));
  }

  private static boolean bool(Map<String, String> o, String key, boolean dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("zarr: option " + key + " must be true or false, got '" + v + "'");
    }
  }

  /** Whether CF/xarray encodings (scale/offset, fill masks, times) are decoded; default true. */
  public boolean decodeCF() {
    return decodeCF;
  }

  /** {@code option("layout", "chunks")}: one row per chunk instead of one per element. */
  public boolean chunkLayout() {
    return chunkLayout;
  }

  public String path() {
    return path;
  }

  /** Arrays selected with {@code option("arrays", "a,b")}; empty means all compatible arrays. */
  public List<String> arrays() {
    return arrays;
  }

  /** Target decoded bytes per input split. */
  public long maxSplitBytes() {
    return maxSplitBytes;
  }

  /** Hadoop settings passed as options ({@code fs.*}), applied on top of the session's. */
  public Map<String, String> hadoopOptions() {
    return hadoopOptions;
  }
}
