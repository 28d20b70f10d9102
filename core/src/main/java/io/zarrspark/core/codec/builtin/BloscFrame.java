package io.zarrspark.core.codec.builtin;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.ndarray.NdArray;

/**
 * The c-blosc 1.x frame: a 16-byte header (version 2, inner-format version 1, flags, typesize,
 * then little-endian nbytes, blocksize and cbytes), then either the raw data (flag 0x2, memcpyed)
 * or one 4-byte offset per block followed by the blocks. A block is 1 or typesize streams, each a
 * 4-byte size then the compressed bytes, or the raw bytes when the size equals the stream length.
 * Layout and validity rules follow c-blosc 1.21's blosc.c, so that we accept what it accepts.
 */
final class BloscFrame {
  private BloscFrame() {}

  static final int HEADER = 16;
  static final int VERSION = 2;
  static final int INNER_VERSION = 1;
  static final int FLAG_SHUFFLE = 0x1;
  static final int FLAG_MEMCPYED = 0x2;
  static final int FLAG_BITSHUFFLE = 0x4;
  static final int FLAG_RESERVED = 0x8;
  static final int FLAG_DONT_SPLIT = 0x10;
  static final int MAX_SPLITS = 16;
  static final int MIN_BUFFERSIZE = 128;
  static final int MAX_TYPESIZE = 255;
  static final int MAX_BLOCKSIZE = (Integer.MAX_VALUE - MAX_TYPESIZE * 4) / 3;

  /**
   * The most bytes one compressed byte of each inner format can expand to (with margin): lz4 and
   * blosclz extend a match by 255 per byte, deflate tops out near 1032:1, snappy below 64:1 and
   * zstd's RLE blocks reach 128 KiB from 4 bytes. Used only when the caller gives no bound.
   */
  private static final long[] MAX_RATIO = {256, 256, 64, 1040, 32768};

  /** Whether a block's streams are split per byte of the type (c-blosc's decoder rule). */
  static boolean splits(int flags, int typesize, int bsize, boolean leftover) {
    return (flags & FLAG_DONT_SPLIT) == 0 && typesize <= MAX_SPLITS && bsize / typesize >= MIN_BUFFERSIZE && !leftover;
  }

  private static CorruptChunkException corrupt(String problem) {
    return new CorruptChunkException("blosc chunk is corrupt: " + problem);
  }

  /** Decodes the frame at {@code in[off, off + len)}; bytes past its cbytes are ignored. */
  static byte[] decode(byte[] in, int off, int len, long maxDecodedSize) {
    if (len < HEADER) {
      throw corrupt("it has " + len + " bytes, fewer than the " + HEADER + "-byte header");
    }
    int version = in[off] & 0xff;
    int innerVersion = in[off + 1] & 0xff;
    int flags = in[off + 2] & 0xff;
    int typesize = in[off + 3] & 0xff;
    int nbytes = BloscShuffle.le32(in, off + 4);
    int blocksize = BloscShuffle.le32(in, off + 8);
    int cbytes = BloscShuffle.le32(in, off + 12);
    if (version != VERSION) {
      throw corrupt("header has format version " + version + "; only version " + VERSION
          + " (c-blosc 1.x, as numcodecs and zarrita write) is supported");
    }
    if (nbytes < 0) {
      throw corrupt("header declares a negative decoded size (" + nbytes + ")");
    }
    if (maxDecodedSize >= 0 && nbytes > maxDecodedSize) {
      throw corrupt("header declares " + nbytes + " decoded bytes, more than the " + maxDecodedSize
          + " a chunk of this array can have");
    }
    if (nbytes > NdArray.MAX_BYTES) {
      throw corrupt("header declares " + nbytes + " decoded bytes, more than one buffer holds");
    }
    if (cbytes < HEADER || cbytes > len) {
      throw corrupt("header declares " + cbytes + " compressed bytes but the chunk has " + len);
    }
    if (nbytes == 0) {
      return new byte[0];
    }
    if (typesize == 0) {
      throw corrupt("header has typesize 0");
    }
    if (blocksize <= 0 || blocksize > nbytes || blocksize > MAX_BLOCKSIZE) {
      throw corrupt("header has block size " + blocksize + ", outside 1.." + nbytes + " (the decoded size)");
    }
    if ((flags & FLAG_RESERVED) != 0) {
      throw corrupt("header sets flag 0x08, which no blosc 1.x writer uses");
    }
    if ((flags & FLAG_MEMCPYED) != 0) {
      if ((long) nbytes + HEADER != cbytes) {
        throw corrupt("an uncompressed (memcpyed) chunk of " + nbytes + " bytes must have " + (nbytes + HEADER)
            + " compressed bytes, header says " + cbytes);
      }
      byte[] out = new byte[nbytes];
      System.arraycopy(in, off + HEADER, out, 0, nbytes);
      return out;
    }
    int format = flags >>> 5;
    if (format >= BloscInner.FORMAT_NAMES.length) {
      throw corrupt("header names unknown compressor code " + format
          + " (known: 0 blosclz, 1 lz4/lz4hc, 2 snappy, 3 zlib, 4 zstd)");
    }
    if (innerVersion != INNER_VERSION) {
      throw corrupt("header has " + BloscInner.FORMAT_NAMES[format] + " format version " + innerVersion
          + "; only " + INNER_VERSION + " is known");
    }
    int leftover = nbytes % blocksize;
    int nblocks = nbytes / blocksize + (leftover > 0 ? 1 : 0);
    if (nblocks > (cbytes - HEADER) / 4) {
      throw corrupt(nblocks + " blocks of " + blocksize + " bytes cannot have their offsets in " + cbytes + " bytes");
    }
    if (maxDecodedSize < 0 && nbytes > (long) cbytes * MAX_RATIO[format]) {
      throw corrupt("header declares " + nbytes + " decoded bytes, more than " + cbytes + " bytes of "
          + BloscInner.FORMAT_NAMES[format] + " data can hold");
    }
    byte[] out = new byte[nbytes];
    decodeBlocks(in, off, flags, format, typesize, nbytes, blocksize, cbytes, nblocks, out);
    return out;
  }

  private static void decodeBlocks(byte[] in, int off, int flags, int format, int typesize, int nbytes,
      int blocksize, int cbytes, int nblocks, byte[] out) {
    boolean shuffleFlag = (flags & FLAG_SHUFFLE) != 0;
    boolean bitFlag = (flags & FLAG_BITSHUFFLE) != 0;
    byte[] tmp = null;
    byte[] scratch = null;
    try (BloscInner inner = new BloscInner()) {
      for (int j = 0; j < nblocks; j++) {
        int outOff = j * blocksize;
        int bsize = Math.min(blocksize, nbytes - outOff);
        boolean leftover = bsize < blocksize;
        // As c-blosc: byte shuffle wins if both flags are set; bit shuffle needs a whole element.
        boolean doShuffle = shuffleFlag && typesize > 1;
        boolean doBit = !doShuffle && bitFlag && bsize >= typesize;
        byte[] target = out;
        int tOff = outOff;
        if (doShuffle || doBit) {
          if (tmp == null) {
            tmp = new byte[blocksize];
          }
          target = tmp;
          tOff = 0;
        }
        int nsplits = splits(flags, typesize, bsize, leftover) ? typesize : 1;
        int neblock = bsize / nsplits;
        if (neblock * nsplits != bsize) {
          throw corrupt("block " + j + " of " + bsize + " bytes cannot be split into " + nsplits + " streams");
        }
        int pos = BloscShuffle.le32(in, off + HEADER + 4 * j);
        for (int s = 0; s < nsplits; s++) {
          if (pos < HEADER || pos > cbytes - 4) {
            throw corrupt("block " + j + (nsplits > 1 ? " stream " + s : "") + " starts at offset " + pos
                + ", outside the data of the " + cbytes + "-byte chunk");
          }
          int csize = BloscShuffle.le32(in, off + pos);
          pos += 4;
          if (csize < 0 || csize > cbytes - pos) {
            throw corrupt("block " + j + (nsplits > 1 ? " stream " + s : "") + " claims " + csize
                + " bytes at offset " + pos + ", past the end of the " + cbytes + "-byte chunk");
          }
          int dst = tOff + s * neblock;
          if (csize == neblock) {
            System.arraycopy(in, off + pos, target, dst, neblock);
          } else {
            int got = inner.decompress(format, in, off + pos, csize, target, dst, neblock);
            if (got != neblock) {
              throw corrupt("block " + j + (nsplits > 1 ? " stream " + s : "") + ": " + BloscInner.FORMAT_NAMES[format]
                  + " data of " + csize + " bytes does not decode to the expected " + neblock + " bytes");
            }
          }
          pos += csize;
        }
        if (doShuffle) {
          BloscShuffle.unshuffle(typesize, tmp, 0, out, outOff, bsize);
        } else if (doBit) {
          if (scratch == null) {
            scratch = new byte[blocksize];
          }
          BloscShuffle.bitunshuffle(typesize, tmp, 0, out, outOff, bsize, scratch);
        }
      }
    }
  }

  /**
   * Encodes {@code n} bytes. {@code shuffle} is 0, 1 or 2 (already resolved), {@code typesize}
   * 1..255. The result never exceeds n + 16 bytes: data that does not shrink is memcpyed.
   */
  static byte[] encode(byte[] src, int off, int n, int compcode, int clevel, int shuffle, int typesize, int forcedBlocksize) {
    if (n > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("blosc cannot encode " + n + " bytes in one chunk");
    }
    int blocksize = BloscCodec.computeBlocksize(compcode, clevel, typesize, n, forcedBlocksize);
    boolean dontSplit = !BloscCodec.splitsOnEncode(compcode, typesize, blocksize);
    int flags = (dontSplit ? FLAG_DONT_SPLIT : 0) | (BloscCodec.format(compcode) << 5)
        | (shuffle == 1 ? FLAG_SHUFFLE : shuffle == 2 ? FLAG_BITSHUFFLE : 0);
    byte[] out = new byte[n + HEADER];
    int cbytes = 0;
    if (clevel > 0 && n >= MIN_BUFFERSIZE) {
      cbytes = encodeBlocks(src, off, n, compcode, clevel, flags, typesize, blocksize, out);
    }
    if (cbytes == 0) {
      flags |= FLAG_MEMCPYED;
      System.arraycopy(src, off, out, HEADER, n);
      cbytes = n + HEADER;
    }
    out[0] = VERSION;
    out[1] = INNER_VERSION;
    out[2] = (byte) flags;
    out[3] = (byte) typesize;
    BloscShuffle.putLe32(out, 4, n);
    BloscShuffle.putLe32(out, 8, blocksize);
    BloscShuffle.putLe32(out, 12, cbytes);
    return cbytes == out.length ? out : java.util.Arrays.copyOf(out, cbytes);
  }

  /** Writes the block offsets and blocks; returns the frame size, or 0 if it would not fit. */
  private static int encodeBlocks(byte[] src, int off, int n, int compcode, int clevel, int flags, int typesize,
      int blocksize, byte[] out) {
    int max = out.length;
    int leftover = n % blocksize;
    int nblocks = n / blocksize + (leftover > 0 ? 1 : 0);
    int pos = HEADER + 4 * nblocks;
    if (pos > max) {
      return 0;
    }
    byte[] tmp = (flags & (FLAG_SHUFFLE | FLAG_BITSHUFFLE)) != 0 ? new byte[blocksize] : null;
    byte[] scratch = (flags & FLAG_BITSHUFFLE) != 0 ? new byte[blocksize] : null;
    try (BloscInner inner = new BloscInner()) {
      for (int j = 0; j < nblocks; j++) {
        BloscShuffle.putLe32(out, HEADER + 4 * j, pos);
        int inOff = off + j * blocksize;
        int bsize = Math.min(blocksize, n - j * blocksize);
        boolean isLeftover = bsize < blocksize;
        byte[] block = src;
        int bOff = inOff;
        if ((flags & FLAG_SHUFFLE) != 0 && typesize > 1) {
          BloscShuffle.shuffle(typesize, src, inOff, tmp, 0, bsize);
          block = tmp;
          bOff = 0;
        } else if ((flags & FLAG_BITSHUFFLE) != 0 && bsize >= typesize) {
          BloscShuffle.bitshuffle(typesize, src, inOff, tmp, 0, bsize, scratch);
          block = tmp;
          bOff = 0;
        }
        int nsplits = (flags & FLAG_DONT_SPLIT) == 0 && !isLeftover ? typesize : 1;
        int neblock = bsize / nsplits;
        for (int s = 0; s < nsplits; s++) {
          if (max - pos < 4) {
            return 0;
          }
          int csize = inner.compress(compcode, clevel, block, bOff + s * neblock, neblock, out, pos + 4, max - pos - 4);
          if (csize == 0) {
            if (max - pos - 4 < neblock) {
              return 0;
            }
            System.arraycopy(block, bOff + s * neblock, out, pos + 4, neblock);
            csize = neblock;
          }
          BloscShuffle.putLe32(out, pos, csize);
          pos += 4 + csize;
        }
      }
    }
    return pos;
  }
}
