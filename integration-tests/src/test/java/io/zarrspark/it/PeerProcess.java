package io.zarrspark.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer implementation's script as a subprocess (with a timeout, output captured) and
 * parses what the read checkers print: one "OK path" / "FAIL path: why" / "SKIP path: why" line
 * per manifest entry, then a JSON summary {"ok": N, "failed": M, "skipped": K}.
 */
final class PeerProcess {
  private PeerProcess() {}

  static final String PYTHON = "/usr/bin/python3";
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** What a process did: exit code (-1 on timeout) and its output. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** Everything a failure message needs to make sense of the run. */
    String describe() {
      return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
          + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
  }

  /** A read checker's report. */
  record Report(Result result, int ok, int failed, int skipped, List<String> okPaths, Map<String, String> skips) {}

  /** The module directory (set by surefire; the working directory when run otherwise). */
  static Path moduleDir() {
    String dir = System.getProperty("zarrspark.it.basedir");
    Path p = Paths.get(dir != null ? dir : System.getProperty("user.dir")).toAbsolutePath();
    // Run from the repository root (an IDE, say), the module is a subdirectory.
    return Files.isDirectory(p.resolve("src/test/python")) ? p : p.resolve("integration-tests");
  }

  static Path pythonDir() {
    return moduleDir().resolve("src/test/python");
  }

  static Path jsDir() {
    return moduleDir().resolve("src/test/js");
  }

  static Result run(Path workDir, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (Files.isDirectory(workDir)) {
      // Otherwise a missing directory would look like a missing program to the caller.
      pb.directory(workDir.toFile());
    }
    Process p;
    try {
      p = pb.start();
      p.getOutputStream().close();
    } catch (IOException e) {
      return new Result(command, -2, "", "cannot start: " + e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    try {
      boolean done = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor();
      }
      return new Result(command, done ? p.exitValue() : -1, out.join(),
          err.join() + (done ? "" : "\n[killed after " + TIMEOUT + "]"));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a checker's output; fails the test if the summary line is missing or inconsistent. */
  static Report report(Result r) {
    List<String> ok = new ArrayList<>();
    Map<String, String> skips = new LinkedHashMap<>();
    JsonNode summary = null;
    for (String line : r.stdout().split("\n")) {
      if (line.startsWith("OK ")) {
        ok.add(line.substring(3));
      } else if (line.startsWith("SKIP ")) {
        int colon = line.indexOf(": ");
        skips.put(line.substring(5, colon < 0 ? line.length() : colon), colon < 0 ? "" : line.substring(colon + 2));
      } else if (line.startsWith("{")) {
        summary = Json.parse(line, "summary line of " + r.command());
      }
    }
    if (summary == null || !summary.has("ok") || !summary.has("failed") || !summary.has("skipped")) {
      fail("no {\"ok\", \"failed\", \"skipped\"} summary line from the peer checker\n" + r.describe());
    }
    Report rep = new Report(r, summary.get("ok").asInt(), summary.get("failed").asInt(), summary.get("skipped").asInt(),
        ok, skips);
    if (rep.ok() != ok.size() || rep.skipped() != skips.size()) {
      fail("the checker's summary disagrees with its OK/SKIP lines\n" + r.describe());
    }
    return rep;
  }

  /** Fails (never skips: CI installs these) unless Debian's zarr-python 2 is importable. */
  static void requireZarrPython(boolean withXarray) {
    String imports = withXarray ? "import zarr, numcodecs, numpy, xarray" : "import zarr, numcodecs, numpy";
    Result r = run(moduleDir(), List.of(PYTHON, "-c", imports + "; print(zarr.__version__)"));
    if (r.exitCode() != 0 || !r.stdout().startsWith("2.")) {
      fail("zarr-python 2.x" + (withXarray ? " and xarray" : "") + " must be importable by " + PYTHON
          + " (the peer this test checks against). Install them with:\n"
          + "  apt-get install python3-zarr" + (withXarray ? " python3-xarray" : "") + "\n" + r.describe());
    }
  }

  /** Fails unless node and the pinned zarrita (npm ci in src/test/js) are installed. */
  static void requireZarrita() {
    Result node = run(moduleDir(), List.of("node", "--version"));
    Path pkg = jsDir().resolve("node_modules/zarrita/package.json");
    String problem = null;
    if (node.exitCode() != 0) {
      problem = "node is not on the PATH (Node 20 is what the fixtures were made with)";
    } else if (!Files.isRegularFile(pkg)) {
      problem = "zarrita is not installed in " + jsDir() + "/node_modules";
    } else {
      try {
        String version = Json.mapper().readTree(Files.readAllBytes(pkg)).path("version").asText();
        if (!version.equals("0.7.5")) {
          problem = "zarrita " + version + " is installed, but package-lock.json pins 0.7.5";
        }
      } catch (IOException e) {
        problem = "cannot read " + pkg + ": " + e;
      }
    }
    if (problem != null) {
      fail(problem + ". Install the pinned JS peer with:\n  (cd " + jsDir() + " && npm ci)\n" + node.describe());
    }
  }
}
