package io.zarrspark.core.codec.builtin;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

/**
 * Blosc's inner compressors for one encode or decode call. Stateful native contexts (zlib, zstd)
 * are created on first use and reused for every stream of the call; {@link #close} frees them.
 * Not thread-safe: one instance per call.
 */
final class BloscInner implements AutoCloseable {
  /** Compressor codes as written in flags bits 5-7. */
  static final int BLOSCLZ = 0;
  static final int LZ4 = 1;
  static final int SNAPPY = 2;
  static final int ZLIB = 3;
  static final int ZSTD = 4;

  static final String[] FORMAT_NAMES = {"blosclz", "lz4", "snappy", "zlib", "zstd"};

  private static final LZ4Factory LZ4_FACTORY = Lz4Codec.FACTORY;
  private static final LZ4SafeDecompressor LZ4_DECOMPRESSOR = LZ4_FACTORY.safeDecompressor();
  private static final LZ4Compressor LZ4_FAST = LZ4_FACTORY.fastCompressor();

  private Inflater inflater;
  private Deflater deflater;
  private ZstdDecompressCtx zstdIn;
  private ZstdCompressCtx zstdOut;
  private BloscLz blosclz;
  private byte[] scratch = new byte[0];

  /**
   * Decodes one stream of {@code srcLen} bytes that must expand to exactly {@code n} bytes at
   * {@code dst[dstOff]}; returns the decoded length, or -1 for a corrupt stream.
   */
  int decompress(int format, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int n) {
    try {
      switch (format) {
        case BLOSCLZ:
          return BloscLz.decompress(src, srcOff, srcLen, dst, dstOff, n);
        case LZ4:
          return LZ4_DECOMPRESSOR.decompress(src, srcOff, srcLen, dst, dstOff, n);
        case SNAPPY:
          // The native decoder trusts the output room; the declared length must fit first.
          if (Snappy.uncompressedLength(src, srcOff, srcLen) != n) {
            return -1;
          }
          return Snappy.uncompress(src, srcOff, srcLen, dst, dstOff);
        case ZLIB:
          return inflate(src, srcOff, srcLen, dst, dstOff, n);
        case ZSTD:
          if (zstdIn == null) {
            zstdIn = new ZstdDecompressCtx();
          }
          return zstdIn.decompressByteArray(dst, dstOff, n, src, srcOff, srcLen);
        default:
          return -1;
      }
    } catch (LZ4Exception | ZstdException | IOException | DataFormatException e) {
      return -1;
    }
  }

  private int inflate(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int n) throws DataFormatException {
    if (inflater == null) {
      inflater = new Inflater();
    } else {
      inflater.reset();
    }
    inflater.setInput(src, srcOff, srcLen);
    int got = 0;
    while (got < n && !inflater.finished()) {
      int k = inflater.inflate(dst, dstOff + got, n - got);
      if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        return -1;
      }
      got += k;
    }
    // zlib's uncompress() fails unless the stream ends within the output room.
    if (!inflater.finished()) {
      byte[] probe = new byte[1];
      if (inflater.inflate(probe) > 0 || !inflater.finished()) {
        return -1;
      }
    }
    return got;
  }

  /**
   * Compresses {@code src[off, off + len)} into {@code dst[dstOff]} if the result is smaller than
   * {@code len} and fits in {@code maxOut} bytes; returns its size, or 0 to store the stream raw.
   */
  int compress(int compcode, int clevel, byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut) {
    int limit = Math.min(maxOut, len - 1);
    if (limit <= 0) {
      return 0;
    }
    int n;
    switch (compcode) {
      case BloscCodec.CODE_BLOSCLZ:
        if (blosclz == null) {
          blosclz = new BloscLz();
        }
        return blosclz.compress(src, off, len, dst, dstOff, limit);
      case BloscCodec.CODE_LZ4:
      case BloscCodec.CODE_LZ4HC: {
        LZ4Compressor c = compcode == BloscCodec.CODE_LZ4 ? LZ4_FAST : LZ4_FACTORY.highCompressor(clevel);
        byte[] s = scratch(c.maxCompressedLength(len));
        n = c.compress(src, off, len, s, 0, s.length);
        break;
      }
      case BloscCodec.CODE_SNAPPY: {
        byte[] s = scratch(Snappy.maxCompressedLength(len));
        try {
          n = Snappy.rawCompress(src, off, len, s, 0);
        } catch (IOException e) {
          return 0;
        }
        break;
      }
      case BloscCodec.CODE_ZLIB:
        n = deflate(clevel, src, off, len);
        break;
      case BloscCodec.CODE_ZSTD: {
        if (zstdOut == null) {
          zstdOut = new ZstdCompressCtx();
        }
        // c-blosc maps its levels 1-9 to zstd levels 1, 3, 5, ..., 15 and 22.
        zstdOut.setLevel(clevel < 9 ? 2 * clevel - 1 : Zstd.maxCompressionLevel());
        byte[] s = scratch((int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(len)));
        n = zstdOut.compressByteArray(s, 0, s.length, src, off, len);
        break;
      }
      default:
        throw new IllegalStateException("compressor code " + compcode);
    }
    if (n <= 0 || n > limit) {
      return 0;
    }
    System.arraycopy(scratch, 0, dst, dstOff, n);
    return n;
  }

  private int deflate(int clevel, byte[] src, int off, int len) {
    if (deflater == null) {
      deflater = new Deflater(clevel);
    } else {
      deflater.reset();
    }
    deflater.setInput(src, off, len);
    deflater.finish();
    byte[] s = scratch(len + 5 * (len / 16383 + 1) + 16);
    int n = 0;
    while (!deflater.finished() && n < s.length) {
      n += deflater.deflate(s, n, s.length - n);
    }
    return deflater.finished() ? n : 0;
  }

  private byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[size];
    }
    return scratch;
  }

  @Override
  public void close() {
    if (inflater != null) {
      inflater.end();
    }
    if (deflater != null) {
      deflater.end();
    }
    if (zstdIn != null) {
      zstdIn.close();
    }
    if (zstdOut != null) {
      zstdOut.close();
    }
  }
}
