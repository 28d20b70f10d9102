package io.zarrspark.it;

import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Codecs core may or may not have (blosc, lz4, bz2, lzma are being added while the built-in set
 * is bytes/transpose/gzip/zlib/zstd/crc32c). They are created from their standard JSON
 * configuration through core's registry, so this test compiles either way and picks up each codec
 * as soon as it is registered; the configurations are the numcodecs / v3 spec ones every
 * implementation must accept.
 */
final class OptionalCodecs {
  private OptionalCodecs() {}

  /** Name (used in array paths) to numcodecs configuration, for v2 compressors. */
  static final Map<String, String> V2 = Map.of(
      "blosc_lz4_shuffle", "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}",
      "blosc_zstd_bitshuffle", "{\"id\":\"blosc\",\"cname\":\"zstd\",\"clevel\":3,\"shuffle\":2,\"blocksize\":0}",
      "blosc_blosclz_noshuffle", "{\"id\":\"blosc\",\"cname\":\"blosclz\",\"clevel\":9,\"shuffle\":0,\"blocksize\":0}",
      "lz4", "{\"id\":\"lz4\",\"acceleration\":1}",
      "bz2", "{\"id\":\"bz2\",\"level\":9}",
      "lzma", "{\"id\":\"lzma\",\"format\":1,\"check\":-1,\"preset\":null,\"filters\":null}");

  /** Name to v3 codec entry (typesize: the element size, filled in per array). */
  static final Map<String, String> V3 = Map.of(
      "blosc_lz4_shuffle", "{\"name\":\"blosc\",\"configuration\":{\"cname\":\"lz4\",\"clevel\":5,"
          + "\"shuffle\":\"shuffle\",\"typesize\":%d,\"blocksize\":0}}",
      "blosc_zstd_bitshuffle", "{\"name\":\"blosc\",\"configuration\":{\"cname\":\"zstd\",\"clevel\":3,"
          + "\"shuffle\":\"bitshuffle\",\"typesize\":%d,\"blocksize\":0}}",
      "blosc_blosclz_noshuffle", "{\"name\":\"blosc\",\"configuration\":{\"cname\":\"blosclz\",\"clevel\":9,"
          + "\"shuffle\":\"noshuffle\",\"typesize\":%d,\"blocksize\":0}}");

  record Named(String name, BytesToBytesCodec codec) {}

  /** The v2 compressors of {@link #V2} that core's registry knows, sorted by name. */
  static List<Named> v2Available() {
    List<Named> out = new ArrayList<>();
    CodecRegistry r = CodecRegistry.defaults();
    for (String name : V2.keySet().stream().sorted().toList()) {
      var json = Json.parse(V2.get(name), "test codec " + name);
      if (r.knowsV2(json.get("id").asText())) {
        out.add(new Named(name, (BytesToBytesCodec) r.fromV2(json, "test codec " + name)));
      }
    }
    return out;
  }

  /** The v3 codecs of {@link #V3} that core's registry knows, sorted by name. */
  static List<Named> v3Available(int typesize) {
    List<Named> out = new ArrayList<>();
    CodecRegistry r = CodecRegistry.defaults();
    for (String name : V3.keySet().stream().sorted().toList()) {
      var json = Json.parse(String.format(V3.get(name), typesize), "test codec " + name);
      if (r.knowsV3(json.get("name").asText())) {
        Codec c = r.fromV3(json, "test codec " + name);
        out.add(new Named(name, (BytesToBytesCodec) c));
      }
    }
    return out;
  }
}
