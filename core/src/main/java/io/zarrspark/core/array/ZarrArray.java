package io.zarrspark.core.array;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.PartialDecoder;
import io.zarrspark.core.grid.ChunkGrid;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.NdCopy;
import io.zarrspark.core.ndarray.Shapes;
import io.zarrspark.core.store.ByteSource;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreException;
import io.zarrspark.core.store.StoreKeys;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * A Zarr array in a store: chunk-level and region-level reads and writes. Chunk keys are computed
 * from the metadata, never listed; a chunk that does not exist reads as the fill value. Instances
 * are immutable snapshots of the metadata and safe to share between threads.
 */
public final class ZarrArray {
  private final Store store;
  private final String path;
  private final ArrayMetadata metadata;
  private final ChunkSpec chunkSpec;
  private final String where;
  /** How to read part of a stored chunk without fetching it whole (sharding), or null. */
  private final PartialDecoder partial;

  ZarrArray(Store store, String path, ArrayMetadata metadata) {
    this.store = store;
    this.path = StoreKeys.validatePath(path);
    this.metadata = metadata;
    this.chunkSpec = metadata.chunkSpec();
    this.where = describe(store, this.path);
    // Fails now, not at the first chunk, when the codecs cannot handle this chunk shape.
    metadata.codecs().maxEncodedSize(chunkSpec);
    this.partial = PartialDecoder.of(metadata.codecs()).orElse(null);
  }

  static String describe(Store store, String path) {
    return "array '" + (path.isEmpty() ? "/" : path) + "' in " + store.describe();
  }

  /** Opens the array at {@code path}; see {@link ArrayIO} for how metadata is found. */
  public static ZarrArray open(Store store, String path) {
    return ArrayIO.open(store, path);
  }

  /** Creates an array, writing its metadata; fails if a node exists there unless {@code overwrite}. */
  public static ZarrArray create(Store store, String path, ArrayMetadata metadata, boolean overwrite) {
    return ArrayIO.create(store, path, metadata, overwrite);
  }

  /** An array object for metadata already read (from consolidated metadata, say). */
  public static ZarrArray of(Store store, String path, ArrayMetadata metadata) {
    return new ZarrArray(store, path, metadata);
  }

  public Store store() {
    return store;
  }

  public String path() {
    return path;
  }

  /** The node's name: the last path segment. */
  public String name() {
    return StoreKeys.name(path);
  }

  public ArrayMetadata metadata() {
    return metadata;
  }

  public ZarrFormat format() {
    return metadata.format();
  }

  public long[] shape() {
    return metadata.shape();
  }

  public ChunkGrid grid() {
    return metadata.grid();
  }

  public ObjectNode attributes() {
    return metadata.attributes();
  }

  @Override
  public String toString() {
    return where;
  }

  /** The store key of a chunk. */
  public String chunkKey(long[] chunkCoords) {
    String rel = metadata.keyEncoding().encode(chunkCoords);
    return path.isEmpty() ? rel : path + "/" + rel;
  }

  /** The stored bytes of a chunk, or empty if it was never written. */
  public Optional<ByteBuffer> readRawChunk(long[] chunkCoords) {
    metadata.grid().checkChunk(chunkCoords, where);
    return store.get(chunkKey(chunkCoords));
  }

  /** A whole chunk (chunk shape, also for edge chunks), or the fill value if it is missing. */
  public NdArray readChunk(long[] chunkCoords) {
    Optional<ByteBuffer> raw = readRawChunk(chunkCoords);
    if (raw.isEmpty()) {
      return NdArray.filled(metadata.dataType(), chunkSpec.shape(), metadata.fillValue());
    }
    return decodeChunk(chunkKey(chunkCoords), raw.get());
  }

  /** Decodes stored chunk bytes; errors name the array and the key. */
  public NdArray decodeChunk(String key, ByteBuffer bytes) {
    try {
      return metadata.codecs().decode(bytes, chunkSpec);
    } catch (ZarrException e) {
      throw new CorruptChunkException(where + ", chunk '" + key + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CorruptChunkException(where + ", chunk '" + key + "': cannot decode: " + e, e);
    }
  }

  /** Encodes a whole chunk as it would be stored. */
  public ByteBuffer encodeChunk(NdArray chunk) {
    checkChunkArray(chunk);
    return metadata.codecs().encode(chunk, chunkSpec);
  }

  /**
   * Stores a whole chunk. A chunk that is entirely the fill value is deleted instead of written
   * (as zarr-python 3 and zarrita do), which keeps sparse arrays sparse.
   */
  public void writeChunk(long[] chunkCoords, NdArray chunk) {
    metadata.grid().checkChunk(chunkCoords, where);
    checkChunkArray(chunk);
    String key = chunkKey(chunkCoords);
    // With a null v2 fill value readers such as zarr-python return undefined memory for a
    // missing chunk, so such chunks are always stored.
    if (!metadata.fillValueNull() && chunk.isFilledWith(metadata.fillValue())) {
      store.delete(key);
    } else {
      store.put(key, metadata.codecs().encode(chunk, chunkSpec));
    }
  }

  private void checkChunkArray(NdArray chunk) {
    if (!Arrays.equals(chunk.shape(), chunkSpec.shape()) || chunk.type().byteSize() != metadata.dataType().byteSize()) {
      throw new IllegalArgumentException(where + ": a chunk must be " + chunkSpec + ", got " + chunk);
    }
  }

  /** Reads the whole array (it must fit in one buffer). */
  public NdArray readAll() {
    long[] shape = shape();
    int[] s = new int[shape.length];
    for (int i = 0; i < s.length; i++) {
      if (shape[i] > Integer.MAX_VALUE) {
        throw new ZarrException(where + ": shape " + Arrays.toString(shape) + " is too large to read whole");
      }
      s[i] = (int) shape[i];
    }
    return read(new long[shape.length], s);
  }

  /** Reads the box of {@code regionShape} at {@code offset} (a hyperslab) into a new array. */
  public NdArray read(long[] offset, int[] regionShape) {
    checkRegion(offset, regionShape);
    NdArray out = NdArray.allocate(metadata.dataType(), regionShape);
    if (out.size() == 0) {
      return out;
    }
    RegionWalk.forEachChunk(metadata.grid(), offset, regionShape, (coords, inChunk, inRegion, extent) -> {
      String key = chunkKey(coords);
      // A region that needs all the stored part of a chunk reads it in one request; a shard
      // needed only in part is read as its index plus the inner chunks the region touches.
      if (partial != null && !Arrays.equals(extent, metadata.grid().validExtent(coords))) {
        NdArray part = readPart(key, inChunk, extent)
            .orElseGet(() -> NdArray.filled(metadata.dataType(), extent, metadata.fillValue()));
        NdCopy.copy(part, new int[extent.length], out, inRegion, extent);
        return;
      }
      Optional<ByteBuffer> raw = store.get(key);
      NdArray chunk = raw.isPresent() ? decodeChunk(key, raw.get()) : fillChunk();
      NdCopy.copy(chunk, inChunk, out, inRegion, extent);
    });
    return out;
  }

  /** The box of a chunk through the partial decoder; empty if the chunk is missing. */
  private Optional<NdArray> readPart(String key, int[] inChunk, int[] extent) {
    try {
      return partial.decodePartial(ByteSource.of(store, key), chunkSpec, inChunk, extent);
    } catch (StoreException e) {
      throw e;
    } catch (ZarrException e) {
      throw new CorruptChunkException(where + ", chunk '" + key + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CorruptChunkException(where + ", chunk '" + key + "': cannot decode: " + e, e);
    }
  }

  /**
   * Writes {@code data} at {@code offset}. Chunks the region covers entirely are encoded from the
   * data alone; partly covered chunks are read, merged and rewritten.
   */
  public void write(long[] offset, NdArray data) {
    int[] regionShape = data.shape();
    checkRegion(offset, regionShape);
    if (data.type().byteSize() != metadata.dataType().byteSize()) {
      throw new IllegalArgumentException(where + ": cannot write " + data.type() + " data to an array of " + metadata.dataType());
    }
    if (data.size() == 0) {
      return;
    }
    int[] cs = chunkSpec.shape();
    RegionWalk.forEachChunk(metadata.grid(), offset, regionShape, (coords, inChunk, inRegion, extent) -> {
      int[] valid = metadata.grid().validExtent(coords);
      boolean whole = Arrays.equals(extent, valid);
      NdArray chunk;
      if (whole) {
        chunk = Arrays.equals(valid, cs) ? NdArray.allocate(metadata.dataType(), cs)
            : NdArray.filled(metadata.dataType(), cs, metadata.fillValue());
      } else {
        chunk = readChunk(coords);
      }
      NdCopy.copy(data, inRegion, chunk, inChunk, extent);
      writeChunk(coords, chunk);
    });
  }

  private NdArray fillChunk() {
    return NdArray.filled(metadata.dataType(), chunkSpec.shape(), metadata.fillValue());
  }

  private void checkRegion(long[] offset, int[] regionShape) {
    long[] shape = shape();
    if (offset.length != shape.length || regionShape.length != shape.length) {
      throw new IndexOutOfBoundsException(where + ": region of rank " + offset.length + "/" + regionShape.length
          + " for an array of rank " + shape.length);
    }
    for (int i = 0; i < shape.length; i++) {
      if (offset[i] < 0 || regionShape[i] < 0 || offset[i] > shape[i] || regionShape[i] > shape[i] - offset[i]) {
        throw new IndexOutOfBoundsException(where + ": region at " + Arrays.toString(offset) + " of shape "
            + Shapes.toString(regionShape) + " is outside the array shape " + Arrays.toString(shape));
      }
    }
  }

  /** Changes the shape, deleting the chunks that fall wholly outside the new shape. */
  public ZarrArray resize(long[] newShape) {
    ArrayMetadata resized = metadata.withShape(newShape, where);
    ChunkGrid oldGrid = metadata.grid();
    ChunkGrid newGrid = resized.grid();
    RegionWalk.forEachGridCell(oldGrid.gridShape(), coords -> {
      for (int i = 0; i < coords.length; i++) {
        if (coords[i] >= newGrid.gridShape()[i]) {
          store.delete(chunkKey(coords));
          return;
        }
      }
    });
    ArrayIO.writeMetadata(store, path, resized);
    return new ZarrArray(store, path, resized);
  }

  /** Replaces the user attributes. */
  public ZarrArray withAttributes(ObjectNode attributes) {
    ArrayMetadata m = metadata.withAttributes(attributes);
    ArrayIO.writeMetadata(store, path, m);
    return new ZarrArray(store, path, m);
  }
}
