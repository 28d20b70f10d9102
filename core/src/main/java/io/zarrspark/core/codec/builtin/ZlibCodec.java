package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib (RFC 1950) streams, as numcodecs "zlib" writes them. */
public final class ZlibCodec implements BytesToBytesCodec {
  private final int level;

  public ZlibCodec(int level) {
    if (level < -1 || level > 9) {
      throw new IllegalArgumentException("zlib level must be in [-1, 9], got " + level);
    }
    this.level = level;
  }

  @Override
  public String name() {
    return "zlib";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    // zarrita knows only "zlib"; zarr-python 3 reads both spellings.
    o.put("name", "zlib");
    o.putObject("configuration").put("level", level);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "zlib");
    o.put("level", level);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    Deflater d = new Deflater(level);
    try {
      d.setInput(in);
      d.finish();
      byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, maxEncodedSize(in.length))];
      int n = 0;
      while (!d.finished()) {
        n += d.deflate(out, n, out.length - n);
        if (n == out.length && !d.finished()) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
      }
      return ByteBuffer.wrap(out, 0, n).slice();
    } finally {
      d.end();
    }
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    return inflate(Buffers.toArray(encoded), maxDecodedSize, "zlib", false);
  }

  /** Inflates a zlib (or, with {@code raw}, a bare deflate) stream into a bounded buffer. */
  static ByteBuffer inflate(byte[] in, long maxDecodedSize, String codec, boolean raw) {
    Inflater inf = new Inflater(raw);
    try {
      inf.setInput(in);
      BoundedOutput out = new BoundedOutput(codec, maxDecodedSize, (int) Math.min(1 << 30, Math.max(maxDecodedSize, in.length * 4L)));
      byte[] probe = new byte[1];
      while (!inf.finished()) {
        if (out.atLimit()) {
          // Full at the ceiling: valid only if the stream ends without another byte.
          if (inf.inflate(probe) > 0) {
            out.room();
          }
          if (!inf.finished()) {
            throw new CorruptChunkException(codec + " stream is truncated");
          }
          break;
        }
        byte[] b = out.room();
        int n = inf.inflate(b, out.size(), out.free());
        out.advance(n);
        if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
          throw new CorruptChunkException(codec + " stream is truncated");
        }
      }
      return out.result();
    } catch (DataFormatException e) {
      throw new CorruptChunkException(codec + " data is corrupt: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize + 5 * (decodedSize / 16383 + 1) + 16;
  }

  @Override
  public String toString() {
    return "zlib(" + level + ")";
  }

  /** Creates {@link ZlibCodec}s (default level 1 as numcodecs). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("zlib", "numcodecs.zlib");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("zlib");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      return create(CodecFactory.intOf(conf, "level", 1, ctx), ctx);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return create(CodecFactory.intOf(conf, "level", 1, ctx), ctx);
    }

    private static Codec create(int level, CodecContext ctx) {
      try {
        return new ZlibCodec(level);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
