package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.ArrayToBytesCodec;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The v3 {@code bytes} codec: elements in C order, each in a fixed byte order. */
public final class BytesCodec implements ArrayToBytesCodec {
  /** Null when the configuration gave no endian (allowed only for single-byte types). */
  private final ByteOrder endian;

  public BytesCodec(ByteOrder endian) {
    this.endian = endian;
  }

  public ByteOrder endian() {
    return endian == null ? ByteOrder.LITTLE_ENDIAN : endian;
  }

  @Override
  public String name() {
    return "bytes";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "bytes");
    ObjectNode c = o.putObject("configuration");
    if (endian != null) {
      c.put("endian", Endian.name(endian));
    }
    return o;
  }

  private boolean swaps(ChunkSpec spec) {
    int unit = spec.type().swapUnit();
    if (unit > 1 && endian == null) {
      throw new IllegalStateException("the bytes codec needs an endian for " + spec.type());
    }
    return unit > 1 && endian == ByteOrder.BIG_ENDIAN;
  }

  @Override
  public ByteBuffer encode(NdArray decoded, ChunkSpec spec) {
    byte[] d = decoded.data();
    if (!swaps(spec)) {
      return ByteBuffer.wrap(d);
    }
    return ByteBuffer.wrap(Endian.swap(d, 0, d.length, spec.type().swapUnit()));
  }

  @Override
  public NdArray decode(ByteBuffer encoded, ChunkSpec spec) {
    int expected = spec.byteSize();
    if (encoded.remaining() != expected) {
      throw new CorruptChunkException("chunk has " + encoded.remaining() + " bytes but a chunk of "
          + spec + " needs exactly " + expected);
    }
    byte[] out;
    if (swaps(spec)) {
      if (encoded.hasArray()) {
        out = Endian.swap(encoded.array(), encoded.arrayOffset() + encoded.position(), expected, spec.type().swapUnit());
      } else {
        byte[] tmp = new byte[expected];
        encoded.duplicate().get(tmp);
        out = Endian.swap(tmp, 0, expected, spec.type().swapUnit());
      }
    } else if (encoded.hasArray() && encoded.arrayOffset() == 0 && encoded.position() == 0
        && encoded.array().length == expected) {
      // The common case: the decompressor's output becomes the array without a copy.
      out = encoded.array();
    } else {
      out = new byte[expected];
      encoded.duplicate().get(out);
    }
    return NdArray.wrap(spec.type(), spec.shape(), out);
  }

  @Override
  public long maxEncodedSize(ChunkSpec spec) {
    if (spec.type().kind() == io.zarrspark.core.dtype.DataType.Kind.VLEN_UTF8) {
      // Its elements are heap handles, meaningless once stored; fail when the array is opened.
      throw new io.zarrspark.core.InvalidMetadataException("the bytes codec cannot store variable-length"
          + " strings; they need the vlen-utf8 codec");
    }
    return spec.byteSize();
  }

  @Override
  public String toString() {
    return "bytes(" + (endian == null ? "-" : Endian.name(endian)) + ")";
  }

  /** Creates {@link BytesCodec}s; "endian" was a required field in early v3 drafts. */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("bytes", "endian");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      JsonNode e = conf.get("endian");
      if (e == null || e.isNull()) {
        return new BytesCodec(null);
      }
      try {
        return new BytesCodec(Endian.parse(e.asText()));
      } catch (IllegalArgumentException ex) {
        throw ctx.invalid(ex.getMessage());
      }
    }
  }
}
