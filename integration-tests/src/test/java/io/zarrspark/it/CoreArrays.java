package io.zarrspark.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.util.Json;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes arrays with core into one store and records each in a {@link ManifestWriter}. The
 * expected contents are computed here independently of core (fill everywhere, then the written
 * regions copied in), and core's own {@code readAll()} of the reopened array must return exactly
 * those bytes before a peer is asked to.
 */
final class CoreArrays {
  /** A box written with {@link ZarrArray#write}: its offset and shape. */
  record Region(long[] offset, int[] shape) {}

  private final FileSystemStore store;
  private final ZarrFormat format;
  private final ManifestWriter manifest;

  CoreArrays(Path storeRoot, ZarrFormat format, String storeName, Path manifestDir) {
    this.store = localStore(storeRoot);
    this.format = format;
    this.manifest = new ManifestWriter(manifestDir, storeName, storeRoot);
    group("", "root of a store written by zarr-spark core for peer read checks");
  }

  /**
   * A store on the local file system without Hadoop's {@code .crc} side files, so that the peers
   * see a store laid out as any Zarr implementation would write it. The file system instance is
   * private (not cached) so that turning checksums off affects nobody else.
   */
  static FileSystemStore localStore(Path root) {
    Configuration conf = new Configuration();
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystemStore s = new FileSystemStore(root.toUri(), conf);
    s.fileSystem().setWriteChecksum(false);
    return s;
  }

  FileSystemStore store() {
    return store;
  }

  ManifestWriter manifest() {
    return manifest;
  }

  void group(String path, String description) {
    ObjectNode attrs = Json.newObject();
    attrs.put("description", description);
    ZarrGroup.create(store, path, format, attrs, true);
  }

  /** The whole array written in one region write with generated values. */
  ObjectNode dense(String path, ArrayMetadataBuilder b) {
    ArrayMetadata m = b.build();
    int[] shape = intShape(m.shape());
    return write(path, m, List.of(new Region(new long[shape.length], shape)), null);
  }

  /** The whole array written from {@code data} (values a consumer such as xarray can interpret). */
  ObjectNode dense(String path, ArrayMetadataBuilder b, NdArray data) {
    ArrayMetadata m = b.build();
    return write(path, m, List.of(new Region(new long[m.rank()], data.shape())), data);
  }

  /** Only {@code regions} written; chunks they do not touch are never stored. */
  ObjectNode sparse(String path, ArrayMetadataBuilder b, Region... regions) {
    ObjectNode e = write(path, b.build(), List.of(regions), null);
    // Otherwise the peers would not be shown a missing chunk at all.
    assertTrue(e.get("missing_chunks").asBoolean(), path + " was meant to have chunks never written");
    return e;
  }

  /** Writes each region (with {@code given} data if not null, else generated values). */
  private ObjectNode write(String path, ArrayMetadata m, List<Region> regions, NdArray given) {
    DataType t = m.dataType();
    ZarrArray a = ZarrArray.create(store, path, m, true);
    NdArray expected = NdArray.filled(t, intShape(m.shape()), m.fillValue());
    long seed = path.hashCode();
    for (Region r : regions) {
      NdArray data = given != null ? given : TestValues.array(t, r.shape(), seed++);
      copyInto(data, expected, r.offset());
      a.write(r.offset(), data);
    }
    ZarrArray reopened = ZarrArray.open(store, path);
    NdArray back = reopened.readAll();
    assertArrayEquals(expected.data(), back.data(), "core reads back " + path + " exactly");
    long stored = countStoredChunks(reopened);
    return manifest.add(reopened, expected.data(), stored < reopened.grid().chunkCount(), stored);
  }

  /** Copies {@code src} into {@code dst} at {@code offset}, element by element in C order. */
  static void copyInto(NdArray src, NdArray dst, long[] offset) {
    int es = src.type().byteSize();
    int[] s = src.shape();
    int[] d = dst.shape();
    int[] idx = new int[s.length];
    for (long i = 0; i < src.size(); i++) {
      long flat = 0;
      for (int k = 0; k < d.length; k++) {
        flat = flat * d[k] + offset[k] + idx[k];
      }
      System.arraycopy(src.data(), (int) (i * es), dst.data(), (int) (flat * es), es);
      for (int k = s.length - 1; k >= 0; k--) {
        if (++idx[k] < s[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
  }

  static long countStoredChunks(ZarrArray a) {
    long[] grid = a.grid().gridShape();
    long total = a.grid().chunkCount();
    long stored = 0;
    long[] c = new long[grid.length];
    for (long i = 0; i < total; i++) {
      if (a.readRawChunk(c).isPresent()) {
        stored++;
      }
      for (int k = grid.length - 1; k >= 0; k--) {
        if (++c[k] < grid[k]) {
          break;
        }
        c[k] = 0;
      }
    }
    return stored;
  }

  static int[] intShape(long[] shape) {
    int[] s = new int[shape.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.toIntExact(shape[i]);
    }
    return s;
  }

  static long[] l(long... v) {
    return v;
  }

  static int[] i(int... v) {
    return v;
  }

  static Region region(long[] offset, int[] shape) {
    assertEquals(offset.length, shape.length);
    return new Region(offset, shape);
  }

}
