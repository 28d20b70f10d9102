package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.Shapes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The geometry of one shard shape under a sharding codec: the inner grid, the inner chunk spec
 * and the index's spec and exact encoded size. Derived from the shard's {@link ChunkSpec}, which
 * the codec only learns at encode/decode time.
 */
final class ShardLayout {
  /** The index of a shard is uint64 whatever the array's type; its fill marks empty entries. */
  static final FillValue INDEX_FILL = new FillValue(DataType.UINT64, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});

  final ChunkSpec shard;
  final ChunkSpec inner;
  final int[] innerShape;
  final int[] gridShape;
  final int count;
  final ChunkSpec indexSpec;
  final long indexSize;
  private final CodecChain indexCodecs;

  ShardLayout(ChunkSpec shard, int[] innerShape, CodecChain indexCodecs) {
    int[] s = shard.shape();
    if (s.length != innerShape.length) {
      throw new InvalidMetadataException("sharding_indexed chunk_shape " + Shapes.toString(innerShape) + " has "
          + innerShape.length + " dimensions but the shard " + Shapes.toString(s) + " has " + s.length);
    }
    int[] grid = new int[s.length];
    for (int d = 0; d < s.length; d++) {
      if (s[d] % innerShape[d] != 0) {
        throw new InvalidMetadataException("sharding_indexed chunk_shape " + Shapes.toString(innerShape)
            + " does not divide the shard shape " + Shapes.toString(s) + " (dimension " + d + ")");
      }
      grid[d] = s[d] / innerShape[d];
    }
    long n = Shapes.count(grid);
    // 16 bytes per entry must fit in one buffer.
    if (n < 0 || n > NdArray.MAX_BYTES / 16) {
      throw new InvalidMetadataException("a shard of " + Shapes.toString(s) + " with inner chunks of "
          + Shapes.toString(innerShape) + " has too many inner chunks (" + n + ") for one index");
    }
    this.shard = shard;
    this.innerShape = innerShape.clone();
    this.inner = shard.withShape(innerShape);
    this.gridShape = grid;
    this.count = (int) n;
    int[] indexShape = Arrays.copyOf(grid, grid.length + 1);
    indexShape[grid.length] = 2;
    this.indexSpec = new ChunkSpec(indexShape, DataType.UINT64, INDEX_FILL);
    this.indexCodecs = indexCodecs;
    this.indexSize = indexCodecs.maxEncodedSize(indexSpec);
    if (indexSize < 0) {
      throw new InvalidMetadataException("sharding_indexed index_codecs " + indexCodecs
          + " have no fixed encoded size (compressors cannot encode a shard index)");
    }
  }

  /**
   * Fails unless the index codecs encode every index to exactly {@link #indexSize} bytes, which
   * readers rely on to find the index. Run once when an array is opened, not per shard.
   */
  void checkFixedIndexSize() {
    long actual = indexCodecs.encode(ShardIndex.empty(gridShape, count).toArray(), indexSpec).remaining();
    if (actual != indexSize) {
      throw new InvalidMetadataException("sharding_indexed index_codecs " + indexCodecs + " encode an index of "
          + count + " entries to " + actual + " bytes, not the fixed " + indexSize
          + " a reader must be able to predict; only fixed-size codecs (bytes, crc32c) may encode the index");
    }
  }

  ByteBuffer encodeIndex(ShardIndex index) {
    ByteBuffer b = indexCodecs.encode(index.toArray(), indexSpec);
    if (b.remaining() != indexSize) {
      throw new ZarrException("sharding_indexed index_codecs encoded the index to " + b.remaining()
          + " bytes instead of " + indexSize);
    }
    return b;
  }

  /** Decodes and checks an index; every problem is a CorruptChunkException. */
  ShardIndex decodeIndex(ByteBuffer bytes) {
    if (bytes.remaining() != indexSize) {
      throw new CorruptChunkException("shard index has " + bytes.remaining() + " bytes, not " + indexSize);
    }
    NdArray a;
    try {
      a = indexCodecs.decode(bytes, indexSpec);
    } catch (ZarrException e) {
      throw new CorruptChunkException("shard index cannot be decoded: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CorruptChunkException("shard index cannot be decoded: " + e, e);
    }
    return ShardIndex.fromArray(a, gridShape, count);
  }

  /** Position of inner chunk {@code i} (C order) in the shard, in elements per dimension. */
  int[] origin(int i) {
    int[] c = new int[gridShape.length];
    for (int d = gridShape.length - 1; d >= 0; d--) {
      c[d] = (i % gridShape[d]) * innerShape[d];
      i /= gridShape[d];
    }
    return c;
  }

  /** C-order number of the inner chunk at inner-grid coordinates {@code c}. */
  int linear(int[] c) {
    int i = 0;
    for (int d = 0; d < c.length; d++) {
      i = i * gridShape[d] + c[d];
    }
    return i;
  }
}
