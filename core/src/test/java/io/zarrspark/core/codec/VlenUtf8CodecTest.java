package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.VlenUtf8Codec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.StringHeap;
import io.zarrspark.core.store.MemoryStore;
import io.zarrspark.core.store.Store;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

public class VlenUtf8CodecTest {
  // /usr/bin/python3 -c "import numcodecs, numpy as np;
  //   print(numcodecs.VLenUTF8().encode(np.array(['a','bb','','héllo','日本🎉','z'],dtype=object)).hex())"
  static final String NUMCODECS_6 = "060000000100000061020000006262000000000600000068c3a96c6c6f0a000000"
      + "e697a5e69cacf09f8e89010000007a";
  static final String[] VALUES_6 = {"a", "bb", "", "héllo", "日本🎉", "z"};

  private static final VlenUtf8Codec CODEC = new VlenUtf8Codec();

  static ChunkSpec spec(int... shape) {
    return new ChunkSpec(shape, DataType.VLEN_UTF8, FillValue.zero(DataType.VLEN_UTF8));
  }

  /** The strings of an array in C order. */
  public static String[] strings(NdArray a) {
    ByteBuffer h = a.buffer();
    String[] out = new String[(int) a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.heap().string(h.getInt(8 * i), h.getInt(8 * i + 4));
    }
    return out;
  }

  /** An array of strings with its own heap. */
  public static NdArray array(int[] shape, String... values) {
    NdArray a = NdArray.allocate(DataType.VLEN_UTF8, shape);
    ByteBuffer h = a.buffer();
    for (int i = 0; i < values.length; i++) {
      byte[] b = values[i].getBytes(StandardCharsets.UTF_8);
      h.putInt(8 * i, a.heap().append(b, 0, b.length));
      h.putInt(8 * i + 4, b.length);
    }
    return a;
  }

  private static ByteBuffer hex(String s) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(s));
  }

  @Test
  void decodesNumcodecsOutput() {
    NdArray a = CODEC.decode(hex(NUMCODECS_6), spec(2, 3));
    assertArrayEquals(VALUES_6, strings(a));
    assertEquals(DataType.VLEN_UTF8, a.type());
  }

  @Test
  void decodesFromAnOffsetBufferWithoutCopying() {
    byte[] raw = HexFormat.of().parseHex("ffff" + NUMCODECS_6);
    NdArray a = CODEC.decode(ByteBuffer.wrap(raw, 2, raw.length - 2).slice(), spec(6));
    assertArrayEquals(VALUES_6, strings(a));
    assertTrue(a.heap().bytes() == raw, "the decoded buffer is the heap");
  }

  @Test
  void encodesExactlyAsNumcodecs() {
    ByteBuffer enc = CODEC.encode(array(new int[] {6}, VALUES_6), spec(6));
    byte[] b = new byte[enc.remaining()];
    enc.get(b);
    assertEquals(NUMCODECS_6, HexFormat.of().formatHex(b));
  }

  @Test
  void corruptInputIsRejectedWithoutHugeAllocations() {
    // wrong item count for the chunk
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex(NUMCODECS_6), spec(5)));
    // too short for a count
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex("0600"), spec(6)));
    // a count far beyond the input, matching a huge chunk: refused before allocating handles
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex("00000010"), spec(1 << 28)));
    // an item length past the end, and a negative one
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex("01000000ffffff7f61"), spec(1)));
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex("01000000ffffffff61"), spec(1)));
    // truncated last item, and trailing garbage
    String trunc = NUMCODECS_6.substring(0, NUMCODECS_6.length() - 2);
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex(trunc), spec(6)));
    assertThrows(CorruptChunkException.class, () -> CODEC.decode(hex(NUMCODECS_6 + "00"), spec(6)));
  }

  @Test
  void refusesOtherTypes() {
    ChunkSpec f8 = new ChunkSpec(new int[] {2}, DataType.FLOAT64, FillValue.zero(DataType.FLOAT64));
    assertThrows(InvalidMetadataException.class, () -> CODEC.maxEncodedSize(f8));
  }

  private static Store v2Store(String order, String compressor) {
    Store s = new MemoryStore();
    String zarray = "{\"zarr_format\":2,\"shape\":[5,7],\"chunks\":[2,3],\"dtype\":\"|O\",\"fill_value\":\"\","
        + "\"order\":\"" + order + "\",\"compressor\":" + compressor + ",\"filters\":[{\"id\":\"vlen-utf8\"}]}";
    s.put("a/.zarray", ByteBuffer.wrap(zarray.getBytes(StandardCharsets.UTF_8)));
    return s;
  }

  private static String[] grid(int rows, int cols) {
    String[] v = new String[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 4 == 0 ? "" : "s" + i + "é".repeat(i % 3);
    }
    return v;
  }

  @Test
  void regionReadsAcrossChunksRebuildTheHeap() {
    for (String order : new String[] {"C", "F"}) {
      Store s = v2Store(order, "{\"id\":\"zlib\",\"level\":1}");
      ZarrArray a = ZarrArray.open(s, "a");
      String[] all = grid(5, 7);
      // Written only in rows 0-3, so chunks of row 4 are missing and read as "".
      String[] top = java.util.Arrays.copyOf(all, 28);
      a.write(new long[] {0, 0}, array(new int[] {4, 7}, top));
      NdArray region = a.read(new long[] {1, 2}, new int[] {4, 4});
      String[] got = strings(region);
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          String want = r + 1 < 4 ? all[(r + 1) * 7 + c + 2] : "";
          assertEquals(want, got[r * 4 + c], order + " at " + r + "," + c);
        }
      }
    }
  }

  @Test
  void v3StringArraysRoundTrip() {
    Store s = new MemoryStore();
    String json = "{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":[3],\"data_type\":\"string\","
        + "\"chunk_grid\":{\"name\":\"regular\",\"configuration\":{\"chunk_shape\":[2]}},"
        + "\"chunk_key_encoding\":{\"name\":\"default\"},\"fill_value\":\"\","
        + "\"codecs\":[{\"name\":\"vlen-utf8\"},{\"name\":\"zstd\",\"configuration\":{\"level\":1}}]}";
    s.put("v/zarr.json", ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
    ZarrArray a = ZarrArray.open(s, "v");
    a.write(new long[] {0}, array(new int[] {3}, "x", "", "ÿz"));
    assertArrayEquals(new String[] {"x", "", "ÿz"}, strings(ZarrArray.open(s, "v").readAll()));
    assertEquals(DataType.VLEN_UTF8, a.metadata().dataType());
  }

  @Test
  void objectArraysNeedTheVlenFilter() {
    Store s = new MemoryStore();
    String zarray = "{\"zarr_format\":2,\"shape\":[2],\"chunks\":[2],\"dtype\":\"|O\",\"fill_value\":0,"
        + "\"order\":\"C\",\"compressor\":null,\"filters\":[{\"id\":\"pickle\"}]}";
    s.put("p/.zarray", ByteBuffer.wrap(zarray.getBytes(StandardCharsets.UTF_8)));
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> ZarrArray.open(s, "p"));
    assertTrue(e.getMessage().contains("vlen-utf8"), e.getMessage());
  }

  @Test
  void corruptStoredChunkNamesArrayAndKey() {
    Store s = v2Store("C", "null");
    s.put("a/0.0", ByteBuffer.wrap(new byte[] {6, 0, 0, 0, 9, 9}).order(ByteOrder.LITTLE_ENDIAN));
    CorruptChunkException e = assertThrows(CorruptChunkException.class,
        () -> ZarrArray.open(s, "a").read(new long[] {0, 0}, new int[] {2, 3}));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("0.0"), e.getMessage());
  }

  @Test
  void emptyHandlesCountAsTheEmptyFill() {
    NdArray a = array(new int[] {2}, "", "");
    ByteBuffer h = a.buffer();
    h.putInt(0, 17); // an empty string at another offset is still ""
    assertTrue(a.isFilledWith(FillValue.zero(DataType.VLEN_UTF8)));
    assertEquals(StringHeap.HANDLE_BYTES, DataType.VLEN_UTF8.byteSize());
  }
}
