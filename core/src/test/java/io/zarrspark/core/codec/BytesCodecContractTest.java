package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.builtin.BloscCodec;
import io.zarrspark.core.codec.builtin.BloscCodec.Shuffle;
import io.zarrspark.core.codec.builtin.Bz2Codec;
import io.zarrspark.core.codec.builtin.Crc32cCodec;
import io.zarrspark.core.codec.builtin.GzipCodec;
import io.zarrspark.core.codec.builtin.Lz4Codec;
import io.zarrspark.core.codec.builtin.LzmaCodec;
import io.zarrspark.core.codec.builtin.ZlibCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every bytes-to-bytes codec meets: exact round trips and bounded, clear failures. */
class BytesCodecContractTest {

  static Stream<BytesToBytesCodec> codecs() {
    return Stream.of(new GzipCodec(0), new GzipCodec(1), new GzipCodec(9), new ZlibCodec(1), new ZlibCodec(9),
        new ZstdCodec(0, false), new ZstdCodec(3, true), new ZstdCodec(19, false), new ZstdCodec(-5, false),
        new Crc32cCodec(),
        new BloscCodec("lz4", 5, Shuffle.SHUFFLE, 4, 0), new BloscCodec("blosclz", 5, Shuffle.BITSHUFFLE, 4, 0),
        new BloscCodec("lz4hc", 9, Shuffle.SHUFFLE, 8, 0), new BloscCodec("snappy", 5, Shuffle.NOSHUFFLE, 1, 0),
        new BloscCodec("zlib", 5, Shuffle.SHUFFLE, 2, 0), new BloscCodec("zstd", 5, Shuffle.BITSHUFFLE, 4, 0),
        new BloscCodec("zstd", 1, Shuffle.SHUFFLE, 4, 1024), new BloscCodec("lz4", 0, Shuffle.SHUFFLE, 4, 0),
        new BloscCodec("blosclz", 9, Shuffle.AUTOSHUFFLE, 0, 0),
        new Lz4Codec(1), new Bz2Codec(1), new Bz2Codec(9),
        new LzmaCodec(LzmaCodec.FORMAT_XZ, -1, -1, null), new LzmaCodec(LzmaCodec.FORMAT_ALONE, -1, 1, null));
  }

  /**
   * Formats with no integrity check over the whole payload, so a flipped byte may decode to other
   * data of the right size unnoticed: zstd frames (the checksum is optional), blosc (raw streams
   * and memcpyed chunks are stored verbatim), numcodecs lz4 and LZMA_ALONE.
   */
  static boolean unchecked(BytesToBytesCodec codec) {
    return codec instanceof ZstdCodec || codec instanceof BloscCodec || codec instanceof Lz4Codec
        || (codec instanceof LzmaCodec && ((LzmaCodec) codec).format() == LzmaCodec.FORMAT_ALONE);
  }

  static byte[] payload(int n, long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      // Half random, half runs: compressible but not trivially so.
      b[i] = i % 512 < 256 ? (byte) r.nextInt() : (byte) (i / 1000);
    }
    return b;
  }

  static byte[] array(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void roundTripsExactly(BytesToBytesCodec codec) {
    for (int n : new int[] {0, 1, 7, 4096, 100_003}) {
      byte[] data = payload(n, n);
      ByteBuffer enc = codec.encode(ByteBuffer.wrap(data));
      assertTrue(enc.remaining() <= codec.maxEncodedSize(n), codec + " exceeded its own bound for " + n);
      assertArrayEquals(data, array(codec.decode(enc, n)), codec + " n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void truncatedInputFailsClearly(BytesToBytesCodec codec) {
    byte[] data = payload(10_000, 1);
    byte[] enc = array(codec.encode(ByteBuffer.wrap(data)));
    for (int cut : new int[] {0, 1, enc.length / 2, enc.length - 1}) {
      ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(enc, cut));
      RuntimeException e = assertThrows(RuntimeException.class, () -> {
        ByteBuffer out = codec.decode(truncated, data.length);
        // Some formats decode a prefix silently; it must then at least not equal the data.
        if (Arrays.equals(array(out), data)) {
          return;
        }
        throw new CorruptChunkException("decoded a different payload");
      }, codec + " cut=" + cut);
      assertTrue(e instanceof CorruptChunkException, codec + ": " + e);
    }
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void corruptBytesNeverYieldTheOriginalSilently(BytesToBytesCodec codec) {
    byte[] data = payload(10_000, 2);
    byte[] enc = array(codec.encode(ByteBuffer.wrap(data)));
    enc[enc.length / 2] ^= 0x5a;
    enc[enc.length - 1] ^= 0x11;
    try {
      byte[] out = array(codec.decode(ByteBuffer.wrap(enc), data.length));
      // Flipping bits inside a compressed stream may go unnoticed only if no checksum protects it;
      // the other codecs have one (gzip CRC32, zlib Adler-32, crc32c, bzip2 CRC32, xz CRC64).
      assertTrue(unchecked(codec), codec + " accepted corrupt data");
      assertEquals(data.length, out.length);
    } catch (CorruptChunkException expected) {
      // the normal outcome
    }
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void decompressionIsBoundedByTheChunkSize(BytesToBytesCodec codec) {
    if (codec instanceof Crc32cCodec) {
      return; // no expansion possible
    }
    byte[] zeros = new byte[50_000_000];
    ByteBuffer bomb = codec.encode(ByteBuffer.wrap(zeros));
    CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> codec.decode(bomb, 4096));
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
  }
}
