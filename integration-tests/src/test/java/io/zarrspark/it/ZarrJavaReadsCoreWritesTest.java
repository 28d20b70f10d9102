package io.zarrspark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.util.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zarr v3 arrays core writes ({@link V3Catalog}, sharded arrays included as soon as the
 * catalogue has them) are read bit-exactly by zarr-java 0.0.9, a third implementation next to
 * zarrita and zarr-python. Its read checker lives in the separate Maven project
 * integration-tests/peers/zarr-java (CheckRead: the same manifest, OK/FAIL/SKIP lines and summary
 * as check_read.py and check_read.mjs); this test builds it with a nested {@code mvn compile},
 * which also writes the checker's class path to target/classpath.txt, and starts it with
 * {@code java -cp}.
 */
class ZarrJavaReadsCoreWritesTest {
  static final String ZARR_JAVA = "zarr-java";

  /** zarr-java 0.0.9's v3 codecs (dev.zarr.zarrjava.v3.codec.CodecRegistry); others are skipped. */
  static final Set<String> ZARR_JAVA_CODECS = Set.of("bytes", "transpose", "gzip", "zstd", "crc32c", "blosc",
      "sharding_indexed");
  /**
   * Its v3 data types are bool, int8-64, uint8-64, float32 and float64 (dev.zarr.zarrjava.v3.DataType):
   * float16, complex, strings, raw bytes and datetimes are skipped (dtype prefixes, as the other
   * checkers take them).
   */
  static final List<String> SKIP_DTYPES = List.of("f2", "c8", "c16", "U", "S", "V", "M8", "m8");

  /** Lower bound on arrays zarr-java verifies, so that the test cannot pass by skipping. */
  static final int MIN_VERIFIED = 70;

  @TempDir
  static Path tempDir;
  static Path v3Root;
  static Path v3Manifest;
  static List<ObjectNode> v3Entries;

  @BeforeAll
  static void writeStoreWithCore() throws Exception {
    Path tmp = tempDir;
    // As in PeersReadCoreWritesTest: -Dzarrspark.it.outDir=DIR keeps the store for a look.
    String keep = System.getProperty("zarrspark.it.outDir");
    if (keep != null && !keep.isEmpty()) {
      tmp = Files.createTempDirectory(Files.createDirectories(Path.of(keep)), "zarr-java-");
    }
    v3Root = tmp.resolve("core-v3");
    CoreArrays v3 = new CoreArrays(v3Root, ZarrFormat.V3, "core-v3", tmp);
    V3Catalog.writeAll(v3);
    v3Entries = v3.manifest().entries();
    v3Entries.forEach(ZarrJavaReadsCoreWritesTest::markKnownIssues);
    v3Manifest = v3.manifest().writeManifest("manifest-core-v3.json");
  }

  /**
   * What zarr-java 0.0.9 is known to misread, each seen in its source and in its reading of the
   * zarrita fixtures (fixtures/README.md, "zarr-java"). Rules on the metadata, not on paths, so
   * that arrays added to the catalogue later are judged the same way.
   */
  static void markKnownIssues(ObjectNode e) {
    JsonNode fill = e.get("fill_value");
    if (fill != null && fill.isTextual() && fill.asText().equals("Infinity")) {
      // ArrayMetadata.parseFillValue accepts "+Infinity" only, so the array cannot be opened.
      ManifestWriter.knownIssue(e, ZARR_JAVA, "fill_value \"Infinity\" is rejected (zarr-java expects \"+Infinity\")");
    }
    if (fill != null && fill.isTextual() && fill.asText().startsWith("0x")) {
      // parseFillValue puts the hex digits' bytes into a little-endian buffer: "0x7fc00001"
      // becomes the float with bits 0x0100c07f.
      ManifestWriter.knownIssue(e, ZARR_JAVA, "hex fill_value is read with its bytes reversed");
    }
    if (e.get("shape").isEmpty() && e.path("chunk_key_encoding").path("name").asText().equals("v2")) {
      // V2ChunkKeyEncoding joins no coordinates into the key "" instead of "0", so the chunk is
      // never found and the array reads as fill.
      ManifestWriter.knownIssue(e, ZARR_JAVA, "0-d array with the v2 chunk key encoding: chunk key \"\" instead of \"0\"");
    }
    if (zstdFromAView(e.get("codec_config"), false)) {
      // ZstdCodec.decode decompresses ByteBuffer.array(), the whole backing array, ignoring the
      // buffer's position and limit. Its input is exact only when it is a whole chunk file;
      // crc32c hands on a slice without its last 4 bytes, and an inner chunk is a slice of its
      // shard ("Src size is incorrect" / "Destination buffer is too small").
      ManifestWriter.knownIssue(e, ZARR_JAVA, "zstd decoded from a slice (after crc32c, or inside a shard) "
          + "reads the whole backing array");
    }
  }

  /**
   * Whether a zstd codec in {@code chain} (a v3 codecs list) gets its input as a slice of a larger
   * buffer when zarr-java decodes: when crc32c follows it, or when it is the last codec of a
   * sharding codec's inner chain. gzip and blosc, when they follow, hand on fresh buffers.
   */
  static boolean zstdFromAView(JsonNode chain, boolean insideShard) {
    for (int i = 0; i < chain.size(); i++) {
      JsonNode c = chain.get(i);
      String name = c.get("name").asText();
      if (name.equals("sharding_indexed") && zstdFromAView(c.get("configuration").get("codecs"), true)) {
        return true;
      }
      if (name.equals("zstd")) {
        boolean last = i == chain.size() - 1;
        if (last ? insideShard : chain.get(i + 1).get("name").asText().equals("crc32c")) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void zarrJavaReadsV3BitExactly() {
    List<String> skipCodecs = unknownCodecs(v3Entries);
    PeerProcess.Report r = PeerProcess.report(runChecker(v3Root, v3Manifest, skipCodecs));
    PeersReadCoreWritesTest.assertVerified(r, v3Entries, ZARR_JAVA, skipCodecs, SKIP_DTYPES);
    assertTrue(r.ok() >= MIN_VERIFIED, "zarr-java verified " + r.ok() + " < " + MIN_VERIFIED + "\n" + r.result().describe());
    // Whatever sharded arrays the catalogue has are among the verified ones (assertVerified
    // already demands every entry not excluded); say how many, for whoever reads the log.
    long sharded = v3Entries.stream().filter(ZarrJavaReadsCoreWritesTest::sharded)
        .filter(e -> r.okPaths().contains(e.get("path").asText())).count();
    System.out.println("zarr-java verified " + r.ok() + " arrays core wrote, " + sharded + " of them sharded");
  }

  /** The checker is not vacuous: one wrong byte in an expected file is a FAIL and exit code 1. */
  @Test
  void checkerReportsAWrongByte() throws Exception {
    ObjectNode victim = v3Entries.stream().filter(e -> e.get("data_type").asText().equals("int32")
        && !e.has("known_issues") && e.get("shape").size() > 0).findFirst().orElseThrow().deepCopy();
    Path dir = Files.createDirectories(tempDir.resolve("corrupted"));
    byte[] bytes = Files.readAllBytes(v3Manifest.getParent().resolve(victim.get("expected").asText()));
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(dir.resolve("wrong.bin"), bytes);
    victim.put("expected", "wrong.bin");
    ArrayNode list = Json.NODES.arrayNode().add(victim);
    Files.write(dir.resolve("manifest.json"), Json.write(list));
    PeerProcess.Result res = runChecker(v3Root, dir.resolve("manifest.json"), List.of());
    PeerProcess.Report r = PeerProcess.report(res);
    assertEquals(1, r.failed(), res.describe());
    assertEquals(1, res.exitCode(), res.describe());
    assertTrue(res.stdout().contains("FAIL " + victim.get("path").asText() + ": data mismatch"), res.describe());
  }

  static boolean sharded(JsonNode e) {
    for (JsonNode c : e.get("codecs")) {
      if (c.asText().equals("sharding_indexed")) {
        return true;
      }
    }
    return false;
  }

  /** Codec names the entries use that zarr-java 0.0.9 does not implement. */
  static List<String> unknownCodecs(List<ObjectNode> entries) {
    Set<String> out = new TreeSet<>();
    entries.forEach(e -> e.get("codecs").forEach(c -> {
      if (!ZARR_JAVA_CODECS.contains(c.asText())) {
        out.add(c.asText());
      }
    }));
    return new ArrayList<>(out);
  }

  static PeerProcess.Result runChecker(Path storeRoot, Path manifest, List<String> skipCodecs) {
    List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-cp", checkerClassPath(),
        "io.zarrspark.peers.zarrjava.CheckRead", storeRoot.toString(), manifest.toString(),
        "--skip-codecs", String.join(",", skipCodecs), "--skip-dtypes", String.join(",", SKIP_DTYPES)));
    return PeerProcess.run(peerDir(), cmd);
  }

  static Path peerDir() {
    return PeerProcess.moduleDir().resolve("peers/zarr-java");
  }

  private static String checkerClassPath;

  /**
   * Builds the checker once per JVM (a nested Maven, run without the caller's build lock: the
   * Maven that runs this test may hold it) and returns its class path: its classes (with the
   * ucar.ma2 classes unpacked next to them, see its pom) and its dependencies.
   */
  static synchronized String checkerClassPath() {
    if (checkerClassPath == null) {
      Path pom = peerDir().resolve("pom.xml");
      List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", pom.toString()));
      String repo = System.getProperty("maven.repo.local");
      if (repo != null && !repo.isEmpty()) {
        cmd.add("-Dmaven.repo.local=" + repo);
      }
      cmd.add("compile");
      PeerProcess.Result r = PeerProcess.run(peerDir(), cmd);
      Path cpFile = peerDir().resolve("target/classpath.txt");
      if (r.exitCode() != 0 || !Files.isRegularFile(cpFile)) {
        fail("could not build the zarr-java read checker (needs mvn on the PATH and Maven Central for "
            + "dev.zarr:zarr-java). By hand:\n  mvn -B -f " + pom + " compile\n" + r.describe());
      }
      try {
        checkerClassPath = peerDir().resolve("target/classes") + File.pathSeparator + Files.readString(cpFile).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return checkerClassPath;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
