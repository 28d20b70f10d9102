package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.util.Json;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by chunks, not by data: {@link BigWriteMain} writes 1.57 GiB of decoded
 * elements in a JVM of its own limited to a 512 MiB heap, more than three times the heap.
 */
class BigWriteTest {
  static final long HEAP = 512L << 20;

  @TempDir
  Path dir;

  @Test
  void writesThreeTimesTheHeapInAForkedJvm() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.add("-Xmx512m");
    // The same JDK 17 opens the test JVM has (Spark needs them), not its heap size.
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")
          || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djava.net.preferIPv4Stack")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BigWriteMain.class.getName());
    cmd.add(dir.resolve("big.zarr").toString());
    Path log = dir.resolve("big-write.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly().waitFor();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    String tail = out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    assertTrue(done, "the big write did not finish in 5 minutes\n" + tail);
    assertEquals(0, p.exitValue(), tail);
    String summary = out.lines().filter(l -> l.startsWith("{\"logicalBytes\"")).findFirst().orElseThrow();
    JsonNode s = Json.parse(summary, "big write summary");
    long logical = s.get("logicalBytes").asLong();
    long maxHeap = s.get("maxHeap").asLong();
    assertTrue(maxHeap <= HEAP, summary);
    assertTrue(logical >= 3 * maxHeap, summary);
    System.out.println("big write: " + summary);
  }
}
