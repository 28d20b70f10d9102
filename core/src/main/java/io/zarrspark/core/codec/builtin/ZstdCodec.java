package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** Zstandard frames through zstd-jni (the library Spark ships); v3 "zstd" and numcodecs "zstd". */
public final class ZstdCodec implements BytesToBytesCodec {
  private final int level;
  private final boolean checksum;

  public ZstdCodec(int level, boolean checksum) {
    if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
      throw new IllegalArgumentException("zstd level must be in [" + Zstd.minCompressionLevel() + ", "
          + Zstd.maxCompressionLevel() + "], got " + level);
    }
    this.level = level;
    this.checksum = checksum;
  }

  @Override
  public String name() {
    return "zstd";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "zstd");
    ObjectNode c = o.putObject("configuration");
    c.put("level", level);
    c.put("checksum", checksum);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "zstd");
    o.put("level", level);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      ctx.setLevel(level);
      ctx.setChecksum(checksum);
      // Writing the content size lets readers (ours and zarr-python's) decode in one shot.
      ctx.setContentSize(true);
      return ByteBuffer.wrap(ctx.compress(in));
    }
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in = Buffers.toArray(encoded);
    try {
      // decompressedSize exists in every zstd-jni Spark ships (1.5.5 for 3.5, 1.5.6 for 4.0); it is
      // 0 or negative when the frame does not declare its size, and then we stream.
      long content = Zstd.decompressedSize(in);
      if (content > 0) {
        if (maxDecodedSize >= 0 && content > maxDecodedSize) {
          throw new CorruptChunkException("zstd frame declares " + content + " decoded bytes, more than the "
              + maxDecodedSize + " a chunk of this array can have");
        }
        if (content > Integer.MAX_VALUE - 16) {
          throw new CorruptChunkException("zstd frame declares " + content + " bytes, more than one buffer holds");
        }
        byte[] out = new byte[(int) content];
        long n = Zstd.decompressByteArray(out, 0, out.length, in, 0, in.length);
        if (!Zstd.isError(n) && n == content) {
          return ByteBuffer.wrap(out);
        }
        // Several concatenated frames overflow the first frame's size: fall through to streaming.
      }
      // No declared size, or several frames: stream into a bounded buffer.
      try (ZstdInputStreamNoFinalizer z = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(in))) {
        return new BoundedOutput("zstd", maxDecodedSize, in.length * 4).drain(z);
      }
    } catch (ZstdException | IOException e) {
      throw new CorruptChunkException("zstd data is corrupt or truncated: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof CorruptChunkException) {
        throw e;
      }
      throw new CorruptChunkException("zstd data is corrupt: " + e, e);
    }
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize + (decodedSize >> 8) + 128;
  }

  @Override
  public String toString() {
    return "zstd(" + level + (checksum ? ", checksum" : "") + ")";
  }

  /** Creates {@link ZstdCodec}s (default level 0, zstd's own default, as in the v3 extension). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("zstd", "numcodecs.zstd");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("zstd");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      return create(conf, ctx);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return create(conf, ctx);
    }

    private static Codec create(ObjectNode conf, CodecContext ctx) {
      int level = CodecFactory.intOf(conf, "level", 0, ctx);
      JsonNode c = conf.get("checksum");
      if (c != null && !c.isNull() && !c.isBoolean()) {
        throw ctx.invalid("'checksum' must be true or false, got " + c);
      }
      try {
        return new ZstdCodec(level, c != null && c.asBoolean());
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
