package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.codec.ArrayToBytesCodec;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.codec.PartialDecoder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.NdCopy;
import io.zarrspark.core.ndarray.Shapes;
import io.zarrspark.core.store.ByteSource;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The v3 {@code sharding_indexed} codec: a chunk (the shard) is cut into inner chunks of
 * {@code chunk_shape}, each encoded with the inner {@code codecs} and stored one after another,
 * with an index of their byte ranges (encoded with {@code index_codecs}) at the start or the end.
 * Inner chunks that are entirely fill are not stored. A region read fetches only the index and
 * the inner chunks it needs (see {@link ShardReader}).
 */
public final class ShardingCodec implements ArrayToBytesCodec, PartialDecoder {
  /** Where the index is stored in the shard. */
  public enum IndexLocation { START, END }

  private final int[] innerShape;
  private final CodecChain codecs;
  private final CodecChain indexCodecs;
  private final IndexLocation indexLocation;
  /**
   * The shard shape whose index size was last checked. Chains ask for maxEncodedSize on every
   * decode, and the check encodes a whole empty index, so it runs once per shape, not per shard.
   * A racy cache of an immutable array: at worst the check runs twice.
   */
  private volatile int[] checkedShape;

  public ShardingCodec(int[] innerShape, CodecChain codecs, CodecChain indexCodecs, IndexLocation indexLocation) {
    for (int s : innerShape) {
      if (s < 1) {
        throw new IllegalArgumentException("sharding chunk_shape " + Shapes.toString(innerShape) + " must be positive");
      }
    }
    this.innerShape = innerShape.clone();
    this.codecs = codecs;
    this.indexCodecs = indexCodecs;
    this.indexLocation = indexLocation;
  }

  /** Inner chunks encoded with {@code codecs}; the index little-endian with a crc32c, at the end. */
  public ShardingCodec(int[] innerShape, List<? extends Codec> codecs) {
    this(innerShape, CodecChain.of(codecs, "sharding_indexed codecs"), defaultIndexCodecs(), IndexLocation.END);
  }

  /** The index codecs zarr-python writes by default (and the spec recommends). */
  public static CodecChain defaultIndexCodecs() {
    return CodecChain.of(List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN), new Crc32cCodec()), "sharding_indexed index_codecs");
  }

  public int[] chunkShape() {
    return innerShape.clone();
  }

  public CodecChain codecs() {
    return codecs;
  }

  public CodecChain indexCodecs() {
    return indexCodecs;
  }

  public IndexLocation indexLocation() {
    return indexLocation;
  }

  private boolean indexAtEnd() {
    return indexLocation == IndexLocation.END;
  }

  @Override
  public String name() {
    return "sharding_indexed";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "sharding_indexed");
    ObjectNode c = o.putObject("configuration");
    ArrayNode shape = c.putArray("chunk_shape");
    for (int s : innerShape) {
      shape.add(s);
    }
    c.set("codecs", codecs.toV3JsonList());
    c.set("index_codecs", indexCodecs.toV3JsonList());
    c.put("index_location", indexAtEnd() ? "end" : "start");
    return o;
  }

  ShardLayout layout(ChunkSpec spec) {
    return new ShardLayout(spec, innerShape, indexCodecs);
  }

  /** Bytes of the shard where inner chunks may lie: everything but the index. */
  long dataStart(ShardLayout l) {
    return indexAtEnd() ? 0 : l.indexSize;
  }

  @Override
  public ByteBuffer encode(NdArray decoded, ChunkSpec spec) {
    ShardLayout l = layout(spec);
    ShardIndex index = ShardIndex.empty(l.gridShape, l.count);
    List<ByteBuffer> parts = new ArrayList<>();
    long pos = dataStart(l);
    int[] zero = new int[innerShape.length];
    for (int i = 0; i < l.count; i++) {
      // A new array each time: the bytes codec may hand the array's own bytes on as its output.
      NdArray chunk = NdArray.allocate(spec.type(), innerShape);
      NdCopy.copy(decoded, l.origin(i), chunk, zero, innerShape);
      if (chunk.isFilledWith(spec.fill())) {
        continue;
      }
      ByteBuffer b = codecs.encode(chunk, l.inner);
      index.set(i, pos, b.remaining());
      pos += b.remaining();
      parts.add(b);
    }
    long total = pos + (indexAtEnd() ? l.indexSize : 0);
    if (total > NdArray.MAX_BYTES) {
      throw new ZarrException("a shard of " + spec + " encodes to " + total + " bytes, more than one buffer holds");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total);
    ByteBuffer indexBytes = l.encodeIndex(index);
    if (!indexAtEnd()) {
      out.put(indexBytes);
    }
    for (ByteBuffer p : parts) {
      out.put(p);
    }
    if (indexAtEnd()) {
      out.put(indexBytes);
    }
    out.flip();
    return out;
  }

  @Override
  public NdArray decode(ByteBuffer encoded, ChunkSpec spec) {
    ShardLayout l = layout(spec);
    long size = encoded.remaining();
    if (size < l.indexSize) {
      throw new CorruptChunkException("shard has " + size + " bytes, fewer than its " + l.indexSize + "-byte index");
    }
    long indexAt = indexAtEnd() ? size - l.indexSize : 0;
    ShardIndex index = l.decodeIndex(slice(encoded, indexAt, l.indexSize));
    index.validate(dataStart(l), indexAtEnd() ? size - l.indexSize : size, maxInnerSize(l));
    boolean anyEmpty = false;
    for (int i = 0; i < l.count && !anyEmpty; i++) {
      anyEmpty = index.isEmpty(i);
    }
    NdArray out = anyEmpty ? NdArray.filled(spec.type(), spec.shape(), spec.fill()) : NdArray.allocate(spec.type(), spec.shape());
    int[] zero = new int[innerShape.length];
    for (int i = 0; i < l.count; i++) {
      if (!index.isEmpty(i)) {
        NdArray chunk = decodeInner(l, index, i, slice(encoded, index.offset(i), index.length(i)));
        NdCopy.copy(chunk, zero, out, l.origin(i), innerShape);
      }
    }
    return out;
  }

  /** Decodes inner chunk {@code i}; any failure names the inner chunk and its bytes. */
  NdArray decodeInner(ShardLayout l, ShardIndex index, int i, ByteBuffer bytes) {
    String what = "inner chunk " + Arrays.toString(index.coords(i)) + " (shard bytes [" + index.offset(i) + ", "
        + (index.offset(i) + index.length(i)) + "))";
    NdArray chunk;
    try {
      chunk = codecs.decode(bytes, l.inner);
    } catch (ZarrException e) {
      throw new CorruptChunkException(what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CorruptChunkException(what + ": cannot decode: " + e, e);
    }
    if (!Arrays.equals(chunk.shape(), innerShape) || chunk.type().byteSize() != l.inner.type().byteSize()) {
      throw new CorruptChunkException(what + " decoded to " + chunk + ", not " + l.inner);
    }
    return chunk;
  }

  /** The largest valid inner chunk encoding, or -1 if the inner codecs do not bound it. */
  long maxInnerSize(ShardLayout l) {
    return codecs.maxEncodedSize(l.inner);
  }

  private static ByteBuffer slice(ByteBuffer b, long offset, long length) {
    int start = b.position() + (int) offset;
    return b.duplicate().limit(start + (int) length).position(start).slice();
  }

  /**
   * Every inner chunk at its bound plus the index. Also where an array checks its codecs when
   * opened, so shape and index-codec problems surface then rather than at the first shard.
   */
  @Override
  public long maxEncodedSize(ChunkSpec spec) {
    ShardLayout l = layout(spec);
    int[] shape = spec.shape();
    if (!Arrays.equals(shape, checkedShape)) {
      l.checkFixedIndexSize();
      checkedShape = shape;
    }
    long inner = maxInnerSize(l);
    if (inner < 0 || (l.count > 0 && inner > (Long.MAX_VALUE - l.indexSize) / l.count)) {
      return -1;
    }
    return inner * l.count + l.indexSize;
  }

  @Override
  public Optional<NdArray> decodePartial(ByteSource source, ChunkSpec spec, int[] offset, int[] shape) {
    return new ShardReader(this, layout(spec), source).read(offset, shape);
  }

  @Override
  public String toString() {
    return "sharding_indexed(" + Shapes.toString(innerShape) + ", " + codecs + ", index " + indexCodecs + " at "
        + (indexAtEnd() ? "end" : "start") + ")";
  }

  /** Creates {@link ShardingCodec}s; the nested chains come from the context's registry. */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("sharding_indexed");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      JsonNode cs = conf.get("chunk_shape");
      if (cs == null || !cs.isArray()) {
        throw ctx.invalid("'chunk_shape' must be a list of positive integers, got " + cs);
      }
      int[] shape = new int[cs.size()];
      for (int i = 0; i < shape.length; i++) {
        JsonNode n = cs.get(i);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
          throw ctx.invalid("'chunk_shape' must be a list of positive integers, got " + cs);
        }
        shape[i] = n.intValue();
      }
      CodecChain inner = CodecChain.fromV3(conf.get("codecs"), ctx.registry(), ctx.where() + ": sharding_indexed codecs");
      // The spec requires index_codecs; zarr-python falls back to its default, and so do we.
      JsonNode ic = conf.get("index_codecs");
      CodecChain index = ic == null || ic.isNull() ? defaultIndexCodecs()
          : CodecChain.fromV3(ic, ctx.registry(), ctx.where() + ": sharding_indexed index_codecs");
      JsonNode loc = conf.get("index_location");
      IndexLocation where;
      if (loc == null || loc.isNull() || (loc.isTextual() && loc.textValue().equals("end"))) {
        where = IndexLocation.END;
      } else if (loc.isTextual() && loc.textValue().equals("start")) {
        where = IndexLocation.START;
      } else {
        throw ctx.invalid("'index_location' must be \"start\" or \"end\", got " + loc);
      }
      return new ShardingCodec(shape, inner, index, where);
    }
  }
}
