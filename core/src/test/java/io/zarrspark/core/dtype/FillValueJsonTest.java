package io.zarrspark.core.dtype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FillValueJsonTest {

  static JsonNode json(String s) {
    return Json.parse(s, "test");
  }

  static FillValue v3(String s, DataType t) {
    return FillValueJson.parseV3(json(s), t, "test");
  }

  static FillValue v2(String s, DataType t) {
    return FillValueJson.parseV2(json(s), t, "test");
  }

  static int f32(FillValue f) {
    return ByteBuffer.wrap(f.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @Test
  void floatSpecialsAndHexPayloads() {
    assertEquals(0x7fc00000, f32(v3("\"NaN\"", DataType.FLOAT32)));
    assertEquals(0x7f800000, f32(v3("\"Infinity\"", DataType.FLOAT32)));
    assertEquals(0xff800000, f32(v3("\"-Infinity\"", DataType.FLOAT32)));
    assertEquals(0x7fc00001, f32(v3("\"0x7fc00001\"", DataType.FLOAT32)));
    assertEquals(0xffc00000, f32(v3("\"0xffc00000\"", DataType.FLOAT32)));
    assertEquals(0x80000000, f32(v3("-0.0", DataType.FLOAT32)));
    assertEquals(Double.doubleToRawLongBits(0.1), v3("0.1", DataType.FLOAT64).asLong());
    assertEquals(0x7ff8000000000001L, v3("\"0x7ff8000000000001\"", DataType.FLOAT64).asLong());
    assertEquals(0x7e00, v3("\"NaN\"", DataType.FLOAT16).asLong() & 0xffff);
    assertEquals(0x3c00, v3("1.0", DataType.FLOAT16).asLong() & 0xffff);
    // Python's json writes NaN bare in attributes; fill values may come that way too.
    assertEquals(0x7ff8000000000000L, v2("NaN", DataType.FLOAT64).asLong());
  }

  @Test
  void hexFillsRoundTripExactlyInV3() {
    for (String hex : new String[] {"\"0x7fc00001\"", "\"0xffc00000\"", "\"0x7f800001\""}) {
      FillValue f = v3(hex, DataType.FLOAT32);
      assertEquals(hex, FillValueJson.toV3(f, DataType.FLOAT32).toString());
    }
    assertEquals("\"NaN\"", FillValueJson.toV3(v3("\"NaN\"", DataType.FLOAT64), DataType.FLOAT64).toString());
  }

  @Test
  void integersBeyondTwoToThe53AreExact() {
    FillValue big = v2("18446744073709551614", DataType.UINT64);
    assertEquals(-2L, big.asLong());
    assertEquals("18446744073709551614", FillValueJson.toV2(big, DataType.UINT64).toString());
    assertEquals(9007199254740993L, v3("9007199254740993", DataType.INT64).asLong());
    assertEquals(Long.MIN_VALUE, v3("-9223372036854775808", DataType.INT64).asLong());
    assertEquals(-999, v3("-999", DataType.INT16).asLong());
  }

  @Test
  void outOfRangeAndWrongTypesAreRejected() {
    assertThrows(InvalidMetadataException.class, () -> v3("256", DataType.UINT8));
    assertThrows(InvalidMetadataException.class, () -> v3("-1", DataType.UINT32));
    assertThrows(InvalidMetadataException.class, () -> v3("18446744073709551616", DataType.UINT64));
    assertThrows(InvalidMetadataException.class, () -> v3("1.5", DataType.INT32));
    assertThrows(InvalidMetadataException.class, () -> v3("\"x\"", DataType.FLOAT32));
    assertThrows(InvalidMetadataException.class, () -> v3("\"0x7fc0\"", DataType.FLOAT32));
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> v3("[1]", DataType.COMPLEX64));
    assertTrue(e.getMessage().contains("test"), e.getMessage());
  }

  @Test
  void complexStringsBytesAndTimes() {
    FillValue c = v2("[\"NaN\", -1.5]", DataType.COMPLEX128);
    ByteBuffer b = ByteBuffer.wrap(c.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    assertTrue(Double.isNaN(b.getDouble(0)));
    assertEquals(-1.5, b.getDouble(8));
    assertArrayEquals(new byte[] {'a', 'b', 0, 1}, v2("\"YWIAAQ==\"", DataType.bytes(4)).bytes());
    FillValue u = v2("\"é漢\"", DataType.unicode(3));
    ByteBuffer ub = ByteBuffer.wrap(u.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals('é', ub.getInt(0));
    assertEquals('漢', ub.getInt(4));
    assertEquals(0, ub.getInt(8));
    assertEquals("\"é漢\"", FillValueJson.toV2(u, DataType.unicode(3)).toString());
    assertEquals(Long.MIN_VALUE, v2("-9223372036854775808", DataType.datetime("ns", 1)).asLong());
    assertEquals(Long.MIN_VALUE, v3("\"NaT\"", DataType.datetime("s", 1)).asLong());
    assertArrayEquals(new byte[] {1, 2, (byte) 255}, v3("[1, 2, 255]", DataType.raw(24)).bytes());
    assertEquals(1, v3("true", DataType.BOOL).asLong());
  }

  @Test
  void nullFillIsZero() {
    assertTrue(FillValueJson.parseV2(null, DataType.INT32, "t").isZero());
    assertTrue(v2("null", DataType.FLOAT64).isZero());
  }
}
