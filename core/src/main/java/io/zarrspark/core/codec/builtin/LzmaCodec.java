package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.tukaani.xz.FilterOptions;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * numcodecs {@code lzma} (Python's lzma module): v2 id "lzma", v3 "numcodecs.lzma". Reads the xz
 * container (format 1, numcodecs' default) and LZMA_ALONE (format 2), or either (format 0); raw
 * streams (format 3) are not supported. Decoding uses commons-compress over xz-java; encoding uses
 * xz-java directly because commons-compress cannot choose the integrity check.
 */
public final class LzmaCodec implements BytesToBytesCodec {
  public static final int FORMAT_AUTO = 0;
  public static final int FORMAT_XZ = 1;
  public static final int FORMAT_ALONE = 2;
  /** liblzma's flag for the slower "extreme" variant of a preset. */
  private static final long PRESET_EXTREME = 0x80000000L;
  /** Dictionary memory allowed beyond the chunk bound: preset 9 needs 64 MiB whatever the data. */
  private static final long DICT_FLOOR = 64L << 20;

  private final int format;
  private final int check;
  /** The numcodecs preset, or -1 when null (liblzma's default, 6). */
  private final long preset;
  /** The numcodecs filter chain as given, or null. */
  private final JsonNode filters;

  public LzmaCodec(int format, int check, long preset, JsonNode filters) {
    if (format == 3) {
      throw new IllegalArgumentException("lzma format 3 (FORMAT_RAW) is not supported: only 0 (auto), 1 (xz)"
          + " and 2 (alone) are");
    }
    if (format < 0 || format > 2) {
      throw new IllegalArgumentException("lzma format must be 0, 1 or 2, got " + format);
    }
    if (check != -1 && check != XZ.CHECK_NONE && check != XZ.CHECK_CRC32 && check != XZ.CHECK_CRC64
        && check != XZ.CHECK_SHA256) {
      throw new IllegalArgumentException("lzma check must be -1, 0, 1, 4 or 10, got " + check);
    }
    if (format == FORMAT_ALONE && check > 0) {
      throw new IllegalArgumentException("lzma format 2 (alone) has no integrity check, got check " + check);
    }
    if (preset != -1 && ((preset & ~PRESET_EXTREME) > 9 || preset < 0)) {
      throw new IllegalArgumentException("lzma preset must be 0-9, optionally with PRESET_EXTREME, got " + preset);
    }
    if (filters != null && !filters.isNull()) {
      if (preset != -1) {
        throw new IllegalArgumentException("lzma cannot have both a preset and a filter chain");
      }
      LzmaFilters.validate(filters, format);
    }
    this.format = format;
    this.check = check;
    this.preset = preset;
    this.filters = filters == null || filters.isNull() ? null : filters.deepCopy();
  }

  public int format() {
    return format;
  }

  @Override
  public String name() {
    return "numcodecs.lzma";
  }

  private void putConfig(ObjectNode o) {
    o.put("format", format);
    o.put("check", check);
    if (preset == -1) {
      o.putNull("preset");
    } else if (preset <= Integer.MAX_VALUE) {
      o.put("preset", (int) preset);
    } else {
      o.put("preset", preset);
    }
    if (filters == null) {
      o.putNull("filters");
    } else {
      o.set("filters", filters.deepCopy());
    }
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "numcodecs.lzma");
    putConfig(o.putObject("configuration"));
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    ObjectNode o = Json.newObject();
    o.put("id", "lzma");
    putConfig(o);
    return Optional.of(o);
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    byte[] in = Buffers.toArray(decoded);
    ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, in.length / 4));
    try (OutputStream out = open(bos)) {
      out.write(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ByteBuffer.wrap(bos.toByteArray());
  }

  private OutputStream open(OutputStream bos) throws IOException {
    int level = preset == -1 ? LZMA2Options.PRESET_DEFAULT : (int) (preset & ~PRESET_EXTREME);
    if (format == FORMAT_ALONE) {
      LZMA2Options o = filters == null ? new LZMA2Options(level) : LzmaFilters.lzma1(filters);
      // Unknown size with an end marker, as liblzma's alone encoder writes.
      return new LZMAOutputStream(bos, o, -1);
    }
    FilterOptions[] chain = filters == null ? new FilterOptions[] {new LZMA2Options(level)} : LzmaFilters.xzChain(filters);
    return new XZOutputStream(bos, chain, check == -1 ? XZ.CHECK_CRC64 : check);
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    byte[] in = Buffers.toArray(encoded);
    long allowed = Math.max(DICT_FLOOR, maxDecodedSize) + (8L << 20);
    int limitKiB = (int) Math.min(Integer.MAX_VALUE, allowed / 1024);
    boolean xz = format == FORMAT_XZ || (format == FORMAT_AUTO && XZCompressorInputStream.matches(in, in.length));
    BoundedOutput out = new BoundedOutput("lzma", maxDecodedSize, (int) Math.min(1 << 26, in.length * 4L));
    ByteArrayInputStream src = new ByteArrayInputStream(in);
    // Concatenated xz streams decode as one, as Python's lzma.decompress does.
    try (InputStream z = xz ? new XZCompressorInputStream(src, true, limitKiB) : new LZMACompressorInputStream(src, limitKiB)) {
      return out.drain(z);
    } catch (MemoryLimitException e) {
      throw new CorruptChunkException("lzma stream needs " + e.getMemoryNeededInKb() + " KiB to decode, more than the "
          + e.getMemoryLimitInKb() + " KiB allowed for a chunk this size (a corrupt header, or a dictionary"
          + " larger than any preset uses)", e);
    } catch (IOException e) {
      throw new CorruptChunkException("lzma data is corrupt or truncated: " + e, e);
    }
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    // LZMA2 stores incompressible data in chunks of up to 64 KiB with 3 bytes each; LZMA1 can
    // expand slightly more; plus the container's headers, index and check.
    return decodedSize + decodedSize / 64 + 1024;
  }

  @Override
  public String toString() {
    return "lzma(format " + format + ", check " + check + (preset == -1 ? "" : ", preset " + preset)
        + (filters == null ? "" : ", filters " + filters) + ")";
  }

  /** Creates {@link LzmaCodec}s (numcodecs defaults: format 1, check -1, preset and filters null). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("numcodecs.lzma");
    }

    @Override
    public List<String> v2Ids() {
      return List.of("lzma");
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
      JsonNode p = conf.get("preset");
      long preset = -1;
      if (p != null && !p.isNull()) {
        if (!p.isIntegralNumber() || !p.canConvertToLong()) {
          throw ctx.invalid("'preset' must be an integer or null, got " + p);
        }
        preset = p.longValue();
      }
      JsonNode f = conf.get("filters");
      try {
        return new LzmaCodec(CodecFactory.intOf(conf, "format", FORMAT_XZ, ctx), CodecFactory.intOf(conf, "check", -1, ctx),
            preset, f);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
