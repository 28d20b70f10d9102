package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.builtin.BloscCodec;
import io.zarrspark.core.codec.builtin.BloscCodec.Shuffle;
import io.zarrspark.core.fixtures.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Blosc frames: c-blosc's own output, our round trips, and corrupt headers. */
class BloscCodecTest {
  private static final List<String> CNAMES = List.of("blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd");
  /** Metadata that matches none of the vectors: decoding must follow the frame header alone. */
  private static final BloscCodec MISMATCHED = new BloscCodec("zstd", 1, Shuffle.NOSHUFFLE, 8, 128);

  static byte[] array(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  static byte[] smoothFloats(int count) {
    ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      b.putFloat((float) (Math.sin(i * 0.001) * 100 + i * 1e-3));
    }
    return b.array();
  }

  static List<BloscVectors.Vector> vectors() {
    return BloscVectors.ALL;
  }

  @Test
  void vectorsCoverEveryCnameAndShuffle() {
    Set<String> seen = new HashSet<>();
    for (BloscVectors.Vector v : BloscVectors.ALL) {
      int flags = v.frame()[2] & 0xff;
      assertEquals(0, flags & 0x2, v + " is memcpyed, so it would not exercise the codec");
      assertEquals(v.shuffle() == 1, (flags & 0x1) != 0, v + " shuffle flag");
      assertEquals(v.shuffle() == 2, (flags & 0x4) != 0, v + " bitshuffle flag");
      seen.add(v.cname() + "/" + v.shuffle());
    }
    for (String c : CNAMES) {
      for (int s = 0; s <= 2; s++) {
        assertTrue(seen.contains(c + "/" + s), "no c-blosc vector for " + c + " shuffle " + s);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesCBloscFrames(BloscVectors.Vector v) {
    byte[] out = array(MISMATCHED.decode(ByteBuffer.wrap(v.frame()), v.n()));
    assertArrayEquals(BloscVectors.data(v.n()), out, v.toString());
    // A bound of -1 (unknown) decodes the same frame too.
    assertArrayEquals(BloscVectors.data(v.n()), array(MISMATCHED.decode(ByteBuffer.wrap(v.frame()), -1)));
  }

  /** Our frames have the header c-blosc writes for the same call: same blocks, splits and flags. */
  @ParameterizedTest
  @MethodSource("vectors")
  void encodesTheHeaderCBloscWrites(BloscVectors.Vector v) {
    BloscCodec codec = new BloscCodec(v.cname(), v.clevel(), Shuffle.values()[v.shuffle()], v.typesize(), v.blocksize());
    byte[] data = BloscVectors.data(v.n());
    byte[] ours = array(codec.encode(ByteBuffer.wrap(data)));
    assertArrayEquals(Arrays.copyOfRange(v.frame(), 0, 12), Arrays.copyOfRange(ours, 0, 12), v.toString());
    assertArrayEquals(data, array(MISMATCHED.decode(ByteBuffer.wrap(ours), v.n())));
  }

  /** zarr-python 2.13 (numcodecs 0.11, c-blosc 1.21.3) chunks, including bit-shuffled ones. */
  @ParameterizedTest
  @ValueSource(strings = {"blosclz", "lz4", "lz4hc", "zlib", "zstd"})
  void decodesZarrPythonChunks(String cname) throws IOException {
    Path root = Fixtures.root();
    for (String shuffle : List.of("noshuffle", "shuffle", "bitshuffle")) {
      String name = "blosc_" + cname + "_" + shuffle;
      byte[] all = Files.readAllBytes(root.resolve("expected/zarr-python-v2/codecs__" + name + ".bin"));
      byte[] chunk = Files.readAllBytes(root.resolve("zarr-python-v2/codecs/" + name + "/0.0"));
      if (!shuffle.equals("noshuffle")) {
        assertEquals(shuffle.equals("shuffle") ? 0x1 : 0x4, chunk[2] & 0x7, cname + "/" + shuffle + " flags");
      }
      // Chunk (0, 0) of the 40x50 float32 array: rows 0-15, columns 0-19.
      byte[] expected = new byte[16 * 20 * 4];
      for (int r = 0; r < 16; r++) {
        System.arraycopy(all, r * 50 * 4, expected, r * 20 * 4, 20 * 4);
      }
      assertArrayEquals(expected, array(MISMATCHED.decode(ByteBuffer.wrap(chunk), expected.length)), cname + "/" + shuffle);
    }
  }

  @Test
  void roundTripsEveryCnameShuffleAndTypesize() {
    Random r = new Random(7);
    for (String cname : CNAMES) {
      for (Shuffle s : Shuffle.values()) {
        for (int typesize : new int[] {0, 1, 2, 3, 4, 8, 16, 17, 300}) {
          for (int n : new int[] {0, 5, 127, 128, 1001, 70_001}) {
            byte[] data = r.nextBoolean() ? BloscVectors.data(n) : Arrays.copyOf(smoothFloats(n / 4 + 1), n);
            BloscCodec c = new BloscCodec(cname, 1 + (n % 9), s, typesize, n % 2 == 0 ? 0 : 1024);
            byte[] enc = array(c.encode(ByteBuffer.wrap(data)));
            assertTrue(enc.length <= n + 16, c + " n=" + n + " wrote " + enc.length);
            assertArrayEquals(data, array(MISMATCHED.decode(ByteBuffer.wrap(enc), n)), c + " n=" + n);
            if (n < 128) {
              assertEquals(0x2, enc[2] & 0x2, "c-blosc stores chunks under 128 bytes uncompressed");
            }
          }
        }
      }
    }
  }

  @Test
  void shuffleChoiceReachesTheHeader() {
    byte[] data = smoothFloats(50_000);
    int lz4Plain = new BloscCodec("lz4", 5, Shuffle.NOSHUFFLE, 4, 0).encode(ByteBuffer.wrap(data)).remaining();
    byte[] shuffled = array(new BloscCodec("lz4", 5, Shuffle.SHUFFLE, 4, 0).encode(ByteBuffer.wrap(data)));
    assertEquals(0x1, shuffled[2] & 0x7);
    assertEquals(4, shuffled[3]);
    assertTrue(shuffled.length < lz4Plain * 3 / 4, "shuffle should help smooth floats: " + shuffled.length + " vs " + lz4Plain);
    // AUTOSHUFFLE resolves as numcodecs does: byte shuffle for multi-byte types, else bit shuffle.
    assertEquals(0x1, new BloscCodec("lz4", 5, Shuffle.AUTOSHUFFLE, 4, 0).encode(ByteBuffer.wrap(data)).get(2) & 0x7);
    assertEquals(0x4, new BloscCodec("lz4", 5, Shuffle.AUTOSHUFFLE, 1, 0).encode(ByteBuffer.wrap(data)).get(2) & 0x7);
    assertEquals(0x4, new BloscCodec("lz4", 5, Shuffle.AUTOSHUFFLE, 0, 0).encode(ByteBuffer.wrap(data)).get(2) & 0x7);
    // c-blosc treats types over 255 bytes as bytes.
    assertEquals(1, new BloscCodec("lz4", 5, Shuffle.SHUFFLE, 300, 0).encode(ByteBuffer.wrap(data)).get(3));
  }

  // ---- corrupt frames: every one a CorruptChunkException naming the problem ----

  /** A valid zstd frame of 16 blocks of 4 KiB (zstd keeps a forced block size). */
  static byte[] multiBlockFrame() {
    return array(new BloscCodec("zstd", 5, Shuffle.SHUFFLE, 4, 4096).encode(ByteBuffer.wrap(smoothFloats(16 * 1024))));
  }

  static void putInt(byte[] b, int off, int v) {
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(off, v);
  }

  static int getInt(byte[] b, int off) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
  }

  static void assertCorrupt(byte[] frame, long bound, String... fragments) {
    CorruptChunkException e = assertThrows(CorruptChunkException.class,
        () -> MISMATCHED.decode(ByteBuffer.wrap(frame), bound));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  static byte[] mutated(Consumer<byte[]> change) {
    byte[] f = multiBlockFrame();
    change.accept(f);
    return f;
  }

  @Test
  void theTestFrameIsValidAndMultiBlock() {
    byte[] f = multiBlockFrame();
    assertEquals(4096, getInt(f, 8));
    assertEquals(f.length, getInt(f, 12));
    assertArrayEquals(smoothFloats(16 * 1024), array(MISMATCHED.decode(ByteBuffer.wrap(f), 65536)));
  }

  @Test
  void declaredSizeAboveTheChunkFails() {
    assertCorrupt(mutated(f -> putInt(f, 4, 1 << 30)), 65536, "1073741824", "65536");
    assertCorrupt(mutated(f -> putInt(f, 4, 65537)), 65536, "65537", "65536");
    // Without a bound, sizes no frame of this length can hold fail before allocating.
    assertCorrupt(mutated(f -> putInt(f, 4, Integer.MAX_VALUE)), -1, String.valueOf(Integer.MAX_VALUE));
    assertCorrupt(mutated(f -> putInt(f, 4, 1 << 30)), -1, "262144 blocks", "offsets");
    assertCorrupt(mutated(f -> putInt(f, 4, -5)), -1, "negative");
  }

  @Test
  void compressedSizePastTheInputFails() {
    byte[] f = multiBlockFrame();
    assertCorrupt(mutated(g -> putInt(g, 12, f.length + 1000)), 65536, String.valueOf(f.length + 1000), "chunk has " + f.length);
    assertCorrupt(Arrays.copyOf(f, f.length - 1), 65536, "chunk has " + (f.length - 1));
    assertCorrupt(mutated(g -> putInt(g, 12, 8)), 65536, "8 compressed bytes");
    assertCorrupt(Arrays.copyOf(f, 10), 65536, "fewer than the 16-byte header");
  }

  @Test
  void blockOffsetsPastTheEndFail() {
    byte[] f = multiBlockFrame();
    assertCorrupt(mutated(g -> putInt(g, 16 + 4 * 3, f.length + 100)), 65536, "block 3", "starts at offset " + (f.length + 100));
    assertCorrupt(mutated(g -> putInt(g, 16, -1)), 65536, "block 0", "offset -1");
    assertCorrupt(mutated(g -> putInt(g, 16 + 4 * 15, f.length - 2)), 65536, "block 15");
    // A stream size running past the end.
    assertCorrupt(mutated(g -> putInt(g, getInt(g, 16 + 4 * 5), 1 << 20)), 65536, "block 5", "1048576", "past the end");
    // More blocks than offsets fit: block size 1 for 64 KiB.
    assertCorrupt(mutated(g -> putInt(g, 8, 1)), 65536, "65536 blocks", "offsets");
  }

  @Test
  void badFieldsFail() {
    assertCorrupt(mutated(f -> f[3] = 0), 65536, "typesize 0");
    for (int code = 5; code <= 7; code++) {
      int c = code;
      assertCorrupt(mutated(f -> f[2] = (byte) ((f[2] & 0x1f) | c << 5)), 65536, "unknown compressor code " + code);
    }
    assertCorrupt(mutated(f -> f[0] = 3), 65536, "format version 3");
    assertCorrupt(mutated(f -> f[1] = 2), 65536, "zstd format version 2");
    assertCorrupt(mutated(f -> f[2] |= 0x8), 65536, "0x08");
    assertCorrupt(mutated(f -> putInt(f, 8, 0)), 65536, "block size 0");
    assertCorrupt(mutated(f -> putInt(f, 8, 70_000)), 65536, "block size 70000");
    // memcpyed, but cbytes is not nbytes + 16.
    assertCorrupt(mutated(f -> f[2] |= 0x2), 65536, "memcpyed");
  }

  @Test
  void corruptStreamDataFails() {
    byte[] f = multiBlockFrame();
    int start = getInt(f, 16 + 4 * 2);
    for (int i = start + 4; i < start + 24; i++) {
      f[i] = (byte) 0xA5;
    }
    assertCorrupt(f, 65536, "block 2", "zstd data", "4096");
  }

  /** Random damage anywhere in frames of every codec never escapes as another exception type. */
  @Test
  void randomDamageOnlyEverGivesCorruptChunk() {
    Random r = new Random(11);
    byte[] data = smoothFloats(3000);
    for (String cname : CNAMES) {
      for (Shuffle s : List.of(Shuffle.NOSHUFFLE, Shuffle.SHUFFLE, Shuffle.BITSHUFFLE)) {
        byte[] good = array(new BloscCodec(cname, 5, s, 4, r.nextBoolean() ? 0 : 1024).encode(ByteBuffer.wrap(data)));
        for (int iter = 0; iter < 150; iter++) {
          byte[] bad = good.clone();
          for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int at = r.nextInt(4) == 0 ? r.nextInt(Math.min(bad.length, 16 + 4 * 12)) : r.nextInt(bad.length);
            bad[at] = (byte) r.nextInt();
          }
          long bound = r.nextBoolean() ? data.length : -1;
          try {
            byte[] out = array(MISMATCHED.decode(ByteBuffer.wrap(bad), bound));
            assertTrue(bound < 0 || out.length <= bound);
          } catch (CorruptChunkException expected) {
            assertNotEquals(null, expected.getMessage());
          }
        }
      }
    }
  }
}
