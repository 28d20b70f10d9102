package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.ndarray.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The index of one shard: for each inner chunk, in C order over the shard's inner grid, the byte
 * offset (from the start of the shard) and length of its encoded bytes. Both are unsigned 64-bit
 * in the format; 2^64-1 in both marks an inner chunk that is not stored (all fill).
 */
final class ShardIndex {
  /** 2^64-1 as a Java long. */
  static final long EMPTY = -1L;

  private final int[] gridShape;
  /** offset, nbytes pairs. */
  private final long[] entries;

  private ShardIndex(int[] gridShape, long[] entries) {
    this.gridShape = gridShape;
    this.entries = entries;
  }

  /** An index of {@code gridShape} inner chunks, all empty. */
  static ShardIndex empty(int[] gridShape, int count) {
    long[] e = new long[2 * count];
    Arrays.fill(e, EMPTY);
    return new ShardIndex(gridShape.clone(), e);
  }

  /** Reads the decoded index array (uint64, shape inner grid + [2], little-endian). */
  static ShardIndex fromArray(NdArray index, int[] gridShape, int count) {
    if (index.size() != 2L * count || index.type().byteSize() != 8) {
      throw new CorruptChunkException("shard index decoded to " + index + ", not " + 2L * count + " uint64 values");
    }
    long[] e = new long[2 * count];
    index.buffer().asLongBuffer().get(e);
    return new ShardIndex(gridShape.clone(), e);
  }

  /** The index as the array the index codecs encode: uint64, shape inner grid + [2]. */
  NdArray toArray() {
    int[] shape = Arrays.copyOf(gridShape, gridShape.length + 1);
    shape[gridShape.length] = 2;
    NdArray a = NdArray.allocate(DataType.UINT64, shape);
    ByteBuffer b = ByteBuffer.wrap(a.data()).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(entries);
    return a;
  }

  int count() {
    return entries.length / 2;
  }

  boolean isEmpty(int i) {
    return entries[2 * i] == EMPTY && entries[2 * i + 1] == EMPTY;
  }

  /** Valid only for entries that passed {@link #validate}, where it is below 2^63. */
  long offset(int i) {
    return entries[2 * i];
  }

  long length(int i) {
    return entries[2 * i + 1];
  }

  void set(int i, long offset, long length) {
    entries[2 * i] = offset;
    entries[2 * i + 1] = length;
  }

  /**
   * Checks every entry before any byte is read or allocated on its behalf: a stored chunk must lie
   * in {@code [dataStart, dataEnd)} (the shard minus its index; dataEnd -1 when the shard size is
   * not known, as in a partial read before any data is fetched) and be no longer than
   * {@code maxChunkBytes} (-1 if the inner codecs give no bound). Overlapping chunks are allowed,
   * as the spec allows them (a writer may store identical chunks once).
   */
  void validate(long dataStart, long dataEnd, long maxChunkBytes) {
    for (int i = 0; i < count(); i++) {
      long off = entries[2 * i];
      long len = entries[2 * i + 1];
      if (off == EMPTY && len == EMPTY) {
        continue;
      }
      String what = "shard index entry of inner chunk " + Arrays.toString(coords(i));
      if (off == EMPTY || len == EMPTY) {
        throw new CorruptChunkException(what + " has offset " + Long.toUnsignedString(off) + " and nbytes "
            + Long.toUnsignedString(len) + ": only both 2^64-1 marks an empty chunk");
      }
      if (off < 0 || len < 0 || off + len < 0) {
        // Unsigned values of 2^63 and more, or a sum past 2^63: no shard is that large.
        throw new CorruptChunkException(what + " has offset " + Long.toUnsignedString(off) + " and nbytes "
            + Long.toUnsignedString(len) + ", which overflow any shard size");
      }
      if (maxChunkBytes >= 0 && len > maxChunkBytes) {
        throw new CorruptChunkException(what + " declares " + len + " bytes, more than the " + maxChunkBytes
            + " an inner chunk can encode to");
      }
      if (off < dataStart || (dataEnd >= 0 && off + len > dataEnd)) {
        throw new CorruptChunkException(what + " points at bytes [" + off + ", " + (off + len)
            + ") outside the chunk data of the shard, [" + dataStart + ", " + (dataEnd >= 0 ? dataEnd : "?") + ")");
      }
    }
  }

  /** Coordinates in the inner grid of the {@code i}-th chunk in C order. */
  int[] coords(int i) {
    int[] c = new int[gridShape.length];
    for (int d = gridShape.length - 1; d >= 0; d--) {
      c[d] = i % gridShape[d];
      i /= gridShape[d];
    }
    return c;
  }
}
