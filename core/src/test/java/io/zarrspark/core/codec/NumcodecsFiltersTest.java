package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.BitRoundCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.StoredType;
import io.zarrspark.core.fixtures.Fixtures;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The numcodecs filters against bytes numcodecs 0.11 (numpy 1.24.2, x86-64) produced: every
 * vector below was printed by /usr/bin/python3 with {@code from numcodecs import *}, {@code nan =
 * np.nan}, {@code inf = np.inf}; the comment above each row gives the codec and the data (with
 * {@code c.encode(data.tobytes())}, then {@code c.decode} of that), or the bytes decoded.
 */
class NumcodecsFiltersTest {
  static final HexFormat HEX = HexFormat.of();

  /** {v2 config, data (null: decode only), encoded, decode(encoded)}. */
  static final String[][] VECTORS = {
      // Delta(dtype='<i4'): data = np.array([5, 7, 4, -2147483648, 2147483647], '<i4')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"delta\", \"dtype\": \"<i4\", \"astype\": \"<i4\"}",
          "05000000070000000400000000000080ffffff7f",
          "0500000002000000fdfffffffcffff7fffffffff",
          "05000000070000000400000000000080ffffff7f"},
      // Delta(dtype='<i8', astype='<i2'): data = np.array([100, 40000, 40001, -7, 2**40], '<i8')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"delta\", \"dtype\": \"<i8\", \"astype\": \"<i2\"}",
          "6400000000000000409c000000000000419c000000000000f9ffffffffffffff0000000000010000",
          "6400dc9b0100b8630700",
          "6400000000000000409cffffffffffff419cfffffffffffff9ffffffffffffff0000000000000000"},
      // Delta(dtype='>f8', astype='<f4'): data = np.array([0.1, 0.2, 0.7, nan, 1e300], '>f8')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"delta\", \"dtype\": \">f8\", \"astype\": \"<f4\"}",
          "3fb999999999999a3fc999999999999a3fe66666666666667ff80000000000007e37e43c8800759c",
          "cdcccc3dcdcccc3d0000003f0000c07f0000c07f",
          "3fb99999a00000003fc99999a00000003fe66666680000007ff80000000000007ff8000000000000"},
      // Delta(dtype='<u4', astype='<f8'): decode(np.array([1.5, nan, 1e10, -1.0, 3e9], '<f8'))
      {"{\"id\": \"delta\", \"dtype\": \"<u4\", \"astype\": \"<f8\"}",
          null,
          "000000000000f83f000000000000f87f000000205fa00242000000000000f0bf000000c00b5ae641",
          "0100000000000080000000800000008000000000"},
      // FixedScaleOffset(offset=100.0, scale=100.0, dtype='<f8', astype='<u2'): data = np.array([100.0, 100.004, 100.005, 100.015, 755.35, nan], '<f8')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"fixedscaleoffset\", \"scale\": 100.0, \"offset\": 100.0, \"dtype\": \"<f8\", \"astype\": \"<u2\"}",
          "0000000000005940c74b378941005940b81e85eb51005940295c8fc2f5005940cdcccccccc9a8740000000000000f87f",
          "0000000000000200ffff0000",
          "000000000000594000000000000059400000000000005940e17a14ae47015940cdcccccccc9a87400000000000005940"},
      // FixedScaleOffset(offset=1000, scale=1, dtype='<i4', astype='<i2'): data = np.array([1000, 0, 33767, -40000, 7], '<i4')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"fixedscaleoffset\", \"scale\": 1, \"offset\": 1000, \"dtype\": \"<i4\", \"astype\": \"<i2\"}",
          "e803000000000000e7830000c063ffff07000000",
          "000018fcff7fd85f1ffc",
          "e803000000000000e7830000c063000007000000"},
      // FixedScaleOffset(offset=0.5, scale=10, dtype='<f2', astype='<i2'): data = np.array([0.5, 1.2344, 3.14, -2.5, 65504.0], '<f2')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"fixedscaleoffset\", \"scale\": 10, \"offset\": 0.5, \"dtype\": \"<f2\", \"astype\": \"<i2\"}",
          "0038f03c484200c1ff7b",
          "000007001a00e2ff0000",
          "0038cd3c334200c10038"},
      // FixedScaleOffset(offset=-3.25, scale=0.1, dtype='<f4', astype='>f4'): data = np.array([1.0, -2.5, 1e30, -inf, nan], '<f4')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"fixedscaleoffset\", \"scale\": 0.1, \"offset\": -3.25, \"dtype\": \"<f4\", \"astype\": \">f4\"}",
          "0000803f000020c0caf24971000080ff0000c07f",
          "00000000000000006fa18f08ff8000007fc00000",
          "000050c0000050c0caf24971000080ff0000c07f"},
      // Quantize(digits=2, dtype='<f4'): data = np.array([0.1, 1/3, -2.71828, 1e6 + 0.123, nan], '<f4')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"quantize\", \"digits\": 2, \"dtype\": \"<f4\", \"astype\": \"<f4\"}",
          "cdcccc3dabaaaa3e4df82dc0022474490000c07f",
          "0000d03d0000ac3e00002ec0022474490000c07f",
          "0000d03d0000ac3e00002ec0022474490000c07f"},
      // Quantize(digits=3, dtype='<f8', astype='<f2'): data = np.array([0.1, 1/3, -2.71828, 7e4, nan], '<f8')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"quantize\", \"digits\": 3, \"dtype\": \"<f8\", \"astype\": \"<f2\"}",
          "9a9999999999b93f555555555555d53f90f7aa9509bf05c0000000000017f140000000000000f87f",
          "602e543570c1007c007e",
          "000000000080b93f000000000050d53f0000000000c005c0000000000000f07f000000000000f87f"},
      // AsType(encode_dtype='<f4', decode_dtype='<f8'): data = np.array([0.1, 1e40, -0.0, 2.0**-149, nan], '<f8')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"astype\", \"encode_dtype\": \"<f4\", \"decode_dtype\": \"<f8\"}",
          "9a9999999999b93fa55cc3f129633d480000000000000080000000000000a036000000000000f87f",
          "cdcccc3d0000807f00000080010000000000c07f",
          "000000a09999b93f000000000000f07f0000000000000080000000000000a036000000000000f87f"},
      // AsType(encode_dtype='<f8', decode_dtype='<u4'): decode(np.array([nan, 1e10, -1.5, 3e9, nan, 1e10, -1.5], '<f8'))
      {"{\"id\": \"astype\", \"encode_dtype\": \"<f8\", \"decode_dtype\": \"<u4\"}",
          null,
          "000000000000f87f000000205fa00242000000000000f8bf000000c00b5ae641000000000000f87f000000205fa00242000000000000f8bf",
          "0000008000000000ffffffff005ed0b20000000000e40b54ffffffff"},
      // AsType(encode_dtype='<f2', decode_dtype='<f4'): decode(np.array([0x7c01, 0xfe00, 0x3c00, 0x0001], '<u2').view('<f2'))
      {"{\"id\": \"astype\", \"encode_dtype\": \"<f2\", \"decode_dtype\": \"<f4\"}",
          null,
          "017c00fe003c0100",
          "0020807f0000c0ff0000803f00008033"},
      // AsType(encode_dtype='|i1', decode_dtype='>u2'): decode(np.array([-1, 127, -128, 0], '|i1'))
      {"{\"id\": \"astype\", \"encode_dtype\": \"|i1\", \"decode_dtype\": \">u2\"}",
          null,
          "ff7f8000",
          "ffff007fff800000"},
      // Shuffle(elementsize=4): data = np.arange(12, dtype='u1')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"shuffle\", \"elementsize\": 4}",
          "000102030405060708090a0b",
          "00040801050902060a03070b",
          "000102030405060708090a0b"},
      // Shuffle(elementsize=3): data = np.arange(9, dtype='u1')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"shuffle\", \"elementsize\": 3}",
          "000102030405060708",
          "000306010407020508",
          "000102030405060708"},
      // PackBits(): data = np.array([1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1], bool)
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"packbits\"}",
          "0100000101010001000101",
          "059d60",
          "0100000101010001000101"},
      // Categorize(labels=['apple', 'banana', 'd\u00e9j\u00e0', '\U0001F600'], dtype='<U4', astype='|u1'): data = np.array(['apple', 'banana', 'd\u00e9j\u00e0', '', 'kiwi', '\U0001F600', 'appl'], '<U4')
      //   encode(data) and decode(encode(data))
      {"{\"id\": \"categorize\", \"labels\": [\"apple\", \"banana\", \"d\u00e9j\u00e0\", \"\ud83d\ude00\"], \"dtype\": \"<U4\", \"astype\": \"|u1\"}",
          "6100000070000000700000006c00000062000000610000006e0000006100000064000000e90000006a000000e0000000000000000000000000000000000000006b00000069000000770000006900000000f601000000000000000000000000006100000070000000700000006c000000",
          "00000300000400",
          "000000000000000000000000000000000000000000000000000000000000000064000000e90000006a000000e0000000000000000000000000000000000000000000000000000000000000000000000000f6010000000000000000000000000000000000000000000000000000000000"},
      // Categorize(labels=['apple', 'banana', 'd\u00e9j\u00e0', '\U0001F600'], dtype='<U4', astype='|u1'): decode(np.array([1, 2, 3, 4, 0, 9], '|u1'))
      {"{\"id\": \"categorize\", \"labels\": [\"apple\", \"banana\", \"d\u00e9j\u00e0\", \"\ud83d\ude00\"], \"dtype\": \"<U4\", \"astype\": \"|u1\"}",
          null,
          "010203040009",
          "6100000070000000700000006c00000062000000610000006e0000006100000064000000e90000006a000000e000000000f601000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
      // Categorize(labels=['ab', 'c'], dtype='>U2', astype='<i2'): decode(np.array([2, 0, 1, 3, -1, 2], '<i2'))
      {"{\"id\": \"categorize\", \"labels\": [\"ab\", \"c\"], \"dtype\": \">U2\", \"astype\": \"<i2\"}",
          null,
          "0200000001000300ffff0200",
          "000000630000000000000000000000000000006100000062000000000000000000000000000000000000006300000000"},

  };

  static BytesToBytesCodec codec(String config) {
    return (BytesToBytesCodec) CodecRegistry.defaults().fromV2(Json.parse(config, "test config"), "test/arr");
  }

  static String hex(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return HEX.formatHex(a);
  }

  static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HEX.parseHex(hex));
  }

  @Test
  void decodesAndEncodesExactlyAsNumcodecs() {
    for (String[] v : VECTORS) {
      BytesToBytesCodec c = codec(v[0]);
      assertEquals(v[3], hex(c.decode(bytes(v[2]), -1)), "decode by " + v[0]);
      if (v[1] != null) {
        ByteBuffer enc = c.encode(bytes(v[1]));
        assertEquals(v[2], hex(enc), "encode by " + v[0]);
        assertTrue(enc.remaining() <= c.maxEncodedSize(v[1].length() / 2), "maxEncodedSize of " + v[0]);
      }
    }
  }

  @Test
  void inputsWithPositionAndForeignOrderDecodeTheSame() {
    for (String[] v : VECTORS) {
      byte[] enc = HEX.parseHex(v[2]);
      byte[] padded = new byte[enc.length + 7];
      System.arraycopy(enc, 0, padded, 3, enc.length);
      ByteBuffer b = ByteBuffer.wrap(padded, 3, enc.length).order(ByteOrder.BIG_ENDIAN);
      ByteBuffer d = ByteBuffer.allocateDirect(enc.length).order(ByteOrder.LITTLE_ENDIAN).put(enc).flip();
      assertEquals(v[3], hex(codec(v[0]).decode(b, -1)), v[0]);
      assertEquals(v[3], hex(codec(v[0]).decode(d, -1)), v[0]);
    }
  }

  /**
   * BitRound(keepbits=3).encode(np.array([1.0, 1.0625, 1.1875, 3.14159, -65504.0, nan], '<f4')) and
   * BitRound(keepbits=2).encode(np.array([1.0, 1.125, 1.375, 65504.0, -0.0, 6e-8], '<f2')): ties
   * go to even, and rounding may carry into the exponent (65504 becomes inf).
   */
  @Test
  void bitRoundMatchesNumcodecs() {
    StoredType f4 = new StoredType(DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN);
    StoredType f2 = new StoredType(DataType.FLOAT16, ByteOrder.LITTLE_ENDIAN);
    assertEquals("0000803f0000803f0000a03f00005040000080c70000c07f",
        hex(new BitRoundCodec(3, f4).encode(bytes("0000803f0000883f0000983fd00f494000e07fc70000c07f"))));
    assertEquals("003c003c003e007c00800000", hex(new BitRoundCodec(2, f2).encode(bytes("003c803c803dff7b00800100"))));
    // keepbits equal to the mantissa width changes nothing.
    assertEquals("0100803f", hex(new BitRoundCodec(23, f4).encode(bytes("0100803f"))));
    // Decoding is the identity, for the configured codec too.
    BytesToBytesCodec fromConfig = codec("{\"id\": \"bitround\", \"keepbits\": 3}");
    assertEquals("0000a03f", hex(fromConfig.decode(bytes("0000a03f"), 4)));
    // numcodecs fails on big-endian arrays (its table lacks '>f4'); we round the same values.
    StoredType f4be = new StoredType(DataType.FLOAT32, ByteOrder.BIG_ENDIAN);
    assertEquals("3f800000", hex(new BitRoundCodec(3, f4be).encode(bytes("3f880000"))));
  }

  /** The configuration has no float width, so a codec read from metadata cannot encode. */
  @Test
  void bitRoundFromConfigurationCannotEncode() {
    BytesToBytesCodec c = codec("{\"id\": \"bitround\", \"keepbits\": 3}");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> c.encode(bytes("0000803f")));
    assertTrue(e.getMessage().contains("BitRoundCodec(keepbits, type)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new BitRoundCodec(11, new StoredType(DataType.FLOAT16, ByteOrder.LITTLE_ENDIAN)));
  }

  /** Arrays zarr-python wrote with these filters read bit-exactly (PeerFixturesTest covers them too). */
  @Test
  void filterFixturesReadExactly() throws Exception {
    CodecRegistry r = CodecRegistry.defaults();
    Set<String> mine = Set.of("delta", "fixedscaleoffset", "quantize", "astype", "bitround", "shuffle", "packbits",
        "categorize");
    List<String> read = new ArrayList<>();
    for (Fixtures.Entry e : Fixtures.entries()) {
      if (!e.path().startsWith("filters/")) {
        continue;
      }
      if (!e.codecs().stream().allMatch(r::knowsV2)) {
        // Only codecs outside this set (blosc, another engineer's) may be missing.
        assertTrue(e.codecs().stream().filter(c -> !r.knowsV2(c)).noneMatch(mine::contains), e.toString());
        continue;
      }
      FileSystemStore store = new FileSystemStore(Fixtures.root().resolve(e.store()).toUri(), new Configuration());
      NdArray all = ZarrArray.open(store, e.path()).readAll();
      assertArrayEquals(Files.readAllBytes(e.expected()), all.data(), e.toString());
      read.add(e.path());
    }
    assertTrue(read.size() >= 12, "filter fixtures read: " + read);
  }

  /**
   * Encoding the chunks we read gives back, before the compressor, the very bytes numcodecs
   * stored (lossy filters are idempotent on their own output). bitround is left out: its
   * configuration does not say the float width, so it cannot encode.
   */
  @Test
  void filterFixturesReEncodeToTheStoredBytes() {
    CodecRegistry r = CodecRegistry.defaults();
    int chunks = 0;
    for (Fixtures.Entry e : Fixtures.entries()) {
      if (!e.path().startsWith("filters/") || !e.codecs().stream().allMatch(r::knowsV2) || e.codecs().contains("bitround")) {
        continue;
      }
      ZarrArray a = ZarrArray.open(new FileSystemStore(Fixtures.root().resolve(e.store()).toUri(), new Configuration()),
          e.path());
      CodecChain chain = a.metadata().codecs();
      List<BytesToBytesCodec> bytesCodecs = chain.bytesCodecs();
      boolean compressed = a.metadata().v2Layout().orElseThrow().compressor() != null;
      BytesToBytesCodec compressor = compressed ? bytesCodecs.get(bytesCodecs.size() - 1) : null;
      CodecChain filtersOnly = new CodecChain(chain.arrayCodecs(), chain.serializer(),
          compressed ? bytesCodecs.subList(0, bytesCodecs.size() - 1) : bytesCodecs);
      long[] counts = a.grid().gridShape();
      for (long c = 0; c < Arrays.stream(counts).reduce(1, (x, y) -> x * y); c++) {
        long[] coords = new long[counts.length];
        for (int d = counts.length - 1, rest = (int) c; d >= 0; rest /= (int) counts[d], d--) {
          coords[d] = rest % counts[d];
        }
        ByteBuffer raw = a.readRawChunk(coords).orElseThrow();
        String stored = hex(compressed ? compressor.decode(raw, -1) : raw);
        assertEquals(stored, hex(filtersOnly.encode(a.readChunk(coords), a.metadata().chunkSpec())), e + " chunk " + c);
        chunks++;
      }
    }
    assertTrue(chunks >= 50, chunks + " chunks checked");
  }
}
