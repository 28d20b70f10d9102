package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Blosc 1.x frames in pure Java (inner codecs from lz4-java, snappy-java, zstd-jni, java.util.zip
 * and our own BloscLZ); v3 "blosc" and numcodecs "blosc". Decoding trusts only the frame header:
 * writers disagree with their metadata (zarrita always writes typesize 4 and never shuffles).
 */
public final class BloscCodec implements BytesToBytesCodec {
  /** c-blosc compressor codes (not the 3-bit format codes in the header: lz4hc shares lz4's). */
  static final int CODE_BLOSCLZ = 0;
  static final int CODE_LZ4 = 1;
  static final int CODE_LZ4HC = 2;
  static final int CODE_SNAPPY = 3;
  static final int CODE_ZLIB = 4;
  static final int CODE_ZSTD = 5;
  private static final List<String> CNAMES = List.of("blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd");
  private static final int[] FORMAT_OF_CODE = {0, 1, 1, 2, 3, 4};

  /** Shuffle modes; AUTOSHUFFLE is numcodecs' -1, resolved from the typesize when encoding. */
  public enum Shuffle {
    NOSHUFFLE(0, "noshuffle"), SHUFFLE(1, "shuffle"), BITSHUFFLE(2, "bitshuffle"), AUTOSHUFFLE(-1, null);

    final int v2;
    final String v3;

    Shuffle(int v2, String v3) {
      this.v2 = v2;
      this.v3 = v3;
    }

    static Shuffle ofV2(int code) {
      for (Shuffle s : values()) {
        if (s.v2 == code) {
          return s;
        }
      }
      throw new IllegalArgumentException("blosc shuffle must be -1, 0, 1 or 2, got " + code);
    }

    static Shuffle ofV3(String name) {
      for (Shuffle s : values()) {
        if (name.equals(s.v3)) {
          return s;
        }
      }
      throw new IllegalArgumentException("blosc shuffle must be \"noshuffle\", \"shuffle\" or \"bitshuffle\", got \"" + name + "\"");
    }
  }

  private final String cname;
  private final int compcode;
  private final int clevel;
  private final Shuffle shuffle;
  private final int typesize;
  private final int blocksize;

  /**
   * @param typesize element size used to shuffle when encoding; 0 when unknown (a v2 compressor
   *     knows no dtype; see {@link #withTypesize}), in which case blosc treats data as bytes
   * @param blocksize forced block size, 0 for c-blosc's automatic choice
   */
  public BloscCodec(String cname, int clevel, Shuffle shuffle, int typesize, int blocksize) {
    this.compcode = CNAMES.indexOf(cname);
    if (compcode < 0) {
      throw new IllegalArgumentException("blosc cname must be one of " + CNAMES + ", got \"" + cname + "\"");
    }
    if (clevel < 0 || clevel > 9) {
      throw new IllegalArgumentException("blosc clevel must be in [0, 9], got " + clevel);
    }
    if (typesize < 0) {
      throw new IllegalArgumentException("blosc typesize must be positive, got " + typesize);
    }
    if (blocksize < 0) {
      throw new IllegalArgumentException("blosc blocksize must be 0 (automatic) or positive, got " + blocksize);
    }
    this.cname = cname;
    this.clevel = clevel;
    this.shuffle = shuffle;
    this.typesize = typesize;
    this.blocksize = blocksize;
  }

  /** The same codec shuffling elements of {@code size} bytes (numcodecs uses the dtype's itemsize). */
  public BloscCodec withTypesize(int size) {
    return new BloscCodec(cname, clevel, shuffle, size, blocksize);
  }

  /** A v2 compressor learns the element size from the array; an explicit typesize is kept. */
  @Override
  public BloscCodec forElementSize(int size) {
    return typesize == 0 ? withTypesize(size) : this;
  }

  public String cname() {
    return cname;
  }

  public int clevel() {
    return clevel;
  }

  public Shuffle shuffle() {
    return shuffle;
  }

  public int typesize() {
    return typesize;
  }

  public int blocksize() {
    return blocksize;
  }

  /** The typesize written in the header: c-blosc treats sizes above 255 as bytes. */
  private int headerTypesize() {
    return typesize == 0 || typesize > BloscFrame.MAX_TYPESIZE ? 1 : typesize;
  }

  /** The shuffle actually applied: AUTOSHUFFLE as numcodecs resolves it at encode time. */
  private Shuffle resolvedShuffle() {
    if (shuffle != Shuffle.AUTOSHUFFLE) {
      return shuffle;
    }
    return typesize > 1 ? Shuffle.SHUFFLE : Shuffle.BITSHUFFLE;
  }

  @Override
  public String name() {
    return "blosc";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "blosc");
    ObjectNode c = o.putObject("configuration");
    c.put("cname", cname);
    c.put("clevel", clevel);
    c.put("shuffle", resolvedShuffle().v3);
    if (typesize > 0) {
      c.put("typesize", typesize);
    }
    c.put("blocksize", blocksize);
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "blosc");
    o.put("cname", cname);
    o.put("clevel", clevel);
    o.put("shuffle", shuffle.v2);
    o.put("blocksize", blocksize);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in;
    int off;
    if (decoded.hasArray()) {
      in = decoded.array();
      off = decoded.arrayOffset() + decoded.position();
    } else {
      in = Buffers.toArray(decoded);
      off = 0;
    }
    return ByteBuffer.wrap(BloscFrame.encode(in, off, decoded.remaining(), compcode, clevel,
        resolvedShuffle().v2, headerTypesize(), blocksize));
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    if (encoded.hasArray()) {
      return ByteBuffer.wrap(BloscFrame.decode(encoded.array(), encoded.arrayOffset() + encoded.position(),
          encoded.remaining(), maxDecodedSize));
    }
    byte[] in = Buffers.toArray(encoded);
    return ByteBuffer.wrap(BloscFrame.decode(in, 0, in.length, maxDecodedSize));
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize + BloscFrame.HEADER;
  }

  @Override
  public String toString() {
    return "blosc(" + cname + ", " + clevel + ", " + shuffle.name().toLowerCase() + ", typesize " + typesize
        + (blocksize > 0 ? ", blocksize " + blocksize : "") + ")";
  }

  static int format(int compcode) {
    return FORMAT_OF_CODE[compcode];
  }

  /** c-blosc's forward-compatible split rule: every codec but zstd, for small types. */
  static boolean splitsOnEncode(int compcode, int typesize, int blocksize) {
    return compcode != CODE_ZSTD && typesize <= BloscFrame.MAX_SPLITS && blocksize / typesize >= BloscFrame.MIN_BUFFERSIZE;
  }

  /** c-blosc 1.21's automatic block size (compute_blocksize), so frames look like its own. */
  static int computeBlocksize(int compcode, int clevel, int typesize, int nbytes, int forced) {
    if (nbytes < typesize) {
      return 1;
    }
    int bs = nbytes;
    boolean hcr = compcode == CODE_LZ4HC || compcode == CODE_ZLIB || compcode == CODE_ZSTD;
    if (forced > 0) {
      bs = Math.max(BloscFrame.MIN_BUFFERSIZE, Math.min(forced, BloscFrame.MAX_BLOCKSIZE));
    } else if (nbytes >= 32 * 1024) {
      bs = 32 * 1024 * (hcr ? 2 : 1);
      switch (clevel) {
        case 0: bs /= 4; break;
        case 1: bs /= 2; break;
        case 2: break;
        case 3: bs *= 2; break;
        case 4: case 5: bs *= 4; break;
        case 6: case 7: case 8: bs *= 8; break;
        default: bs *= hcr ? 16 : 8; break;
      }
    }
    // Splitting codecs get larger blocks (this also overrides a forced size, as in c-blosc).
    if (clevel > 0 && splitsOnEncode(compcode, typesize, bs)) {
      bs = Math.min(bs, 1 << 18) * typesize;
      bs = Math.min(Math.max(bs, 1 << 16), 1 << 20);
    }
    bs = Math.min(bs, nbytes);
    if (bs > typesize) {
      bs = bs / typesize * typesize;
    }
    return bs;
  }

  /** Creates {@link BloscCodec}s; absent fields take numcodecs' defaults (lz4, 5, shuffle). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("blosc", "numcodecs.blosc");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("blosc");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      JsonNode s = conf.get("shuffle");
      Shuffle shuffle;
      try {
        if (s == null || s.isNull()) {
          shuffle = Shuffle.SHUFFLE;
        } else if (s.isTextual()) {
          shuffle = Shuffle.ofV3(s.textValue());
        } else if (s.isIntegralNumber() && s.canConvertToInt()) {
          shuffle = Shuffle.ofV2(s.intValue());
        } else {
          throw ctx.invalid("'shuffle' must be \"noshuffle\", \"shuffle\" or \"bitshuffle\", got " + s);
        }
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
      return create(conf, shuffle, ctx);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      try {
        return create(conf, Shuffle.ofV2(CodecFactory.intOf(conf, "shuffle", 1, ctx)), ctx);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }

    private static Codec create(ObjectNode conf, Shuffle shuffle, CodecContext ctx) {
      JsonNode c = conf.get("cname");
      if (c != null && !c.isNull() && !c.isTextual()) {
        throw ctx.invalid("'cname' must be a string, got " + c);
      }
      String cname = c == null || c.isNull() ? "lz4" : c.textValue();
      int typesize = CodecFactory.intOf(conf, "typesize", 0, ctx);
      if (conf.has("typesize") && !conf.get("typesize").isNull() && typesize <= 0) {
        throw ctx.invalid("'typesize' must be a positive integer, got " + typesize);
      }
      try {
        return new BloscCodec(cname, CodecFactory.intOf(conf, "clevel", 5, ctx), shuffle, typesize,
            CodecFactory.intOf(conf, "blocksize", 0, ctx));
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
