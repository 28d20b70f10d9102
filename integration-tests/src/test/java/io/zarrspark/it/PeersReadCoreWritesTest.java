package io.zarrspark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays written by zarr-spark core are read bit-exactly by other implementations: zarr-python
 * 2.13 (v2) and zarrita.js 0.7.5 (v2 and v3), and xarray opens a v2 group as a dataset. The
 * stores, manifests and expected bytes are made in a temporary directory; the peers' read
 * checkers (src/test/python/check_read.py, src/test/js/check_read.mjs) compare every element.
 */
class PeersReadCoreWritesTest {
  static final String ZARR_PYTHON = V2Catalog.PYTHON;
  static final String ZARRITA = V2Catalog.ZARRITA;

  /**
   * Entries zarrita 0.7.5 cannot read (fixtures README, "What zarrita 0.7.5 cannot read"): v2
   * complex, datetime and timedelta dtypes and |V raw are InvalidMetadataError; bz2 and lzma are
   * UnknownCodecError. Everything else it is expected to read, apart from the entries marked
   * known_issues.zarrita in the manifests (see V2Catalog and V3Catalog for each reason).
   */
  // zarrita 0.7.5 has no bz2, lzma, astype or packbits (fixtures README).
  static final List<String> ZARRITA_SKIP_CODECS = List.of("bz2", "lzma", "astype", "packbits");
  static final List<String> ZARRITA_SKIP_DTYPES = List.of("c8", "c16", "M8", "m8", "V");

  /** Lower bounds on what each peer verifies, so that the test cannot pass by skipping. */
  static final int MIN_PYTHON_V2 = 100;
  static final int MIN_ZARRITA = 170;

  @TempDir
  static Path tempDir;
  static Path v2Root;
  static Path v3Root;
  static Path v2Manifest;
  static Path v3Manifest;
  static List<ObjectNode> v2Entries;
  static List<ObjectNode> v3Entries;

  @BeforeAll
  static void writeStoresWithCore() throws Exception {
    Path tmp = tempDir;
    // -Dzarrspark.it.outDir=DIR keeps the stores and manifests (in a new DIR/peers-* directory)
    // for a look after the run.
    String keep = System.getProperty("zarrspark.it.outDir");
    if (keep != null && !keep.isEmpty()) {
      tmp = Files.createTempDirectory(Files.createDirectories(Path.of(keep)), "peers-");
    }
    v2Root = tmp.resolve("core-v2");
    v3Root = tmp.resolve("core-v3");
    CoreArrays v2 = new CoreArrays(v2Root, ZarrFormat.V2, "core-v2", tmp);
    V2Catalog.writeAll(v2);
    v2Manifest = v2.manifest().writeManifest("manifest-core-v2.json");
    v2Entries = v2.manifest().entries();
    CoreArrays v3 = new CoreArrays(v3Root, ZarrFormat.V3, "core-v3", tmp);
    V3Catalog.writeAll(v3);
    v3Manifest = v3.manifest().writeManifest("manifest-core-v3.json");
    v3Entries = v3.manifest().entries();
  }

  @Test
  void storesCoverEveryDataTypeCodecAndLayout() {
    int total = v2Entries.size() + v3Entries.size();
    assertTrue(total >= 180 && total <= 260, "arrays written: " + total);
    Set<String> v2Types = field(v2Entries, "dtype");
    for (String t : List.of("|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8",
        "<c8", "<c16", "<U7", "|S5", "|V2", "<M8[ns]", "<m8[s]", ">i8", ">u8", ">f2", ">c16", ">U7", ">M8[ns]")) {
      assertTrue(v2Types.contains(t), "no v2 array of " + t + " in " + v2Types);
    }
    Set<String> v2Codecs = codecs(v2Entries);
    assertTrue(v2Codecs.containsAll(List.of("zlib", "gzip", "zstd")), "v2 codecs " + v2Codecs);
    Set<String> v3Codecs = codecs(v3Entries);
    assertTrue(v3Codecs.containsAll(List.of("bytes", "transpose", "gzip", "zlib", "zstd", "crc32c")), "v3 codecs " + v3Codecs);
    // Optional codecs (blosc, lz4, bz2, lzma) are in the stores as soon as core registers them.
    OptionalCodecs.v2Available().forEach(c -> assertTrue(
        v2Codecs.contains(c.codec().toV2Json().orElseThrow().get("id").asText()), c.name()));
    OptionalCodecs.v3Available(4).forEach(c -> assertTrue(v3Codecs.contains(c.codec().name()), c.name()));
    long sparse = v2Entries.stream().filter(e -> e.get("missing_chunks").asBoolean()).count()
        + v3Entries.stream().filter(e -> e.get("missing_chunks").asBoolean()).count();
    assertTrue(sparse >= 40, "arrays with chunks never written: " + sparse);
  }

  @Test
  void zarrPythonReadsV2BitExactly() {
    PeerProcess.requireZarrPython(false);
    PeerProcess.Report r = PeerProcess.report(PeerProcess.run(PeerProcess.moduleDir(), List.of(PeerProcess.PYTHON,
        PeerProcess.pythonDir().resolve("check_read.py").toString(), v2Root.toString(), v2Manifest.toString())));
    assertVerified(r, v2Entries, ZARR_PYTHON, List.of(), List.of());
    assertTrue(r.ok() >= MIN_PYTHON_V2, "zarr-python verified " + r.ok() + " < " + MIN_PYTHON_V2 + "\n" + r.result().describe());
  }

  @Test
  void zarritaReadsV2AndV3BitExactly() {
    PeerProcess.requireZarrita();
    int ok = zarritaCheck(v2Root, v2Manifest, v2Entries) + zarritaCheck(v3Root, v3Manifest, v3Entries);
    assertTrue(ok >= MIN_ZARRITA, "zarrita verified " + ok + " < " + MIN_ZARRITA);
  }

  /** Runs check_read.mjs on one store; returns how many arrays zarrita verified. */
  static int zarritaCheck(Path storeRoot, Path manifest, List<ObjectNode> entries) {
    List<String> cmd = List.of("node", PeerProcess.jsDir().resolve("check_read.mjs").toString(),
        storeRoot.toString(), manifest.toString(), "--skip-codecs", String.join(",", ZARRITA_SKIP_CODECS),
        "--skip-dtypes", String.join(",", ZARRITA_SKIP_DTYPES));
    PeerProcess.Report r = PeerProcess.report(PeerProcess.run(PeerProcess.jsDir(), cmd));
    assertVerified(r, entries, ZARRITA, ZARRITA_SKIP_CODECS, ZARRITA_SKIP_DTYPES);
    return r.ok();
  }

  @Test
  void xarrayOpensV2Dataset() throws Exception {
    PeerProcess.requireZarrPython(true);
    PeerProcess.Result r = PeerProcess.run(PeerProcess.moduleDir(), List.of(PeerProcess.PYTHON,
        PeerProcess.pythonDir().resolve("check_xarray.py").toString(), v2Root.toString(), "xarray_ds"));
    assertEquals(0, r.exitCode(), r.describe());
    JsonNode ds = Json.parse(r.stdout(), "check_xarray.py output");
    String why = r.describe();
    assertEquals(Json.parse("{\"time\": 3, \"lat\": 4, \"lon\": 5}", "dims"), ds.get("dims"), why);
    assertEquals(Json.parse("[\"lat\", \"lon\", \"time\"]", "coords"), ds.get("coords"), why);
    assertEquals(Json.parse("[\"precip\", \"temperature\"]", "vars"), ds.get("data_vars"), why);
    JsonNode vars = ds.get("variables");
    for (String v : List.of("temperature", "precip")) {
      assertEquals(Json.parse("[\"time\", \"lat\", \"lon\"]", "dims"), vars.get(v).get("dims"), v + "\n" + why);
    }
    // CF decoding worked from the attributes we wrote: days since 2000-01-01 became datetimes.
    assertEquals("datetime64[ns]", vars.get("time").get("dtype").asText(), why);
    assertEquals("days since 2000-01-01", vars.get("time").get("encoding").get("units").asText(), why);
    assertEquals(sha256(timeNanos(0, 1, 31)), vars.get("time").get("sha256").asText(), why);
    ZarrArray lat = ZarrArray.open(CoreArrays.localStore(v2Root), "xarray_ds/lat");
    assertEquals(sha256(lat.readAll().data()), vars.get("lat").get("sha256").asText(), why);
    // Missing chunks and NaN values are NaN for xarray (its digest canonicalises NaN bits).
    NdArray t = ZarrArray.open(CoreArrays.localStore(v2Root), "xarray_ds/temperature").readAll();
    assertEquals("float32", vars.get("temperature").get("dtype").asText(), why);
    assertEquals(sha256(canonicalNaNs(t)), vars.get("temperature").get("sha256").asText(), why);
    int nans = 0;
    for (int k = 0; k < t.size(); k++) {
      nans += (t.buffer().getInt(4 * k) & 0x7fffffff) > 0x7f800000 ? 1 : 0;
    }
    assertTrue(nans > 30, "temperature has missing chunks, which read as NaN: " + nans);
    assertEquals(nans, vars.get("temperature").get("nan_count").asInt(), why);
    JsonNode pEnc = vars.get("precip").get("encoding");
    assertEquals(0.01, pEnc.get("scale_factor").asDouble(), why);
    assertEquals(-32768, pEnc.get("_FillValue").asInt(), why);
  }

  /**
   * The peer verified exactly the entries that no skip option or known issue excludes: every
   * other entry must be an OK line, and nothing may fail.
   */
  static void assertVerified(PeerProcess.Report r, List<ObjectNode> entries, String peer, List<String> skipCodecs,
      List<String> skipDtypes) {
    String why = r.result().describe();
    assertEquals(0, r.failed(), peer + " failed to read arrays core wrote\n" + why);
    assertEquals(0, r.result().exitCode(), why);
    Set<String> want = new TreeSet<>();
    for (ObjectNode e : entries) {
      if (!excluded(e, peer, skipCodecs, skipDtypes)) {
        want.add(e.get("path").asText());
      }
    }
    assertEquals(want, new TreeSet<>(r.okPaths()), peer + " did not verify exactly the expected arrays\n" + why);
    assertEquals(entries.size() - want.size(), r.skipped(), why);
  }

  /** The checkers' own skip rules (check_read.py / check_read.mjs). */
  static boolean excluded(JsonNode e, String peer, List<String> skipCodecs, List<String> skipDtypes) {
    if (peer.equals(ZARR_PYTHON) && e.get("zarr_format").asInt() != 2) {
      return true;
    }
    for (JsonNode c : e.get("codecs")) {
      if (skipCodecs.contains(c.asText())) {
        return true;
      }
    }
    String bare = e.get("dtype").asText().replaceFirst("^[<>|=]", "");
    return skipDtypes.stream().anyMatch(bare::startsWith) || e.path("known_issues").has(peer);
  }

  static Set<String> field(List<ObjectNode> entries, String name) {
    Set<String> s = new TreeSet<>();
    entries.forEach(e -> s.add(e.get(name).asText()));
    return s;
  }

  static Set<String> codecs(List<ObjectNode> entries) {
    Set<String> s = new TreeSet<>();
    entries.forEach(e -> e.get("codecs").forEach(c -> s.add(c.asText())));
    return s;
  }

  /** datetime64[ns] of days since 2000-01-01 (10957 days after the 1970 epoch). */
  static byte[] timeNanos(long... days) {
    ByteBuffer b = ByteBuffer.allocate(days.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long d : days) {
      b.putLong((10_957 + d) * 86_400_000_000_000L);
    }
    return b.array();
  }

  /** float32 bytes with every NaN replaced by numpy's canonical NaN, as check_xarray.py hashes. */
  static byte[] canonicalNaNs(NdArray f4) {
    ByteBuffer in = f4.buffer();
    ByteBuffer out = ByteBuffer.allocate(in.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    while (in.hasRemaining()) {
      int bits = in.getInt();
      // Bit test rather than Float.isNaN: no float conversion can touch a signalling NaN here.
      out.putInt((bits & 0x7fffffff) > 0x7f800000 ? 0x7fc00000 : bits);
    }
    return out.array();
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
