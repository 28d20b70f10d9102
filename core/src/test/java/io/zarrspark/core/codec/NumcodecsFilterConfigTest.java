package io.zarrspark.core.codec;

import static io.zarrspark.core.codec.NumcodecsFiltersTest.bytes;
import static io.zarrspark.core.codec.NumcodecsFiltersTest.codec;
import static io.zarrspark.core.codec.NumcodecsFiltersTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.builtin.CategorizeCodec;
import io.zarrspark.core.codec.builtin.DeltaCodec;
import io.zarrspark.core.codec.builtin.FixedScaleOffsetCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.StoredType;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configurations (valid, malformed, JSON forms), size bounds and lossless round trips of the numcodecs filters. */
class NumcodecsFilterConfigTest {
  static final List<String> IDS = List.of("delta", "fixedscaleoffset", "quantize", "astype", "bitround", "shuffle",
      "packbits", "categorize");

  @Test
  void registeredUnderV2IdsAndV3Names() {
    for (String id : IDS) {
      assertTrue(CodecRegistry.defaults().knowsV2(id), id);
      assertTrue(CodecRegistry.defaults().knowsV3("numcodecs." + id), id);
    }
  }

  /** The v2 JSON is numcodecs' get_config (dtypes as typestrs, Python ints kept ints); v3 drops "id". */
  @Test
  void configurationsRoundTrip() {
    for (String[] v : NumcodecsFiltersTest.VECTORS) {
      JsonNode given = Json.parse(v[0], "config");
      BytesToBytesCodec c = codec(v[0]);
      assertEquals(given, c.toV2Json().orElseThrow(), v[0]);
      ObjectNode v3 = c.toV3Json();
      assertEquals("numcodecs." + given.get("id").asText(), v3.get("name").asText());
      assertTrue(!v3.get("configuration").has("id"));
      Codec back = CodecRegistry.defaults().fromV3(v3, "test/arr");
      assertEquals(given, back.toV2Json().orElseThrow(), v[0]);
    }
  }

  /** Defaults as in numcodecs; bare typestrs and numpy names are read as numpy reads them. */
  @Test
  void defaultsAndDtypeSpellings() {
    assertEquals("{\"id\":\"delta\",\"dtype\":\"<i4\",\"astype\":\"<i4\"}",
        codec("{\"id\": \"delta\", \"dtype\": \"int32\"}").toV2Json().orElseThrow().toString());
    assertEquals("{\"id\":\"quantize\",\"digits\":1,\"dtype\":\"<f8\",\"astype\":\"<f8\"}",
        codec("{\"id\": \"quantize\", \"digits\": 1, \"dtype\": \"f8\"}").toV2Json().orElseThrow().toString());
    assertEquals("{\"id\":\"shuffle\",\"elementsize\":4}", codec("{\"id\": \"shuffle\"}").toV2Json().orElseThrow().toString());
    assertEquals("|u1", codec("{\"id\": \"categorize\", \"labels\": [], \"dtype\": \"<U3\"}").toV2Json().orElseThrow()
        .get("astype").asText());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
      "{\"id\": \"delta\"};                                                  delta;  missing 'dtype'",
      "{\"id\": \"delta\", \"dtype\": \"<i33\"};                             delta;  '<i33'",
      "{\"id\": \"delta\", \"dtype\": \"int33\"};                            delta;  int33",
      "{\"id\": \"delta\", \"dtype\": 4};                                    delta;  'dtype'",
      "{\"id\": \"delta\", \"dtype\": \"|b1\"};                              delta;  |b1",
      "{\"id\": \"delta\", \"dtype\": \"<i4\", \"astype\": \"<c8\"};         delta;  <c8",
      "{\"id\": \"fixedscaleoffset\", \"scale\": 1, \"dtype\": \"<f8\"};     fixedscaleoffset; missing 'offset'",
      "{\"id\": \"fixedscaleoffset\", \"offset\": 1, \"dtype\": \"<f8\"};    fixedscaleoffset; missing 'scale'",
      "{\"id\": \"fixedscaleoffset\", \"offset\": \"a\", \"scale\": 1, \"dtype\": \"<f8\"}; fixedscaleoffset; 'offset'",
      "{\"id\": \"fixedscaleoffset\", \"offset\": 1180591620717411303424, \"scale\": 1, \"dtype\": \"<f8\"}; fixedscaleoffset; range",
      "{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 1};           fixedscaleoffset; missing 'dtype'",
      "{\"id\": \"quantize\", \"dtype\": \"<f8\"};                            quantize; missing 'digits'",
      "{\"id\": \"quantize\", \"digits\": 2, \"dtype\": \"<i4\"};            quantize; <i4",
      "{\"id\": \"quantize\", \"digits\": 2.5, \"dtype\": \"<f4\"};          quantize; 'digits'",
      "{\"id\": \"astype\", \"encode_dtype\": \"<f4\"};                      astype; missing 'decode_dtype'",
      "{\"id\": \"astype\", \"encode_dtype\": \"<M8[ns]\", \"decode_dtype\": \"<i8\"}; astype; <M8[ns]",
      "{\"id\": \"bitround\"};                                               bitround; missing 'keepbits'",
      "{\"id\": \"bitround\", \"keepbits\": -1};                             bitround; keepbits",
      "{\"id\": \"bitround\", \"keepbits\": 53};                             bitround; keepbits",
      "{\"id\": \"shuffle\", \"elementsize\": \"4\"};                        shuffle; 'elementsize'",
      "{\"id\": \"categorize\", \"dtype\": \"<U3\"};                         categorize; missing 'labels'",
      "{\"id\": \"categorize\", \"labels\": \"ab\", \"dtype\": \"<U3\"};     categorize; 'labels'",
      "{\"id\": \"categorize\", \"labels\": [1], \"dtype\": \"<U3\"};        categorize; 'labels'",
      "{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"|O\"};     categorize; object",
      "{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"<i4\"};    categorize; unicode",
      "{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"<U3\", \"astype\": \"<f4\"}; categorize; <f4",
  })
  void malformedConfigurationsNameTheCodec(String config, String id, String detail) {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> codec(config.trim()));
    assertTrue(e.getMessage().startsWith("test/arr: codec '" + id.trim() + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(detail.trim()), e.getMessage());
  }

  /** A chunk whose encoded size implies more than a chunk can hold fails before allocating it. */
  @Test
  void decodingIsBoundedByTheChunkSize() {
    String[] configs = {
        "{\"id\": \"astype\", \"encode_dtype\": \"|u1\", \"decode_dtype\": \"<f8\"}",
        "{\"id\": \"delta\", \"dtype\": \"<i8\", \"astype\": \"|i1\"}",
        "{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 1, \"dtype\": \"<f8\", \"astype\": \"|u1\"}",
        "{\"id\": \"quantize\", \"digits\": 1, \"dtype\": \"<f8\", \"astype\": \"<f2\"}",
        "{\"id\": \"categorize\", \"labels\": [\"a\"], \"dtype\": \"<U8\"}",
        "{\"id\": \"packbits\"}",
        "{\"id\": \"shuffle\", \"elementsize\": 2}",
        "{\"id\": \"bitround\", \"keepbits\": 2}",
    };
    for (String config : configs) {
      BytesToBytesCodec c = codec(config);
      ByteBuffer in = ByteBuffer.allocate(1000);
      CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> c.decode(in, 999), config);
      assertTrue(e.getMessage().contains("999"), e.getMessage());
      // At the bound itself decoding works.
      long exact = c.decode(ByteBuffer.allocate(1000), -1).remaining();
      assertEquals(exact, c.decode(ByteBuffer.allocate(1000), exact).remaining(), config);
    }
  }

  @Test
  void partialElementsAndBadHeadersAreCorrupt() {
    assertThrows(CorruptChunkException.class, () -> codec("{\"id\": \"delta\", \"dtype\": \"<i4\"}").decode(bytes("010203"), -1));
    assertThrows(CorruptChunkException.class, () -> codec("{\"id\": \"shuffle\", \"elementsize\": 4}").decode(bytes("0102"), -1));
    BytesToBytesCodec packbits = codec("{\"id\": \"packbits\"}");
    assertThrows(CorruptChunkException.class, () -> packbits.decode(bytes(""), -1));
    assertThrows(CorruptChunkException.class, () -> packbits.decode(bytes("08ff"), -1));
    assertThrows(CorruptChunkException.class, () -> packbits.decode(bytes("03"), -1));
    assertEquals("", hex(packbits.decode(bytes("00"), -1)));
    // Encoding a partial element is the caller's error, as numpy's view() makes it for numcodecs.
    assertThrows(IllegalArgumentException.class, () -> codec("{\"id\": \"delta\", \"dtype\": \"<i4\"}").encode(bytes("01")));
  }

  /** Lossless configurations give back every value, in either byte order and for any length. */
  @Test
  void losslessRoundTrips() {
    Random r = new Random(11);
    String[] configs = {
        "{\"id\": \"delta\", \"dtype\": \"<i4\"}", "{\"id\": \"delta\", \"dtype\": \">u8\"}",
        "{\"id\": \"shuffle\", \"elementsize\": 8}",
        "{\"id\": \"astype\", \"encode_dtype\": \">i8\", \"decode_dtype\": \"<i2\"}",
        "{\"id\": \"astype\", \"encode_dtype\": \"<f8\", \"decode_dtype\": \">f4\"}",
        "{\"id\": \"fixedscaleoffset\", \"offset\": -7, \"scale\": 1, \"dtype\": \"<i2\", \"astype\": \"<i4\"}",
    };
    for (String config : configs) {
      BytesToBytesCodec c = codec(config);
      for (int n : new int[] {0, 8, 24, 4096}) {
        byte[] data = new byte[n];
        r.nextBytes(data);
        if (config.contains("f4")) {
          for (int i = 0; i < n; i += 4) {
            data[i] &= (byte) 0xbf; // big-endian exponent below all-ones: no NaN, which float64 would quiet
          }
        }
        ByteBuffer enc = c.encode(ByteBuffer.wrap(data));
        assertTrue(enc.remaining() <= c.maxEncodedSize(n), config);
        assertArrayEquals(data, toArray(c.decode(enc, n)), config + " n=" + n);
      }
    }
    // A delta with a narrow astype restores values far beyond its range when the first value and
    // the differences fit (numcodecs stores the first value as it is).
    ByteBuffer ramp = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 100; i++) {
      ramp.putInt(i * 4, 100 + i * 3);
    }
    BytesToBytesCodec narrow = codec("{\"id\": \"delta\", \"dtype\": \"<i4\", \"astype\": \"|i1\"}");
    assertArrayEquals(ramp.array(), toArray(narrow.decode(narrow.encode(ramp), 400)));
  }

  /** What numcodecs hands the next codec, whose itemsize blosc shuffles by. */
  @Test
  void encodedElementSizeIsTheItemsizeNumcodecsPassesOn() {
    assertEquals(2, codec("{\"id\": \"delta\", \"dtype\": \"<i8\", \"astype\": \"<i2\"}").encodedElementSize(8));
    assertEquals(4, codec("{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 1, \"dtype\": \"<f8\", "
        + "\"astype\": \"<i4\"}").encodedElementSize(8));
    assertEquals(2, codec("{\"id\": \"quantize\", \"digits\": 1, \"dtype\": \"<f4\", \"astype\": \"<f2\"}")
        .encodedElementSize(4));
    assertEquals(4, codec("{\"id\": \"astype\", \"encode_dtype\": \"<f4\", \"decode_dtype\": \"<f8\"}")
        .encodedElementSize(8));
    assertEquals(1, codec("{\"id\": \"categorize\", \"labels\": [], \"dtype\": \"<U3\"}").encodedElementSize(12));
    assertEquals(1, codec("{\"id\": \"shuffle\", \"elementsize\": 4}").encodedElementSize(4));
    assertEquals(1, codec("{\"id\": \"packbits\"}").encodedElementSize(1));
    assertEquals(8, codec("{\"id\": \"bitround\", \"keepbits\": 3}").encodedElementSize(8));
  }

  @Test
  void packBitsTreatsAnyNonZeroByteAsTrue() {
    BytesToBytesCodec c = codec("{\"id\": \"packbits\"}");
    assertEquals("0780", hex(c.encode(bytes("07"))));
    assertEquals("01", hex(c.decode(c.encode(bytes("ff")), 1)));
  }

  @Test
  void categorizeEncodesLabelsAndZeroForOthers() {
    StoredType u3 = new StoredType(DataType.unicode(3), ByteOrder.LITTLE_ENDIAN);
    StoredType u1 = new StoredType(DataType.UINT8, ByteOrder.LITTLE_ENDIAN);
    // Later duplicates win, as numcodecs assigns codes label by label.
    CategorizeCodec c = new CategorizeCodec(List.of("ab", "c", "ab"), u3, u1);
    ByteBuffer in = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
    in.putInt(0, 'a').putInt(4, 'b').putInt(12, 'c').putInt(24, 'x');
    assertEquals("030200", hex(c.encode(in)));
  }

  @Test
  void constructorsRejectUnsupportedTypes() {
    StoredType c8 = new StoredType(DataType.COMPLEX64, ByteOrder.LITTLE_ENDIAN);
    StoredType i4 = new StoredType(DataType.INT32, ByteOrder.LITTLE_ENDIAN);
    assertThrows(IllegalArgumentException.class, () -> new DeltaCodec(c8, i4));
    assertThrows(IllegalArgumentException.class, () -> new FixedScaleOffsetCodec(1, 1.5f, i4, c8));
    assertThrows(IllegalArgumentException.class, () -> new FixedScaleOffsetCodec(new java.math.BigDecimal("1"), 1, i4, i4));
  }

  static byte[] toArray(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }
}
