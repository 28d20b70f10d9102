package io.zarrspark.it;

import static io.zarrspark.it.CoreArrays.i;
import static io.zarrspark.it.CoreArrays.l;
import static io.zarrspark.it.CoreArrays.region;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.Crc32cCodec;
import io.zarrspark.core.codec.builtin.GzipCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec;
import io.zarrspark.core.codec.builtin.ShardingCodec.IndexLocation;
import io.zarrspark.core.codec.builtin.TransposeCodec;
import io.zarrspark.core.codec.builtin.ZlibCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The Zarr v3 arrays core writes for the peers (zarrita is the only v3 reader here). */
final class V3Catalog {
  private V3Catalog() {}

  static final String ZARRITA = V2Catalog.ZARRITA;
  static final Codec LE = new BytesCodec(ByteOrder.LITTLE_ENDIAN);
  static final Codec BE = new BytesCodec(ByteOrder.BIG_ENDIAN);

  /** The v3 core data types, which zarrita reads. */
  static Map<String, DataType> numericTypes() {
    Map<String, DataType> m = new LinkedHashMap<>();
    V2Catalog.types().forEach((n, t) -> {
      DataType.Kind k = t.kind();
      if (k == DataType.Kind.BOOL || k == DataType.Kind.INT || k == DataType.Kind.UINT || k == DataType.Kind.FLOAT) {
        m.put(n, t);
      }
    });
    return m;
  }

  static ArrayMetadataBuilder b(long[] shape, int[] chunks, DataType t, Codec... codecs) {
    ArrayMetadataBuilder b = ArrayMetadataBuilder.v3(shape, chunks, t);
    return codecs.length == 0 ? b : b.codecs(Arrays.asList(codecs));
  }

  static void writeAll(CoreArrays w) {
    w.group("dtypes", "each data type, bytes codec little endian");
    V2Catalog.types().forEach((n, t) -> {
      ObjectNode e = w.dense("dtypes/" + n, b(l(13, 11), i(5, 4), t, LE));
      if (!numericTypes().containsKey(n)) {
        // zarrita 0.7.5 knows only bool/int/uint/float v3 data types (fixtures README); no
        // other peer here reads v3, so these arrays are checked by core's read-back only.
        ManifestWriter.knownIssue(e, ZARRITA, "zarrita 0.7.5 has no v3 data type " + t);
      }
    });
    w.group("dtypes_be", "each multi-byte numeric type, bytes codec big endian");
    numericTypes().forEach((n, t) -> {
      if (t.swapUnit() > 1) {
        w.dense("dtypes_be/" + n, b(l(13, 11), i(5, 4), t, BE));
      }
    });
    codecs(w);
    transpose(w);
    layout(w);
    keys(w);
    fill(w);
    sharding(w);
  }

  private static void codecs(CoreArrays w) {
    w.group("codecs", "bytes-to-bytes codecs on a few data types; edge chunks");
    // Each chain as a function of the element size (blosc's typesize is the data type's size).
    Map<String, IntFunction<List<Codec>>> chains = new LinkedHashMap<>();
    chains.put("gzip1", ts -> List.of(new GzipCodec(1)));
    chains.put("gzip9", ts -> List.of(new GzipCodec(9)));
    chains.put("zlib1", ts -> List.of(new ZlibCodec(1)));
    chains.put("zlib9", ts -> List.of(new ZlibCodec(9)));
    chains.put("zstd3", ts -> List.of(new ZstdCodec(3, false)));
    chains.put("zstd3_checksum", ts -> List.of(new ZstdCodec(3, true)));
    chains.put("zstd22_checksum", ts -> List.of(new ZstdCodec(22, true)));
    chains.put("crc32c", ts -> List.of(new Crc32cCodec()));
    chains.put("zstd_crc32c", ts -> List.of(new ZstdCodec(1, true), new Crc32cCodec()));
    chains.put("gzip_crc32c", ts -> List.of(new GzipCodec(5), new Crc32cCodec()));
    for (String name : OptionalCodecs.V3.keySet().stream().sorted().toList()) {
      if (OptionalCodecs.v3Available(1).stream().anyMatch(n -> n.name().equals(name))) {
        chains.put(name, ts -> OptionalCodecs.v3Available(ts).stream().filter(n -> n.name().equals(name))
            .map(n -> (Codec) n.codec()).toList());
      }
    }
    String[][] typeSets = {{"f4", "i8", "u2"}, {"f8", "u8", "b1"}, {"f2", "i1", "u4"}};
    int ci = 0;
    Map<String, DataType> types = numericTypes();
    for (Map.Entry<String, IntFunction<List<Codec>>> c : chains.entrySet()) {
      // Big endian for every other chain, so that byte swapping meets most compressors.
      Codec endian = ci % 2 == 1 ? BE : LE;
      for (String tn : typeSets[ci++ % typeSets.length]) {
        List<Codec> all = new ArrayList<>();
        all.add(endian);
        all.addAll(c.getValue().apply(types.get(tn).byteSize()));
        ObjectNode e = w.dense("codecs/" + c.getKey() + "_" + tn, b(l(17, 9), i(8, 4), types.get(tn),
            all.toArray(new Codec[0])));
        if (endian == BE && tn.equals("b1")) {
          // zarrita 0.7.5 bytes codec: bytesPerElement(BoolArray) is 4 (BYTES_PER_ELEMENT is an
          // instance getter, not static), so endian "big" reverses bool bytes in groups of 4.
          // The spec allows endian on 1-byte types; zarr-python 3 omits it there.
          ManifestWriter.knownIssue(e, ZARRITA, "bool with bytes endian big is byte-swapped in groups of 4");
        }
      }
    }
  }

  private static void transpose(CoreArrays w) {
    w.group("transpose", "the transpose codec (v3 memory order)");
    w.dense("transpose/t10_f4", b(l(13, 11), i(5, 4), DataType.FLOAT32, new TransposeCodec(new int[] {1, 0}), LE));
    w.dense("transpose/t10_zstd_i8", b(l(13, 11), i(5, 4), DataType.INT64,
        new TransposeCodec(new int[] {1, 0}), LE, new ZstdCodec(3, false)));
    w.dense("transpose/t201_gzip_u2", b(l(7, 6, 5), i(3, 4, 2), DataType.UINT16,
        new TransposeCodec(new int[] {2, 0, 1}), LE, new GzipCodec(3)));
    w.dense("transpose/t120_i4", b(l(7, 6, 5), i(3, 4, 2), DataType.INT32, new TransposeCodec(new int[] {1, 2, 0}), LE));
    w.dense("transpose/t210_be_zlib_f8", b(l(7, 6, 5), i(3, 4, 2), DataType.FLOAT64,
        new TransposeCodec(new int[] {2, 1, 0}), BE, new ZlibCodec(5)));
    w.dense("transpose/t3102_crc32c_f2", b(l(4, 3, 5, 6), i(2, 2, 3, 4), DataType.FLOAT16,
        new TransposeCodec(new int[] {3, 1, 0, 2}), LE, new Crc32cCodec()));
    w.dense("transpose/t01_identity_u1", b(l(6, 5), i(4, 3), DataType.UINT8, new TransposeCodec(new int[] {0, 1}), LE));
    w.sparse("transpose/t10_missing_nan_f8", b(l(12, 10), i(5, 4), DataType.FLOAT64,
        new TransposeCodec(new int[] {1, 0}), LE).fillValue(new FillValue(DataType.FLOAT64, TestValues.le(0x7ff8000000000000L, 8))),
        region(l(0, 0), i(5, 4)), region(l(10, 8), i(2, 2)));
  }

  private static void layout(CoreArrays w) {
    w.group("layout", "edge, missing and oversized chunks, 0-d, zero-size, 4-d, names");
    w.dense("layout/edge_1d_i4", b(l(100), i(7), DataType.INT32));
    w.sparse("layout/missing_chunks_f8", b(l(40, 50), i(16, 20), DataType.FLOAT64, LE, new ZstdCodec(1, false)),
        region(l(0, 0), i(10, 10)), region(l(30, 35), i(10, 15)));
    w.dense("layout/chunk_larger_than_array_i2", b(l(5, 3), i(8, 8), DataType.INT16));
    w.dense("layout/one_element_chunks_u1", b(l(4, 3), i(1, 1), DataType.UINT8));
    w.dense("layout/zero_d_i4", b(l(), i(), DataType.INT32));
    w.dense("layout/zero_d_i8_zstd", b(l(), i(), DataType.INT64, LE, new ZstdCodec(3, true)));
    w.sparse("layout/zero_d_missing_f8", b(l(), i(), DataType.FLOAT64)
        .fillValue(new FillValue(DataType.FLOAT64, TestValues.le(Double.doubleToLongBits(-1.5), 8))));
    w.dense("layout/zero_size_1d_f4", b(l(0), i(4), DataType.FLOAT32));
    w.dense("layout/zero_size_2d_i8", b(l(3, 0), i(2, 2), DataType.INT64));
    w.dense("layout/dim4_f4_gzip", b(l(5, 4, 3, 6), i(2, 3, 2, 4), DataType.FLOAT32, LE, new GzipCodec(2)));
    w.sparse("layout/dim4_missing_i2", b(l(5, 4, 3, 6), i(2, 3, 2, 4), DataType.INT16),
        region(l(0, 0, 0, 0), i(2, 3, 2, 4)), region(l(4, 3, 2, 4), i(1, 1, 1, 2)));
    w.dense("layout/dimension_names_f4", b(l(6, 4, 3), i(4, 4, 2), DataType.FLOAT32)
        .dimensionNames(Arrays.asList("y", null, "x")));
  }

  private static void keys(CoreArrays w) {
    w.group("keys", "chunk key encodings: default and v2, each with both separators");
    w.dense("keys/default_slash_i4", b(l(9, 7), i(4, 3), DataType.INT32).chunkKeyEncoding(ChunkKeyEncoding.v3Default('/')));
    w.dense("keys/default_dot_i4", b(l(9, 7), i(4, 3), DataType.INT32).chunkKeyEncoding(ChunkKeyEncoding.v3Default('.')));
    w.sparse("keys/default_dot_missing_f4", b(l(9, 7, 5), i(4, 3, 2), DataType.FLOAT32)
        .chunkKeyEncoding(ChunkKeyEncoding.v3Default('.')), region(l(0, 0, 0), i(4, 3, 2)), region(l(8, 6, 4), i(1, 1, 1)));
    w.dense("keys/v2_dot_i4", b(l(9, 7), i(4, 3), DataType.INT32).chunkKeyEncoding(ChunkKeyEncoding.v2('.')));
    w.dense("keys/v2_slash_i4", b(l(9, 7), i(4, 3), DataType.INT32).chunkKeyEncoding(ChunkKeyEncoding.v2('/')));
    w.sparse("keys/v2_slash_missing_u8", b(l(9, 7, 5), i(4, 3, 2), DataType.UINT64, LE, new GzipCodec(1))
        .chunkKeyEncoding(ChunkKeyEncoding.v2('/')), region(l(0, 0, 0), i(4, 3, 2)), region(l(8, 6, 4), i(1, 1, 1)));
    w.dense("keys/v2_zero_d_f4", b(l(), i(), DataType.FLOAT32).chunkKeyEncoding(ChunkKeyEncoding.v2('.')));
  }

  static ShardingCodec shard(int[] inner, IndexLocation where, CodecChain index, Codec... codecs) {
    return new ShardingCodec(inner, CodecChain.of(List.of(codecs), "sharding codecs"), index, where);
  }

  static ShardingCodec shard(int[] inner, Codec... codecs) {
    return shard(inner, IndexLocation.END, ShardingCodec.defaultIndexCodecs(), codecs);
  }

  /**
   * sharding_indexed: zarrita 0.7.5 reads shards (index from the end, one level), so it checks
   * our shard layout, index and omitted fill chunks byte for byte. No peer here writes shards.
   */
  private static void sharding(CoreArrays w) {
    w.group("sharding", "sharding_indexed: edge and missing shards, inner codecs, index codecs and location");
    // 19x23 over 8x12 shards of 4x6 inner chunks: edge shards, and inner chunks wholly past the
    // edge that are fill and so not stored.
    w.dense("sharding/end_i4", b(l(19, 23), i(8, 12), DataType.INT32, shard(i(4, 6), LE)));
    w.dense("sharding/end_be_zstd_f8", b(l(16, 16), i(8, 8), DataType.FLOAT64, shard(i(4, 4), BE, new ZstdCodec(3, false))));
    w.dense("sharding/end_transpose_gzip_u2", b(l(7, 6, 5), i(4, 6, 5), DataType.UINT16,
        shard(i(2, 3, 5), new TransposeCodec(new int[] {2, 0, 1}), LE, new GzipCodec(1))));
    w.dense("sharding/end_inner_crc32c_u1", b(l(30), i(12), DataType.UINT8, shard(i(4), LE, new Crc32cCodec())));
    w.dense("sharding/end_index_no_crc32c_i8", b(l(9, 10), i(9, 10), DataType.INT64,
        shard(i(3, 5), IndexLocation.END, CodecChain.of(List.of(LE), "index"), LE)));
    // Missing shards, and written shards with inner chunks never written (not stored).
    w.sparse("sharding/end_missing_nan_f4", b(l(20, 20), i(10, 10), DataType.FLOAT32, shard(i(5, 5), LE))
        .fillValue(new FillValue(DataType.FLOAT32, TestValues.le(0x7fc00000L, 4))),
        region(l(0, 0), i(5, 5)), region(l(12, 3), i(2, 4)), region(l(18, 18), i(2, 2)));
    ObjectNode start = w.dense("sharding/start_i4", b(l(19, 23), i(8, 12), DataType.INT32,
        shard(i(4, 6), IndexLocation.START, ShardingCodec.defaultIndexCodecs(), LE)));
    // fixtures README: zarrita 0.7.5 ignores index_location and reads the index from the end; the
    // chunk bytes it then takes for offsets make node abort in fs read (checked with --strict).
    ManifestWriter.knownIssue(start, ZARRITA, "sharding index_location start is read from the end");
    ObjectNode nested = w.dense("sharding/nested_i2", b(l(16, 16), i(16, 16), DataType.INT16,
        shard(i(8, 8), shard(i(4, 4), LE))));
    // zarrita 0.7.5 handles sharding only as the array's own codec; inner codecs go through its
    // plain codec registry: "UnknownCodecError: Unknown codec: sharding_indexed" (with --strict).
    ManifestWriter.knownIssue(nested, ZARRITA, "nested sharding_indexed: Unknown codec: sharding_indexed");
  }

  /** Non-default fill values; most arrays leave chunks (one of them an edge chunk) unwritten. */
  private static void fill(CoreArrays w) {
    w.group("fill", "non-default fill values with missing and partly written chunks");
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"f4_nan", DataType.FLOAT32, TestValues.le(0x7fc00000L, 4)});
    cases.add(new Object[] {"f2_nan", DataType.FLOAT16, TestValues.le(0x7e00, 2)});
    cases.add(new Object[] {"f8_inf", DataType.FLOAT64, TestValues.le(0x7ff0000000000000L, 8)});
    cases.add(new Object[] {"f4_neginf", DataType.FLOAT32, TestValues.le(0xff800000L, 4)});
    cases.add(new Object[] {"f8_negzero", DataType.FLOAT64, TestValues.le(0x8000000000000000L, 8)});
    cases.add(new Object[] {"f4_hex_nan_payload", DataType.FLOAT32, TestValues.le(0x7fc00001L, 4)});
    cases.add(new Object[] {"f8_hex_nan_payload", DataType.FLOAT64, TestValues.le(0x7ff8000000000001L, 8)});
    cases.add(new Object[] {"f2_hex_neg_nan", DataType.FLOAT16, TestValues.le(0xfe00, 2)});
    cases.add(new Object[] {"u8_big", DataType.UINT64, TestValues.le(-2L, 8)});
    cases.add(new Object[] {"u8_2p63", DataType.UINT64, TestValues.le(Long.MIN_VALUE, 8)});
    cases.add(new Object[] {"u1_255", DataType.UINT8, new byte[] {(byte) 255}});
    cases.add(new Object[] {"i2_neg", DataType.INT16, TestValues.le(-7, 2)});
    cases.add(new Object[] {"i4_neg", DataType.INT32, TestValues.le(-999, 4)});
    cases.add(new Object[] {"i8_min", DataType.INT64, TestValues.le(Long.MIN_VALUE, 8)});
    cases.add(new Object[] {"b1_true", DataType.BOOL, new byte[] {1}});
    for (Object[] c : cases) {
      DataType t = (DataType) c[1];
      String name = (String) c[0];
      ObjectNode e = w.sparse("fill/" + name, b(l(20, 15), i(8, 6), t, LE, new ZlibCodec(1))
          .fillValue(new FillValue(t, (byte[]) c[2])), region(l(0, 0), i(8, 6)), region(l(9, 3), i(2, 2)),
          region(l(16, 12), i(4, 2)));
      if (name.contains("_hex_")) {
        // zarrita 0.7.5 stores Number("0x7fc00001") as the fill instead of the NaN bits (fixtures README).
        ManifestWriter.knownIssue(e, ZARRITA, "hex-string float fill_value read as an integer, not as bits");
      }
      if (name.equals("u8_big")) {
        // zarrita 0.7.5 parses zarr.json with JSON.parse: 2^64-2 becomes 2^64 (fixtures README).
        ManifestWriter.knownIssue(e, ZARRITA, "uint64 fill_value above 2^53 goes through a JS number");
      }
    }
  }
}
