package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.PartialDecoder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.NdCopy;
import io.zarrspark.core.ndarray.Shapes;
import io.zarrspark.core.store.ByteRange;
import io.zarrspark.core.store.ByteSource;
import io.zarrspark.core.store.StoreException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a box of one shard without fetching the shard: one request for the index (a suffix or a
 * prefix), then one batched request ({@link ByteSource#ranges}) for the inner chunks the box
 * touches. Inner chunks that are themselves partially decodable (nested sharding) and only partly
 * covered are read the same way through a slice of this shard.
 */
final class ShardReader {
  private final ShardingCodec codec;
  private final ShardLayout layout;
  private final ByteSource source;

  ShardReader(ShardingCodec codec, ShardLayout layout, ByteSource source) {
    this.codec = codec;
    this.layout = layout;
    this.source = source;
  }

  /** An inner chunk the box touches: its number and where its part goes. */
  private record Piece(int index, int[] inInner, int[] inOut, int[] extent) {}

  Optional<NdArray> read(int[] offset, int[] shape) {
    checkBox(offset, shape);
    Optional<ShardIndex> found = readIndex();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ShardIndex index = found.get();
    List<Piece> pieces = pieces(offset, shape);
    boolean anyEmpty = pieces.stream().anyMatch(p -> index.isEmpty(p.index()));
    NdArray out = anyEmpty ? NdArray.filled(layout.shard.type(), shape, layout.shard.fill())
        : NdArray.allocate(layout.shard.type(), shape);
    Optional<PartialDecoder> nested = PartialDecoder.of(codec.codecs());
    // Distinct byte ranges in request order: chunks a writer deduplicated are fetched once.
    Map<ByteRange, List<Piece>> wanted = new LinkedHashMap<>();
    for (Piece p : pieces) {
      int i = p.index();
      if (index.isEmpty(i)) {
        continue;
      }
      if (nested.isPresent() && !Arrays.equals(p.extent(), layout.innerShape)) {
        ByteSource inner = source.slice(index.offset(i), index.length(i));
        Optional<NdArray> part;
        try {
          part = nested.get().decodePartial(inner, layout.inner, p.inInner(), p.extent());
        } catch (CorruptChunkException e) {
          throw new CorruptChunkException("inner chunk " + Arrays.toString(index.coords(i)) + " (shard bytes ["
              + index.offset(i) + ", " + (index.offset(i) + index.length(i)) + ")): " + e.getMessage(), e);
        }
        if (part.isEmpty()) {
          return Optional.empty();
        }
        NdCopy.copy(part.get(), new int[shape.length], out, p.inOut(), p.extent());
      } else {
        wanted.computeIfAbsent(new ByteRange(index.offset(i), index.length(i)), r -> new ArrayList<>()).add(p);
      }
    }
    if (wanted.isEmpty()) {
      return Optional.of(out);
    }
    List<ByteRange> ranges = new ArrayList<>(wanted.keySet());
    Optional<List<ByteBuffer>> got = fetch(ranges);
    if (got.isEmpty()) {
      // The shard was deleted after its index was read: it now reads as fill, like any missing shard.
      return Optional.empty();
    }
    for (int k = 0; k < ranges.size(); k++) {
      List<Piece> ps = wanted.get(ranges.get(k));
      NdArray chunk = codec.decodeInner(layout, index, ps.get(0).index(), got.get().get(k));
      for (Piece p : ps) {
        NdCopy.copy(chunk, p.inInner(), out, p.inOut(), p.extent());
      }
    }
    return Optional.of(out);
  }

  private void checkBox(int[] offset, int[] shape) {
    int[] s = layout.shard.shape();
    boolean ok = offset.length == s.length && shape.length == s.length;
    for (int d = 0; ok && d < s.length; d++) {
      ok = offset[d] >= 0 && shape[d] >= 0 && offset[d] <= s[d] && shape[d] <= s[d] - offset[d];
    }
    if (!ok) {
      throw new IllegalArgumentException("box at " + Arrays.toString(offset) + " of shape " + Shapes.toString(shape)
          + " is not inside the shard " + layout.shard);
    }
  }

  private Optional<ShardIndex> readIndex() {
    boolean atEnd = codec.dataStart(layout) == 0;
    Optional<ByteBuffer> bytes;
    try {
      bytes = atEnd ? source.suffix(layout.indexSize) : source.range(0, layout.indexSize);
    } catch (StoreException e) {
      // Only an extra request when the read already failed: is the shard too short for an index?
      Optional<Long> size = source.size();
      if (size.isPresent() && size.get() < layout.indexSize) {
        throw new CorruptChunkException("shard has " + size.get() + " bytes, fewer than its "
            + layout.indexSize + "-byte index", e);
      }
      throw e;
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    ShardIndex index = layout.decodeIndex(bytes.get());
    // Without the shard's size (a store key) the end of the data is checked when it is fetched.
    long known = source.knownSize();
    long dataEnd = known < 0 ? -1 : atEnd ? known - layout.indexSize : known;
    index.validate(codec.dataStart(layout), dataEnd, codec.maxInnerSize(layout));
    return Optional.of(index);
  }

  private Optional<List<ByteBuffer>> fetch(List<ByteRange> ranges) {
    try {
      return source.ranges(ranges);
    } catch (StoreException e) {
      // A range past the end of the value is a corrupt index, not a store failure: say so.
      Optional<Long> size = source.size();
      if (size.isPresent()) {
        long end = codec.dataStart(layout) == 0 ? size.get() - layout.indexSize : size.get();
        for (ByteRange r : ranges) {
          if (r.end() > end) {
            throw new CorruptChunkException("shard index points at bytes [" + r.offset() + ", " + r.end()
                + ") but the chunk data of the " + size.get() + "-byte shard ends at " + end, e);
          }
        }
      }
      throw e;
    }
  }

  /** The inner chunks the box touches, in C order, with the intersection in both frames. */
  private List<Piece> pieces(int[] offset, int[] shape) {
    int rank = shape.length;
    List<Piece> out = new ArrayList<>();
    int[] lo = new int[rank];
    int[] hi = new int[rank];
    for (int d = 0; d < rank; d++) {
      if (shape[d] == 0) {
        return out;
      }
      lo[d] = offset[d] / layout.innerShape[d];
      hi[d] = (offset[d] + shape[d] - 1) / layout.innerShape[d];
    }
    int[] c = lo.clone();
    while (true) {
      int[] inInner = new int[rank];
      int[] inOut = new int[rank];
      int[] extent = new int[rank];
      for (int d = 0; d < rank; d++) {
        int start = c[d] * layout.innerShape[d];
        int from = Math.max(start, offset[d]);
        int to = Math.min(start + layout.innerShape[d], offset[d] + shape[d]);
        inInner[d] = from - start;
        inOut[d] = from - offset[d];
        extent[d] = to - from;
      }
      out.add(new Piece(layout.linear(c), inInner, inOut, extent));
      int d = rank - 1;
      while (d >= 0 && ++c[d] > hi[d]) {
        c[d] = lo[d];
        d--;
      }
      if (d < 0) {
        return out;
      }
    }
  }
}
