package io.zarrspark.core.dtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.util.Json;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTypesTest {

  static StoredType v2(String s) {
    return DataTypes.parseV2(Json.NODES.textNode(s), "t");
  }

  @Test
  void v2TypestrsRoundTrip() {
    for (String s : List.of("|b1", "|i1", "<i2", ">i4", "<i8", "|u1", ">u2", "<u4", ">u8", "<f2", "<f4", ">f8",
        "<c8", ">c16", "<U5", ">U2", "|S4", "|V3", "<M8[ns]", ">m8[s]", "<M8[10s]", "<M8[D]")) {
      StoredType t = v2(s);
      assertEquals(s, DataTypes.toV2(t.type(), t.order()), s);
    }
    assertEquals(ByteOrder.BIG_ENDIAN, v2(">f8").order());
    assertEquals(DataType.unicode(5), v2("<U5").type());
    assertEquals(20, v2("<U5").type().byteSize());
    assertEquals(10, v2("<M8[10s]").type().timeScale());
  }

  @Test
  void v3NamesAndExtensions() {
    for (String n : List.of("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float16", "float32", "float64", "complex64", "complex128", "r8", "r48")) {
      DataType t = DataTypes.parseV3(Json.NODES.textNode(n), "t");
      assertEquals(n, DataTypes.toV3(t).asText());
    }
    DataType dt = DataTypes.parseV3(Json.parse("{\"name\":\"numpy.datetime64\",\"configuration\":{\"unit\":\"ms\",\"scale_factor\":1}}", "t"), "t");
    assertEquals(DataType.datetime("ms", 1), dt);
    assertEquals(dt, DataTypes.parseV3(DataTypes.toV3(dt), "t"));
  }

  @Test
  void unknownOrMalformedTypesFailNamingTheArray() {
    for (String s : List.of("<q8", "<i3", "|i4", "<f16", "<M8", "<i4[ns]", "<U0", "int4")) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> v2(s), s);
      assertTrue(e.getMessage().startsWith("t:"), e.getMessage());
    }
    assertThrows(InvalidMetadataException.class, () -> DataTypes.parseV3(Json.NODES.textNode("float128"), "t"));
    assertThrows(InvalidMetadataException.class, () -> DataTypes.parseV3(Json.NODES.textNode("r7"), "t"));
    assertThrows(InvalidMetadataException.class,
        () -> DataTypes.parseV2(Json.parse("[[\"a\", \"<i4\"]]", "t"), "t"));
  }

  @Test
  void float16ConversionIsCorrectlyRounded() {
    assertEquals(0x3c00, Float16.fromDouble(1.0) & 0xffff);
    assertEquals(0x7bff, Float16.fromDouble(65504.0) & 0xffff);
    assertEquals(0x7c00, Float16.fromDouble(65520.0) & 0xffff);
    assertEquals(0x0001, Float16.fromDouble(0x1p-24) & 0xffff);
    assertEquals(0x0000, Float16.fromDouble(0x1p-25) & 0xffff);
    assertEquals(0x0001, Float16.fromDouble(0x1.8p-25) & 0xffff);
    assertEquals(0x3c00, Float16.fromDouble(1.0 + 0x1p-11) & 0xffff); // tie to even
    assertEquals(0x3c02, Float16.fromDouble(1.0 + 3 * 0x1p-11) & 0xffff);
    for (int h = 0; h < 0x7c00; h++) {
      assertEquals(h, Float16.fromDouble(Float16.toFloat((short) h)) & 0xffff, "half " + h);
    }
  }
}
