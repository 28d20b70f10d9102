package io.zarrspark.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writing the cube in each format and codec, and what the results look like on disk. */
final class Datasets {
  private Datasets() {}

  /** A stored variant: format, codec, where it is. */
  static final class Variant {
    final boolean zarr;
    final String codec;
    final Path path;

    Variant(boolean zarr, String codec, Path dataDir) {
      this.zarr = zarr;
      this.codec = codec;
      this.path = dataDir.resolve((zarr ? "zarr-" : "parquet-") + codec);
    }

    String label() {
      return (zarr ? "zarr " : "parquet ") + codec;
    }

    /** Writes {@code cube}; the path must not exist (deleting it is not part of a write's time). */
    void write(Dataset<Row> cube, BenchConfig c) {
      if (zarr) {
        DataFrameWriter<Row> w = cube.write().format("zarr").option("dimensions", "time,lat,lon");
        // blosc is lz4 with byte shuffle by default (numcodecs' Blosc()); the label says so.
        w = w.option("compression", codec.startsWith("blosc") ? "blosc" : codec);
        if (!c.chunks.equals("auto")) {
          w = w.option("chunks", c.chunks);
        }
        w.save(path.toString());
      } else {
        cube.write().option("compression", codec).parquet(path.toString());
      }
    }
  }

  /** Bytes of the data files, without Hadoop's .crc side files (which both formats get). */
  static long sizeOnDisk(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long fileCount(Path root, String suffix) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chunk shape the writer chose (it matters for every zarr figure, so it is reported). */
  static int[] chunkShape(Path zarrGroup, String array) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(zarrGroup.resolve(array).resolve("zarr.json").toFile());
    JsonNode cs = doc.path("chunk_grid").path("configuration").path("chunk_shape");
    int[] out = new int[cs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cs.get(i).asInt();
    }
    return out;
  }

  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
