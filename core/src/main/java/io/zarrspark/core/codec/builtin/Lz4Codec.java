package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * numcodecs {@code lz4}: the decoded size as a 4-byte little-endian integer, then one raw LZ4
 * block. v2 id "lz4", v3 "numcodecs.lz4".
 */
public final class Lz4Codec implements BytesToBytesCodec {
  private static final int HEADER = 4;
  /** An LZ4 block expands at most about 255 times (each length byte adds 255). */
  private static final long MAX_RATIO = 256;
  static final LZ4Factory FACTORY = factory();
  private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
  private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();

  private final int acceleration;

  /**
   * @param acceleration numcodecs' speed/ratio knob, kept for the metadata; lz4-java 1.8.0 has no
   *     such setting, so data is always compressed as with acceleration 1 (valid for any reader)
   */
  public Lz4Codec(int acceleration) {
    this.acceleration = acceleration;
  }

  /**
   * The JNI build when it loads, else the pure-Java safe one. Never the "unsafe" Java build nor a
   * fast decompressor: those lack bounds checks on corrupt input in lz4-java 1.8.0 (CVE-2025-12183).
   */
  private static LZ4Factory factory() {
    try {
      return LZ4Factory.nativeInstance();
    } catch (Throwable e) {
      return LZ4Factory.safeInstance();
    }
  }

  public int acceleration() {
    return acceleration;
  }

  @Override
  public String name() {
    return "numcodecs.lz4";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "numcodecs.lz4");
    o.putObject("configuration").put("acceleration", acceleration);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "lz4");
    o.put("acceleration", acceleration);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    byte[] out = new byte[HEADER + COMPRESSOR.maxCompressedLength(in.length)];
    BloscShuffle.putLe32(out, 0, in.length);
    int n = COMPRESSOR.compress(in, 0, in.length, out, HEADER, out.length - HEADER);
    return ByteBuffer.wrap(out, 0, HEADER + n).slice();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in;
    int off;
    int len = encoded.remaining();
    if (encoded.hasArray()) {
      in = encoded.array();
      off = encoded.arrayOffset() + encoded.position();
    } else {
      in = Buffers.toArray(encoded);
      off = 0;
    }
    if (len < HEADER) {
      throw new CorruptChunkException("lz4 chunk has " + len + " bytes, fewer than its 4-byte size header");
    }
    int size = BloscShuffle.le32(in, off);
    if (size < 0 || size > NdArray.MAX_BYTES) {
      throw new CorruptChunkException("lz4 header declares " + Integer.toUnsignedLong(size)
          + " decoded bytes, more than one buffer holds");
    }
    if (maxDecodedSize >= 0 && size > maxDecodedSize) {
      throw new CorruptChunkException("lz4 header declares " + size + " decoded bytes, more than the "
          + maxDecodedSize + " a chunk of this array can have");
    }
    if (size > (len - HEADER) * MAX_RATIO + 16) {
      throw new CorruptChunkException("lz4 header declares " + size + " decoded bytes, more than "
          + (len - HEADER) + " bytes of lz4 data can hold");
    }
    byte[] out = new byte[size];
    int n;
    try {
      n = DECOMPRESSOR.decompress(in, off + HEADER, len - HEADER, out, 0, size);
    } catch (LZ4Exception e) {
      throw new CorruptChunkException("lz4 data is corrupt or truncated: " + e.getMessage(), e);
    }
    if (n != size) {
      throw new CorruptChunkException("lz4 data decodes to " + n + " bytes but its header declares " + size);
    }
    return ByteBuffer.wrap(out);
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return HEADER + decodedSize + decodedSize / 255 + 16;
  }

  @Override
  public String toString() {
    return "lz4(" + acceleration + ")";
  }

  /** Creates {@link Lz4Codec}s (default acceleration 1, as numcodecs). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("numcodecs.lz4");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("lz4");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      return new Lz4Codec(CodecFactory.intOf(conf, "acceleration", 1, ctx));
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      return new Lz4Codec(CodecFactory.intOf(conf, "acceleration", 1, ctx));
    }
  }
}
