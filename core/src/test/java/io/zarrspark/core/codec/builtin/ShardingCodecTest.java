package io.zarrspark.core.codec.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.ShardingCodec.IndexLocation;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.ByteSource;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The sharding codec on its own: the exact shard format, metadata, round trips, bounds. */
class ShardingCodecTest {
  static final ChunkSpec U8_4 = new ChunkSpec(new int[] {4}, DataType.UINT8, FillValue.zero(DataType.UINT8));
  static final Codec LE = new BytesCodec(ByteOrder.LITTLE_ENDIAN);

  static ShardingCodec codec(int[] inner, IndexLocation where, Codec... codecs) {
    return new ShardingCodec(inner, CodecChain.of(List.of(codecs), "test"), ShardingCodec.defaultIndexCodecs(), where);
  }

  static Codec parse(String json) {
    return CodecRegistry.defaults().fromV3(Json.parse(json, "test"), "test array");
  }

  /** The index bytes as the spec defines them, computed without the codec: LE uint64 pairs + crc32c. */
  static byte[] index(long... pairs) {
    ByteBuffer b = ByteBuffer.allocate(pairs.length * 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long p : pairs) {
      b.putLong(p);
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, pairs.length * 8);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Test
  void shardBytesAreExactlyTheSpecFormat() {
    NdArray data = NdArray.wrap(DataType.UINT8, new int[] {4}, new byte[] {1, 2, 0, 0});
    // Inner chunk 1 is all fill: not stored, marked 2^64-1 twice.
    byte[] end = concat(new byte[] {1, 2}, index(0, 2, -1, -1));
    assertArrayEquals(end, bytes(codec(new int[] {2}, IndexLocation.END, LE).encode(data, U8_4)));
    byte[] start = concat(index(36, 2, -1, -1), new byte[] {1, 2});
    assertArrayEquals(start, bytes(codec(new int[] {2}, IndexLocation.START, LE).encode(data, U8_4)));
    assertArrayEquals(data.data(), codec(new int[] {2}, IndexLocation.END, LE).decode(ByteBuffer.wrap(end), U8_4).data());
    assertArrayEquals(data.data(), codec(new int[] {2}, IndexLocation.START, LE).decode(ByteBuffer.wrap(start), U8_4).data());
    // Overlapping and out-of-order chunks are valid (the spec allows them): both point at [3, 5].
    byte[] shared = concat(new byte[] {9, 9, 9, 3, 4}, index(3, 2, 3, 2));
    assertArrayEquals(new byte[] {3, 4, 3, 4},
        codec(new int[] {2}, IndexLocation.END, LE).decode(ByteBuffer.wrap(shared), U8_4).data());
  }

  @Test
  void metadataRoundTripsThroughTheRegistry() {
    String json = "{\"name\":\"sharding_indexed\",\"configuration\":{\"chunk_shape\":[2,3],"
        + "\"codecs\":[{\"name\":\"transpose\",\"configuration\":{\"order\":[1,0]}},"
        + "{\"name\":\"bytes\",\"configuration\":{\"endian\":\"big\"}},{\"name\":\"zstd\",\"configuration\":{\"level\":1,\"checksum\":false}}],"
        + "\"index_codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"crc32c\"}],"
        + "\"index_location\":\"start\"}}";
    ShardingCodec c = assertInstanceOf(ShardingCodec.class, parse(json));
    assertEquals(IndexLocation.START, c.indexLocation());
    assertArrayEquals(new int[] {2, 3}, c.chunkShape());
    assertEquals(3, c.codecs().codecs().size());
    assertEquals(Json.parse(json, "expected"), c.toV3Json());
    // index_location defaults to end; sharding nests.
    ShardingCodec nested = assertInstanceOf(ShardingCodec.class, parse("{\"name\":\"sharding_indexed\",\"configuration\":"
        + "{\"chunk_shape\":[4],\"codecs\":[" + json.replace("[2,3]", "[2]").replace("[1,0]", "[0]") + "],"
        + "\"index_codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}]}}"));
    assertEquals(IndexLocation.END, nested.indexLocation());
    assertInstanceOf(ShardingCodec.class, nested.codecs().serializer());
    // Four inner shards, 16 bytes each, no checksum.
    assertEquals(4 * 16L, nested.layout(new ChunkSpec(new int[] {16}, DataType.UINT8,
        FillValue.zero(DataType.UINT8))).indexSize);
  }

  @Test
  void badConfigurationsAreInvalidMetadata() {
    String base = "{\"name\":\"sharding_indexed\",\"configuration\":{\"chunk_shape\":%s,\"codecs\":[{\"name\":\"bytes\"}],"
        + "\"index_codecs\":%s,\"index_location\":%s}}";
    String okIndex = "[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}]";
    for (String bad : List.of(String.format(base, "[0]", okIndex, "\"end\""), String.format(base, "[\"a\"]", okIndex, "\"end\""),
        String.format(base, "[2]", okIndex, "\"middle\""), String.format(base, "[2]", okIndex, "3"),
        String.format(base, "[2]", "[]", "\"end\""))) {
      InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> parse(bad), bad);
      assertTrue(e.getMessage().contains("test array"), e.getMessage());
    }
    // Problems that depend on the shard shape surface when the array's chunk spec is known.
    ShardingCodec threes = (ShardingCodec) parse(String.format(base, "[3]", okIndex, "\"end\""));
    assertThrows(InvalidMetadataException.class, () -> threes.maxEncodedSize(U8_4));
    ShardingCodec twoD = (ShardingCodec) parse(String.format(base, "[2,2]", okIndex, "\"end\""));
    assertThrows(InvalidMetadataException.class, () -> twoD.maxEncodedSize(U8_4));
    ShardingCodec gzipIndex = (ShardingCodec) parse(String.format(base, "[2]",
        "[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}},{\"name\":\"gzip\",\"configuration\":{\"level\":1}}]", "\"end\""));
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> gzipIndex.maxEncodedSize(U8_4));
    assertTrue(e.getMessage().contains("index"), e.getMessage());
  }

  @Test
  void maxEncodedSizeIsEveryInnerBoundPlusTheIndex() {
    assertEquals(2 * 2 + 36, codec(new int[] {2}, IndexLocation.END, LE).maxEncodedSize(U8_4));
    assertEquals(2 * (2 + 4) + 36, codec(new int[] {2}, IndexLocation.START, LE, new Crc32cCodec()).maxEncodedSize(U8_4));
    ChunkSpec big = new ChunkSpec(new int[] {64, 64}, DataType.FLOAT64, FillValue.zero(DataType.FLOAT64));
    assertEquals(64 * 64 * 8 + 16 * 16 + 4, codec(new int[] {16, 16}, IndexLocation.END, LE).maxEncodedSize(big));
  }

  @Test
  void roundTripsOmitFillInnerChunksInEveryLayout() {
    FillValue fill = new FillValue(DataType.INT16, new byte[] {5, 0});
    ChunkSpec spec = new ChunkSpec(new int[] {6, 8}, DataType.INT16, fill);
    List<ShardingCodec> codecs = List.of(
        codec(new int[] {3, 2}, IndexLocation.END, LE),
        codec(new int[] {3, 2}, IndexLocation.START, new BytesCodec(ByteOrder.BIG_ENDIAN), new GzipCodec(1)),
        codec(new int[] {2, 4}, IndexLocation.END, new TransposeCodec(new int[] {1, 0}), LE, new Crc32cCodec()),
        codec(new int[] {6, 4}, IndexLocation.START, codec(new int[] {3, 2}, IndexLocation.END, LE)),
        new ShardingCodec(new int[] {3, 4}, CodecChain.of(List.of(LE), "t"),
            CodecChain.of(List.of(new BytesCodec(ByteOrder.BIG_ENDIAN)), "t"), IndexLocation.START));
    Random r = new Random(3);
    for (ShardingCodec c : codecs) {
      NdArray a = NdArray.filled(DataType.INT16, new int[] {6, 8}, fill);
      // Rows 0-2, columns 0-3 get data; the rest stays fill, so some inner chunks are not stored.
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 4; x++) {
          a.buffer().putShort(2 * (y * 8 + x), (short) r.nextInt());
        }
      }
      ByteBuffer enc = c.encode(a, spec);
      assertTrue(enc.remaining() <= c.maxEncodedSize(spec), c.toString());
      assertArrayEquals(a.data(), c.decode(enc, spec).data(), c.toString());
      ShardLayout l = c.layout(spec);
      long at = c.indexLocation() == IndexLocation.END ? enc.remaining() - l.indexSize : 0;
      ShardIndex idx = l.decodeIndex(enc.duplicate().position((int) at).limit((int) (at + l.indexSize)).slice());
      int stored = 0;
      for (int i = 0; i < idx.count(); i++) {
        stored += idx.isEmpty(i) ? 0 : 1;
      }
      assertTrue(stored > 0 && stored < idx.count(), c + ": " + stored + " of " + idx.count() + " stored");
      // A partial decode from memory gives the same box as the whole decode.
      NdArray part = c.decodePartial(ByteSource.of(enc, "shard"), spec, new int[] {1, 2}, new int[] {4, 5}).orElseThrow();
      NdArray whole = c.decode(enc, spec);
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 5; x++) {
          assertEquals(whole.buffer().getShort(2 * ((y + 1) * 8 + x + 2)), part.buffer().getShort(2 * (y * 5 + x)), c.toString());
        }
      }
    }
    // A shard that is entirely fill is just its index.
    ShardingCodec c = codecs.get(0);
    ByteBuffer empty = c.encode(NdArray.filled(DataType.INT16, new int[] {6, 8}, fill), spec);
    assertEquals(c.layout(spec).indexSize, empty.remaining());
    assertTrue(c.decode(empty, spec).isFilledWith(fill));
    assertTrue(CodecRegistry.defaults().knowsV3("sharding_indexed"));
  }

  @Test
  void jsonOfABuiltCodecNamesEveryField() {
    JsonNode j = new ShardingCodec(new int[] {2}, List.of(LE)).toV3Json();
    assertEquals("sharding_indexed", j.get("name").asText());
    assertEquals("end", j.at("/configuration/index_location").asText());
    assertEquals("crc32c", j.at("/configuration/index_codecs/1/name").asText());
    assertEquals("bytes", j.at("/configuration/codecs/0/name").asText());
  }
}
