package io.zarrspark.peers.zarrjava;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zarr.zarrjava.v3.Array;
import dev.zarr.zarrjava.v3.ArrayMetadata;
import dev.zarr.zarrjava.v3.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Peer read-check with zarr-java 0.0.9: does zarr-java read a Zarr v3 store bit-exactly?
 *
 * <pre>
 * usage: CheckRead STORE_ROOT MANIFEST.json [--skip-codecs a,b] [--skip-dtypes f2,c8] [--strict]
 * </pre>
 *
 * <p>Manifest: the JSON list of core/src/test/resources/fixtures/README.md. {@code path} is
 * resolved against STORE_ROOT ({@code store} is ignored); {@code expected} (the whole array,
 * little-endian, C order) against the manifest's directory. {@code data_type}, {@code shape},
 * {@code chunks} (the chunk grid's chunk shape: the shard shape for sharded arrays) and
 * {@code fill_value} are compared when present. Entries with {@code zarr_format} 2 are skipped
 * (zarr-java reads v2 too, but this checker is about v3), as are entries using a codec of
 * --skip-codecs, a dtype starting with one of --skip-dtypes (without byte order), or with
 * {@code known_issues["zarr-java"]} unless --strict.
 *
 * <p>Prints "OK path", "FAIL path: reason" or "SKIP path: reason" per entry, then one JSON line
 * {"ok": N, "failed": M, "skipped": K}, like the Python and JavaScript checkers; exit status 1
 * if anything failed (an array that cannot be opened or read is a failure), 2 on bad usage.
 */
public final class CheckRead {
  static final String PEER = "zarr-java";

  private CheckRead() {}

  public static void main(String[] args) {
    List<String> pos = new ArrayList<>();
    Set<String> skipCodecs = new LinkedHashSet<>();
    List<String> skipDtypes = new ArrayList<>();
    boolean strict = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--skip-codecs") || a.startsWith("--skip-dtypes")) {
        String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : "";
        for (String s : v.split(",")) {
          if (!s.isEmpty()) {
            if (a.startsWith("--skip-codecs")) {
              skipCodecs.add(s);
            } else {
              skipDtypes.add(s);
            }
          }
        }
      } else if (a.equals("--strict")) {
        strict = true;
      } else {
        pos.add(a);
      }
    }
    if (pos.size() != 2) {
      System.err.println("usage: CheckRead STORE_ROOT MANIFEST.json [--skip-codecs a,b] [--skip-dtypes f2,c8] [--strict]");
      System.exit(2);
    }
    Path storeRoot = Paths.get(pos.get(0)).toAbsolutePath();
    Path manifest = Paths.get(pos.get(1)).toAbsolutePath();
    int ok = 0;
    int failed = 0;
    int skipped = 0;
    for (JsonNode e : JsonText.read(manifest)) {
      String path = e.get("path").asText();
      String reason = skipReason(e, skipCodecs, skipDtypes, strict);
      if (reason != null) {
        skipped++;
        System.out.println("SKIP " + path + ": " + reason);
        continue;
      }
      String problem;
      try {
        problem = check(e, storeRoot, manifest.getParent());
      } catch (Exception | LinkageError ex) {
        problem = "could not open/read: " + describe(ex);
      }
      if (problem == null) {
        ok++;
        System.out.println("OK " + path);
      } else {
        failed++;
        System.out.println("FAIL " + path + ": " + problem.replace('\n', ' '));
      }
    }
    System.out.println("{\"ok\": " + ok + ", \"failed\": " + failed + ", \"skipped\": " + skipped + "}");
    System.out.flush();
    System.exit(failed > 0 ? 1 : 0);
  }

  static String skipReason(JsonNode e, Set<String> skipCodecs, List<String> skipDtypes, boolean strict) {
    if (e.path("zarr_format").asInt(3) != 3) {
      return "Zarr v" + e.path("zarr_format").asInt() + ": this checker reads v3 entries only";
    }
    List<String> hit = new ArrayList<>();
    e.path("codecs").forEach(c -> {
      if (skipCodecs.contains(c.asText()) && !hit.contains(c.asText())) {
        hit.add(c.asText());
      }
    });
    if (!hit.isEmpty()) {
      return "uses skipped codec(s) " + String.join(",", hit);
    }
    String bare = e.path("dtype").asText().replaceFirst("^[<>|=]", "");
    if (skipDtypes.stream().anyMatch(bare::startsWith)) {
      return "skipped dtype " + e.path("dtype").asText();
    }
    if (e.path("known_issues").has(PEER) && !strict) {
      return "known issue: " + e.get("known_issues").get(PEER).asText();
    }
    return null;
  }

  /** Null if zarr-java reads the entry exactly as expected, else what differs. */
  static String check(JsonNode e, Path storeRoot, Path manifestDir) throws Exception {
    String path = e.get("path").asText();
    Array a = Array.open(path.isEmpty() ? storeRoot : storeRoot.resolve(path));
    ArrayMetadata m = a.metadata();
    DataType t = m.dataType;
    List<String> problems = new ArrayList<>();
    if (e.has("data_type") && !e.get("data_type").asText().equals(t.getValue())) {
      problems.add("data_type " + t.getValue() + " != manifest " + e.get("data_type").asText());
    }
    if (e.has("shape") && !Arrays.equals(longs(e.get("shape")), m.shape)) {
      problems.add("shape " + Arrays.toString(m.shape) + " != manifest " + e.get("shape"));
    }
    if (e.has("chunks") && !Arrays.equals(longs(e.get("chunks")), Arrays.stream(m.chunkShape()).asLongStream().toArray())) {
      problems.add("chunks " + Arrays.toString(m.chunkShape()) + " != manifest " + e.get("chunks"));
    }
    if (e.has("fill_value")) {
      byte[] want = Types.fillBits(t, e.get("fill_value"));
      byte[] got = Types.parsedFillBits(t, m.parsedFillValue);
      if (!Arrays.equals(want, got)) {
        problems.add("fill_value " + Types.hex(got) + " != manifest " + e.get("fill_value") + " (" + Types.hex(want) + ")");
      }
    }
    if (!problems.isEmpty()) {
      return String.join("; ", problems);
    }
    byte[] expected = Files.readAllBytes(manifestDir.resolve(e.get("expected").asText()));
    byte[] got = Types.toLe(t, a.read());
    if (Arrays.equals(got, expected)) {
      return null;
    }
    int es = t.getByteCount();
    if (got.length != expected.length) {
      return "data length " + got.length + " bytes != expected " + expected.length + " bytes";
    }
    int i = 0;
    while (got[i] == expected[i]) {
      i++;
    }
    int elem = i / es;
    return "data mismatch at element " + elem + " index " + Arrays.toString(unravel(elem, m.shape)) + ": got "
        + Types.hex(Arrays.copyOfRange(got, elem * es, elem * es + es)) + ", expected "
        + Types.hex(Arrays.copyOfRange(expected, elem * es, elem * es + es));
  }

  static long[] longs(JsonNode a) {
    long[] v = new long[a.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = a.get(k).asLong();
    }
    return v;
  }

  static long[] unravel(long i, long[] shape) {
    long[] idx = new long[shape.length];
    for (int k = shape.length - 1; k >= 0; k--) {
      idx[k] = i % shape[k];
      i /= shape[k];
    }
    return idx;
  }

  /** The exception and its innermost cause (zarr-java wraps codec errors in RuntimeExceptions). */
  static String describe(Throwable ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String s = ex.getClass().getSimpleName() + ": " + ex.getMessage();
    return root == ex ? s : s + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }
}
