package io.zarrspark.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.Crc32cCodec;
import io.zarrspark.core.codec.builtin.GzipCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.hierarchy.Zarr;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.MemoryStore;
import io.zarrspark.core.store.Store;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind must give a clear ZarrException naming the array or key and the
 * problem; never a crash, a hang, an unbounded allocation or wrong data.
 */
class MalformedInputTest {

  static final String GOOD_V3 = "{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":[4,4],\"data_type\":\"int32\","
      + "\"chunk_grid\":{\"name\":\"regular\",\"configuration\":{\"chunk_shape\":[2,2]}},"
      + "\"chunk_key_encoding\":{\"name\":\"default\",\"configuration\":{\"separator\":\"/\"}},"
      + "\"fill_value\":0,\"codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}]}";
  static final String GOOD_V2 = "{\"zarr_format\":2,\"shape\":[4,4],\"chunks\":[2,2],\"dtype\":\"<i4\","
      + "\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}";

  static void put(Store s, String key, String text) {
    s.put(key, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  static Arguments metadata(String name, String key, String doc, String... mustMention) {
    return Arguments.of(name, (Consumer<Store>) s -> put(s, key, doc), (Consumer<Store>) s -> ZarrArray.open(s, "arr"),
        mustMention);
  }

  /** An array whose chunk (0,0) is replaced by {@code bytes} after a valid write. */
  static Arguments chunk(String name, ArrayMetadataBuilder b, byte[] bytes, String... mustMention) {
    return Arguments.of(name, (Consumer<Store>) s -> {
      ZarrArray a = ZarrArray.create(s, "arr", b.build(), false);
      NdArray data = NdArray.allocate(DataType.INT32, new int[] {4, 4});
      Arrays.fill(data.data(), (byte) 7);
      a.write(new long[2], data);
      s.put(a.chunkKey(new long[2]), ByteBuffer.wrap(bytes));
    }, (Consumer<Store>) s -> ZarrArray.open(s, "arr").readAll(), mustMention);
  }

  static byte[] encoded(io.zarrspark.core.codec.BytesToBytesCodec c, int n) {
    byte[] raw = new byte[n];
    Arrays.fill(raw, (byte) 7);
    ByteBuffer b = c.encode(ByteBuffer.wrap(raw));
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static Stream<Arguments> cases() {
    ArrayMetadataBuilder plain = ArrayMetadataBuilder.v3(new long[] {4, 4}, new int[] {2, 2}, DataType.INT32);
    byte[] gz = encoded(new GzipCodec(5), 16);
    byte[] zs = encoded(new ZstdCodec(3, false), 16);
    byte[] crc = encoded(new Crc32cCodec(), 16);
    crc[3] ^= 1;
    // A zstd frame whose header declares 2^40 content bytes: must not be allocated.
    byte[] bomb = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, (byte) 0xc0, 0, 0, 0, 0, 0, 1, 0, 0, 0x01, 0, 0};
    return Stream.of(
        metadata("not JSON", "arr/zarr.json", "{\"zarr_format\": 3,", "arr/zarr.json", "not valid JSON"),
        metadata("truncated .zarray", "arr/.zarray", "{\"zarr_format\": 2, \"shape\": [4", "arr/.zarray", "JSON"),
        metadata("unknown v3 codec", "arr/zarr.json", GOOD_V3.replace("\"codecs\":[", "\"codecs\":[{\"name\":\"lzfse\"},"),
            "arr", "unknown codec 'lzfse'"),
        metadata("unknown v2 compressor", "arr/.zarray", GOOD_V2.replace("\"compressor\":null", "\"compressor\":{\"id\":\"zfpy\"}"),
            "arr", "zfpy"),
        metadata("unknown v3 data type", "arr/zarr.json", GOOD_V3.replace("\"int32\"", "\"float128\""), "arr", "float128"),
        metadata("structured v2 dtype", "arr/.zarray", GOOD_V2.replace("\"<i4\"", "[[\"a\",\"<i4\"]]"), "arr", "dtype"),
        metadata("negative shape", "arr/zarr.json", GOOD_V3.replace("[4,4]", "[4,-4]"), "arr", "negative"),
        metadata("shape overflowing 2^63 elements", "arr/zarr.json",
            GOOD_V3.replace("[4,4]", "[9223372036854775807,4]"), "arr", "2^63"),
        metadata("shape beyond 64 bits", "arr/.zarray", GOOD_V2.replace("[4,4]", "[99999999999999999999999,4]"),
            "arr", "64 bits"),
        metadata("zero chunk extent", "arr/.zarray", GOOD_V2.replace("[2,2]", "[2,0]"), "arr", "chunks"),
        metadata("chunk rank mismatch", "arr/zarr.json", GOOD_V3.replace("[2,2]", "[2]"), "arr", "dimensions"),
        metadata("chunk of more than 2 GiB", "arr/zarr.json",
            GOOD_V3.replace("[4,4]", "[1000000,1000000]").replace("[2,2]", "[100000,100000]"), "arr", "2 GiB"),
        metadata("zarr_format 4", "arr/zarr.json", GOOD_V3.replace("\"zarr_format\":3", "\"zarr_format\":4"), "arr", "zarr_format"),
        metadata("fill value of the wrong type", "arr/zarr.json", GOOD_V3.replace("\"fill_value\":0", "\"fill_value\":\"x\""),
            "arr", "fill_value"),
        metadata("unknown must-understand field", "arr/zarr.json", GOOD_V3.replace("{\"zarr_format\"", "{\"future\":{},\"zarr_format\""),
            "arr", "future"),
        metadata("dimension_names of the wrong length", "arr/zarr.json",
            GOOD_V3.replace("\"fill_value\"", "\"dimension_names\":[\"x\"],\"fill_value\""), "arr", "dimension_names"),
        metadata("storage transformers", "arr/zarr.json",
            GOOD_V3.replace("\"fill_value\"", "\"storage_transformers\":[{\"name\":\"x\"}],\"fill_value\""), "arr", "storage_transformers"),
        chunk("chunk of the wrong size", plain, new byte[15], "arr/c/0/0", "15"),
        chunk("truncated gzip chunk", ArrayMetadataBuilder.v3(new long[] {4, 4}, new int[] {2, 2}, DataType.INT32)
            .codecs(List.of(new io.zarrspark.core.codec.builtin.BytesCodec(java.nio.ByteOrder.LITTLE_ENDIAN), new GzipCodec(5))),
            Arrays.copyOf(gz, gz.length - 6), "arr/c/0/0", "gzip"),
        chunk("corrupt zstd chunk", ArrayMetadataBuilder.v2(new long[] {4, 4}, new int[] {2, 2}, DataType.INT32)
            .compressor(new ZstdCodec(3, false)), Arrays.copyOf(zs, 9), "arr/0.0", "zstd"),
        chunk("zstd frame declaring 1 TiB", ArrayMetadataBuilder.v2(new long[] {4, 4}, new int[] {2, 2}, DataType.INT32)
            .compressor(new ZstdCodec(3, false)), bomb, "arr/0.0", "zstd"),
        chunk("crc32c mismatch", ArrayMetadataBuilder.v3(new long[] {4, 4}, new int[] {2, 2}, DataType.INT32)
            .codecs(List.of(new io.zarrspark.core.codec.builtin.BytesCodec(java.nio.ByteOrder.LITTLE_ENDIAN), new Crc32cCodec())),
            crc, "arr/c/0/0", "crc32c"),
        Arguments.of("path escaping the store", (Consumer<Store>) s -> { }, (Consumer<Store>) s -> ZarrArray.open(s, "a/../../etc"),
            new String[] {"a/../../etc", "escapes"}),
        Arguments.of("consolidated key escaping the group", (Consumer<Store>) s -> {
          put(s, "g/.zgroup", "{\"zarr_format\":2}");
          put(s, "g/.zmetadata", "{\"zarr_consolidated_format\":1,\"metadata\":{\"../x/.zarray\":{}}}");
        }, (Consumer<Store>) s -> Zarr.open(s, "g"), new String[] {"../x/.zarray"}),
        Arguments.of("group opened as array", (Consumer<Store>) s -> ZarrGroup.create(s, "arr",
            io.zarrspark.core.metadata.ZarrFormat.V3, null, false), (Consumer<Store>) s -> ZarrArray.open(s, "arr"),
            new String[] {"arr", "group"}),
        Arguments.of("nothing at the path", (Consumer<Store>) s -> { }, (Consumer<Store>) s -> ZarrArray.open(s, "nope"),
            new String[] {"nope", "no Zarr array or group"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsClearly(String name, Consumer<Store> setUp, Consumer<Store> action, String[] mustMention) {
    Store s = new MemoryStore();
    setUp.accept(s);
    ZarrException e = assertThrows(ZarrException.class, () -> {
      try {
        action.accept(s);
      } catch (ZarrException expected) {
        throw expected;
      } catch (Throwable other) {
        fail(name + ": expected a ZarrException, got " + other, other);
      }
    });
    for (String m : mustMention) {
      assertTrue(e.getMessage().contains(m), name + ": message should mention '" + m + "': " + e.getMessage());
    }
  }
}
