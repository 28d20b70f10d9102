package io.zarrspark.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.ZarrException;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered pipeline: array-to-array codecs, exactly one array-to-bytes codec, then
 * bytes-to-bytes codecs. The chain is itself an array-to-bytes codec, so sharding nests chains.
 */
public final class CodecChain implements ArrayToBytesCodec {
  private final List<ArrayToArrayCodec> arrayCodecs;
  private final ArrayToBytesCodec serializer;
  private final List<BytesToBytesCodec> bytesCodecs;

  public CodecChain(List<ArrayToArrayCodec> arrayCodecs, ArrayToBytesCodec serializer,
      List<BytesToBytesCodec> bytesCodecs) {
    this.arrayCodecs = List.copyOf(arrayCodecs);
    this.serializer = serializer;
    this.bytesCodecs = List.copyOf(bytesCodecs);
  }

  /** Orders a flat list of codecs as the v3 spec requires, or fails naming the misplaced one. */
  public static CodecChain of(List<? extends Codec> codecs, String where) {
    List<ArrayToArrayCodec> a = new ArrayList<>();
    ArrayToBytesCodec s = null;
    List<BytesToBytesCodec> b = new ArrayList<>();
    for (Codec c : codecs) {
      if (c instanceof ArrayToArrayCodec) {
        if (s != null) {
          throw new InvalidMetadataException(where + ": array-to-array codec '" + c.name()
              + "' must come before the array-to-bytes codec '" + s.name() + "'");
        }
        a.add((ArrayToArrayCodec) c);
      } else if (c instanceof ArrayToBytesCodec) {
        if (s != null) {
          throw new InvalidMetadataException(where + ": more than one array-to-bytes codec ('" + s.name()
              + "' and '" + c.name() + "')");
        }
        s = (ArrayToBytesCodec) c;
      } else if (c instanceof BytesToBytesCodec) {
        if (s == null) {
          throw new InvalidMetadataException(where + ": bytes-to-bytes codec '" + c.name()
              + "' must come after an array-to-bytes codec");
        }
        b.add((BytesToBytesCodec) c);
      } else {
        throw new InvalidMetadataException(where + ": codec '" + c.name() + "' is of no known kind");
      }
    }
    if (s == null) {
      throw new InvalidMetadataException(where + ": codecs must contain an array-to-bytes codec (such as 'bytes')");
    }
    return new CodecChain(a, s, b);
  }

  /** Parses a v3 {@code codecs} list. */
  public static CodecChain fromV3(JsonNode codecs, CodecRegistry registry, String where) {
    if (codecs == null || !codecs.isArray() || codecs.isEmpty()) {
      throw new InvalidMetadataException(where + ": codecs must be a non-empty list");
    }
    List<Codec> list = new ArrayList<>();
    for (JsonNode entry : codecs) {
      list.add(registry.fromV3(entry, where));
    }
    return of(list, where);
  }

  public List<ArrayToArrayCodec> arrayCodecs() {
    return arrayCodecs;
  }

  public ArrayToBytesCodec serializer() {
    return serializer;
  }

  public List<BytesToBytesCodec> bytesCodecs() {
    return bytesCodecs;
  }

  /** Every codec in order. */
  public List<Codec> codecs() {
    List<Codec> all = new ArrayList<>(arrayCodecs);
    all.add(serializer);
    all.addAll(bytesCodecs);
    return all;
  }

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public ObjectNode toV3Json() {
    throw new UnsupportedOperationException("a chain is written as a list: use toV3JsonList()");
  }

  public ArrayNode toV3JsonList() {
    ArrayNode out = Json.NODES.arrayNode();
    for (Codec c : codecs()) {
      out.add(c.toV3Json());
    }
    return out;
  }

  /** The spec the serializer sees after the array-to-array codecs. */
  private ChunkSpec[] specs(ChunkSpec spec) {
    ChunkSpec[] specs = new ChunkSpec[arrayCodecs.size() + 1];
    specs[0] = spec;
    for (int i = 0; i < arrayCodecs.size(); i++) {
      specs[i + 1] = arrayCodecs.get(i).encodedSpec(specs[i]);
    }
    return specs;
  }

  @Override
  public ByteBuffer encode(NdArray decoded, ChunkSpec spec) {
    ChunkSpec[] specs = specs(spec);
    NdArray a = decoded;
    for (int i = 0; i < arrayCodecs.size(); i++) {
      a = arrayCodecs.get(i).encode(a, specs[i]);
    }
    ByteBuffer b = serializer.encode(a, specs[specs.length - 1]);
    for (BytesToBytesCodec c : bytesCodecs) {
      b = c.encode(b);
    }
    return b;
  }

  @Override
  public NdArray decode(ByteBuffer encoded, ChunkSpec spec) {
    ChunkSpec[] specs = specs(spec);
    long[] bounds = bytesBounds(specs[specs.length - 1]);
    ByteBuffer b = encoded;
    for (int i = bytesCodecs.size() - 1; i >= 0; i--) {
      BytesToBytesCodec c = bytesCodecs.get(i);
      try {
        b = c.decode(b, bounds[i]);
      } catch (ZarrException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CorruptChunkException("codec '" + c.name() + "' cannot decode the chunk: " + e, e);
      }
      if (bounds[i] >= 0 && b.remaining() > bounds[i]) {
        throw new CorruptChunkException("codec '" + c.name() + "' decoded " + b.remaining()
            + " bytes, more than the " + bounds[i] + " a chunk of " + spec + " can have");
      }
    }
    NdArray a = serializer.decode(b, specs[specs.length - 1]);
    for (int i = arrayCodecs.size() - 1; i >= 0; i--) {
      a = arrayCodecs.get(i).decode(a, specs[i]);
    }
    return a;
  }

  /** For each bytes codec, the largest input it may have produced from a valid chunk. */
  private long[] bytesBounds(ChunkSpec serializerSpec) {
    long[] bounds = new long[bytesCodecs.size()];
    long size = serializer.maxEncodedSize(serializerSpec);
    for (int i = 0; i < bytesCodecs.size(); i++) {
      bounds[i] = size;
      size = size < 0 ? -1 : bytesCodecs.get(i).maxEncodedSize(size);
    }
    return bounds;
  }

  @Override
  public long maxEncodedSize(ChunkSpec spec) {
    ChunkSpec[] specs = specs(spec);
    long size = serializer.maxEncodedSize(specs[specs.length - 1]);
    for (BytesToBytesCodec c : bytesCodecs) {
      size = size < 0 ? -1 : c.maxEncodedSize(size);
    }
    return size;
  }

  @Override
  public String toString() {
    return codecs().toString();
  }
}
