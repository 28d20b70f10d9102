package io.zarrspark.core.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zarrspark.core.dtype.DataType;
import org.junit.jupiter.api.Test;

class FixedWidthsTest {
  @Test
  void widensStringsKeepingEachValueAndPaddingWithNuls() {
    NdArray u2 = NdArray.wrap(DataType.unicode(2), new int[] {2}, utf32("ab" + "c\0"));
    assertArrayEquals(utf32("ab\0\0" + "c\0\0\0"), FixedWidths.widen(u2, DataType.unicode(4)).data());
    NdArray s1 = NdArray.wrap(DataType.bytes(1), new int[] {3}, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 0, 2, 0, 3, 0}, FixedWidths.widen(s1, DataType.bytes(2)).data());
  }

  @Test
  void refusesNarrowingAndOtherKinds() {
    NdArray u2 = NdArray.allocate(DataType.unicode(2), new int[] {1});
    assertThrows(IllegalArgumentException.class, () -> FixedWidths.widen(u2, DataType.unicode(1)));
    assertThrows(IllegalArgumentException.class, () -> FixedWidths.widen(u2, DataType.bytes(8)));
    assertThrows(IllegalArgumentException.class,
        () -> FixedWidths.widen(NdArray.allocate(DataType.INT32, new int[] {1}), DataType.INT64));
  }

  private static byte[] utf32(String s) {
    return s.getBytes(java.nio.charset.Charset.forName("UTF-32LE"));
  }
}
