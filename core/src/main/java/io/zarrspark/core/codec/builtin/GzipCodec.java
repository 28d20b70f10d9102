package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** {@code gzip} (RFC 1952) at levels 0-9; v3 "gzip" and numcodecs "gzip". */
public final class GzipCodec implements BytesToBytesCodec {
  private final int level;

  public GzipCodec(int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("gzip level must be in [0, 9], got " + level);
    }
    this.level = level;
  }

  public int level() {
    return level;
  }

  @Override
  public String name() {
    return "gzip";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "gzip");
    o.putObject("configuration").put("level", level);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "gzip");
    o.put("level", level);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, decoded.remaining() / 2));
    try (GZIPOutputStream out = new LeveledGzipOutputStream(bos, level)) {
      ByteBuffer d = decoded.duplicate();
      if (d.hasArray()) {
        out.write(d.array(), d.arrayOffset() + d.position(), d.remaining());
      } else {
        byte[] tmp = new byte[d.remaining()];
        d.get(tmp);
        out.write(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteBuffer.wrap(bos.toByteArray());
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in = Buffers.toArray(encoded);
    BoundedOutput out = new BoundedOutput("gzip", maxDecodedSize, (int) Math.min(Integer.MAX_VALUE / 2, maxDecodedSize));
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in), 65536)) {
      return out.drain(gz);
    } catch (IOException e) {
      throw new CorruptChunkException("gzip data is corrupt or truncated: " + e.getMessage(), e);
    }
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    // Stored deflate blocks: 5 bytes per 16 KiB block, plus the gzip header and trailer.
    return decodedSize + 5 * (decodedSize / 16383 + 1) + 64;
  }

  @Override
  public String toString() {
    return "gzip(" + level + ")";
  }

  private static final class LeveledGzipOutputStream extends GZIPOutputStream {
    LeveledGzipOutputStream(ByteArrayOutputStream out, int level) throws IOException {
      super(out, 65536);
      def.setLevel(level);
    }
  }

  /** Creates {@link GzipCodec}s (default level 5 as numcodecs). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("gzip", "numcodecs.gzip");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("gzip");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      return create(CodecFactory.intOf(conf, "level", 5, ctx), ctx);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return create(CodecFactory.intOf(conf, "level", 5, ctx), ctx);
    }

    private static Codec create(int level, CodecContext ctx) {
      try {
        return new GzipCodec(level);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
