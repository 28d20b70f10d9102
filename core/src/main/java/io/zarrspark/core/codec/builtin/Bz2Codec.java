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
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** numcodecs {@code bz2}: a plain bzip2 stream (commons-compress). v2 id "bz2", v3 "numcodecs.bz2". */
public final class Bz2Codec implements BytesToBytesCodec {
  private final int level;

  public Bz2Codec(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("bz2 level must be in [1, 9], got " + level);
    }
    this.level = level;
  }

  public int level() {
    return level;
  }

  @Override
  public String name() {
    return "numcodecs.bz2";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "numcodecs.bz2");
    o.putObject("configuration").put("level", level);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "bz2");
    o.put("level", level);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, in.length / 4));
    // bzip2's level is its block size in units of 100 kB.
    try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bos, level)) {
      out.write(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteBuffer.wrap(bos.toByteArray());
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in = Buffers.toArray(encoded);
    BoundedOutput out = new BoundedOutput("bz2", maxDecodedSize, (int) Math.min(1 << 26, in.length * 4L));
    // Concatenated streams decode as one, as Python's bz2.decompress does.
    try (BZip2CompressorInputStream bz = new BZip2CompressorInputStream(new ByteArrayInputStream(in), true)) {
      return out.drain(bz);
    } catch (IOException e) {
      throw new CorruptChunkException("bz2 data is corrupt or truncated: " + e.getMessage(), e);
    }
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    // bzip2 documents at most 1% + 600 bytes of growth; the margin covers commons-compress's tables.
    return decodedSize + decodedSize / 50 + 1024;
  }

  @Override
  public String toString() {
    return "bz2(" + level + ")";
  }

  /** Creates {@link Bz2Codec}s (default level 1, as numcodecs). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("numcodecs.bz2");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("bz2");
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
        return new Bz2Codec(level);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
