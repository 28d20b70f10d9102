package io.zarrspark.peers.zarrjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalableminds.bloscjava.Blosc;
import dev.zarr.zarrjava.ZarrException;
import dev.zarr.zarrjava.core.Attributes;
import dev.zarr.zarrjava.core.chunkkeyencoding.Separator;
import dev.zarr.zarrjava.core.codec.core.BytesCodec.Endian;
import dev.zarr.zarrjava.store.FilesystemStore;
import dev.zarr.zarrjava.store.StoreHandle;
import dev.zarr.zarrjava.v3.Array;
import dev.zarr.zarrjava.v3.ArrayMetadataBuilder;
import dev.zarr.zarrjava.v3.DataType;
import dev.zarr.zarrjava.v3.Group;
import dev.zarr.zarrjava.v3.codec.Codec;
import dev.zarr.zarrjava.v3.codec.core.BloscCodec;
import dev.zarr.zarrjava.v3.codec.core.BytesCodec;
import dev.zarr.zarrjava.v3.codec.core.Crc32cCodec;
import dev.zarr.zarrjava.v3.codec.core.GzipCodec;
import dev.zarr.zarrjava.v3.codec.core.ShardingIndexedCodec;
import dev.zarr.zarrjava.v3.codec.core.TransposeCodec;
import dev.zarr.zarrjava.v3.codec.core.ZstdCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Writes the fixture store {@code zarr-java-v3/} with zarr-java 0.0.9: Zarr v3 arrays, most of
 * them sharded ({@code sharding_indexed}), plus the expected {@code .bin} file of each and
 * {@code manifest-zarr-java-v3.json} (format: fixtures/README.md).
 *
 * <p>Expected values are never read back from zarr-java: they are the fill value's bits
 * everywhere (computed from the {@code fill_value} zarr-java wrote, by the spec), with the bytes
 * of every region this program handed to zarr-java copied in. zarr-java's own read-back is
 * compared with that afterwards, only as a consistency check of the fixture.
 *
 * <p>Deterministic: values come from seeded generators, and zarr-java's shard encoder (which
 * encodes inner chunks in a parallel stream and lays them out in completion order) runs in a
 * one-thread pool, so inner chunks are always laid out in the same order.
 *
 * <p>usage: MakeFixtures FIXTURES_DIR (core/src/test/resources/fixtures)
 */
public final class MakeFixtures {
  static final String STORE = "zarr-java-v3";
  static final String ZARR_JAVA_VERSION = "0.0.9";
  static final String MANIFEST = "manifest-zarr-java-v3.json";

  /** A box written with one {@code Array.write} call. */
  record Region(long[] offset, int[] shape) {}

  /** One array to write: its metadata, the regions written (null: all of it) and notes. */
  static final class Def {
    final String path;
    final DataType type;
    final long[] shape;
    final int[] chunks;
    final Codec[] codecs;
    Object fill;
    List<Region> regions;
    String notes = "";
    UnaryOperator<ArrayMetadataBuilder> extra = b -> b;

    Def(String path, DataType type, long[] shape, int[] chunks, Codec... codecs) {
      this.path = path;
      this.type = type;
      this.shape = shape;
      this.chunks = chunks;
      this.codecs = codecs;
      // zarr-java's own default is the number 0, which the spec does not allow for bool.
      this.fill = type == DataType.BOOL ? (Object) Boolean.FALSE : (Object) 0;
    }

    Def fill(Object f) {
      this.fill = f;
      return this;
    }

    Def regions(Region... r) {
      this.regions = List.of(r);
      return this;
    }

    Def notes(String n) {
      this.notes = n;
      return this;
    }

    Def extra(UnaryOperator<ArrayMetadataBuilder> e) {
      this.extra = e;
      return this;
    }
  }

  private final Path fixtures;
  private final Path storeDir;
  private final StoreHandle root;
  private final ArrayNode manifest = JsonText.NODES.arrayNode();
  private final ForkJoinPool pool = new ForkJoinPool(1);

  private MakeFixtures(Path fixtures) {
    this.fixtures = fixtures;
    this.storeDir = fixtures.resolve(STORE);
    this.root = new StoreHandle(new FilesystemStore(storeDir));
  }

  public static void main(String[] args) throws Exception {
    Path fixtures = Paths.get(args.length > 0 ? args[0] : "core/src/test/resources/fixtures").toAbsolutePath().normalize();
    if (!Files.isRegularFile(fixtures.resolve("README.md"))) {
      throw new IllegalArgumentException(fixtures + " is not the fixtures directory (no README.md)");
    }
    // Only this writer's own outputs are replaced (fixtures/README.md: one generator, one store).
    deleteTree(fixtures.resolve(STORE));
    deleteTree(fixtures.resolve("expected").resolve(STORE));
    Files.deleteIfExists(fixtures.resolve(MANIFEST));
    MakeFixtures m = new MakeFixtures(fixtures);
    try {
      m.writeAll();
    } finally {
      m.pool.shutdown();
    }
    Files.writeString(fixtures.resolve(MANIFEST), JsonText.pretty(m.manifest) + "\n");
    long sharded = 0;
    for (JsonNode e : m.manifest) {
      sharded += e.get("codecs").toString().contains("sharding_indexed") ? 1 : 0;
    }
    System.out.println("wrote " + m.manifest.size() + " arrays (" + sharded + " sharded) to " + m.storeDir);
  }

  // ---------------------------------------------------------------- the catalogue

  private void writeAll() throws Exception {
    Attributes rootAttrs = new Attributes();
    rootAttrs.put("title", "zarr-spark interop fixtures written by zarr-java");
    rootAttrs.put("zarr_java_version", ZARR_JAVA_VERSION);
    Group.create(root, rootAttrs);
    dtypes();
    index();
    codecs();
    layout();
    nested();
    fill();
    keys();
    unsharded();
  }

  private static final long[] SHAPE_2D = {13, 11};
  private static final int[] SHARD_2D = {8, 8};
  private static final int[] INNER_2D = {4, 4};

  /** Every zarr-java data type, sharded; 13x11 in 8x8 shards of 4x4 chunks gives edge shards. */
  private void dtypes() throws Exception {
    group("dtypes", "each data type in 8x8 shards of 4x4 inner chunks; inner bytes little endian");
    for (DataType t : DataType.values()) {
      add(new Def("dtypes/" + t.getValue(), t, SHAPE_2D, SHARD_2D,
          shard(INNER_2D, "end", new Codec[] {bytes(t, Endian.LITTLE)}, indexCodecs(Endian.LITTLE, true)))
          .notes("edge shards: inner chunks wholly outside the array are not stored"));
    }
    group("dtypes_be", "each multi-byte data type, sharded, inner bytes big endian");
    for (DataType t : DataType.values()) {
      if (t.getByteCount() > 1) {
        add(new Def("dtypes_be/" + t.getValue(), t, SHAPE_2D, SHARD_2D,
            shard(INNER_2D, "end", new Codec[] {bytes(t, Endian.BIG)}, indexCodecs(Endian.LITTLE, true))));
      }
    }
  }

  /** Where the index is and how it is encoded. */
  private void index() throws Exception {
    group("index", "index_location start/end; index_codecs with and without crc32c, and big endian");
    long[] shape = {20, 18};
    int[] shardShape = {10, 9};
    int[] inner = {5, 3};
    Object[][] cases = {
        {"end_crc32c_f4", DataType.FLOAT32, "end", Endian.LITTLE, true, "index at the end: bytes little + crc32c (the default)"},
        {"start_crc32c_f4", DataType.FLOAT32, "start", Endian.LITTLE, true, "index at the start of each shard"},
        {"end_no_crc32c_i4", DataType.INT32, "end", Endian.LITTLE, false, "index_codecs bytes only (no checksum)"},
        {"start_no_crc32c_u2", DataType.UINT16, "start", Endian.LITTLE, false, "index at the start, no checksum"},
        {"start_index_be_i8", DataType.INT64, "start", Endian.BIG, true, "index encoded big endian (+ crc32c)"},
        {"end_index_be_f8", DataType.FLOAT64, "end", Endian.BIG, false, "index encoded big endian, no checksum"},
    };
    for (Object[] c : cases) {
      DataType t = (DataType) c[1];
      add(new Def("index/" + c[0], t, shape, shardShape,
          shard(inner, (String) c[2], new Codec[] {bytes(t, Endian.LITTLE)}, indexCodecs((Endian) c[3], (Boolean) c[4])))
          .notes((String) c[5]));
    }
    // Only part of each shard written: missing inner chunks are {-1, -1} in an index at the start.
    add(new Def("index/start_missing_inner_i2", DataType.INT16, shape, shardShape,
        shard(inner, "start", new Codec[] {bytes(DataType.INT16, Endian.LITTLE), gzip(1)}, indexCodecs(Endian.LITTLE, true)))
        .fill(-3).regions(region(new long[] {0, 0}, new int[] {5, 3}), region(new long[] {12, 10}, new int[] {6, 4}))
        .notes("index at the start; two regions written, so most inner chunks and two shards are missing"));
  }

  /** Inner codec chains (and codecs around the sharding codec). */
  private void codecs() throws Exception {
    group("codecs", "codecs inside the shards (inner codecs) and around the sharding codec");
    long[] shape = {25, 21};
    int[] shardShape = {12, 10};
    int[] inner = {4, 5};
    Object[][] cases = {
        {"gzip_f8", DataType.FLOAT64, new Codec[] {gzip(5)}},
        {"gzip1_u1", DataType.UINT8, new Codec[] {gzip(1)}},
        {"zstd_i4", DataType.INT32, new Codec[] {zstd(3, false)}},
        {"zstd_checksum_f4", DataType.FLOAT32, new Codec[] {zstd(5, true)}},
        {"crc32c_u8", DataType.UINT64, new Codec[] {new Crc32cCodec()}},
        {"gzip_crc32c_i2", DataType.INT16, new Codec[] {gzip(3), new Crc32cCodec()}},
        {"zstd_gzip_i4", DataType.INT32, new Codec[] {zstd(1, false), gzip(2)}},
        {"blosc_lz4_shuffle_f4", DataType.FLOAT32, new Codec[] {blosc(Blosc.Compressor.LZ4, Blosc.Shuffle.BYTE_SHUFFLE, 5, 4)}},
        {"blosc_zstd_bitshuffle_i8", DataType.INT64, new Codec[] {blosc(Blosc.Compressor.ZSTD, Blosc.Shuffle.BIT_SHUFFLE, 3, 8)}},
        {"blosc_blosclz_noshuffle_u2", DataType.UINT16, new Codec[] {blosc(Blosc.Compressor.BLOSCLZ, Blosc.Shuffle.NO_SHUFFLE, 5, 2)}},
        {"blosc_zlib_shuffle_u4", DataType.UINT32, new Codec[] {blosc(Blosc.Compressor.ZLIB, Blosc.Shuffle.BYTE_SHUFFLE, 1, 4)}},
    };
    for (Object[] c : cases) {
      DataType t = (DataType) c[1];
      List<Codec> chain = new ArrayList<>();
      chain.add(bytes(t, Endian.LITTLE));
      chain.addAll(Arrays.asList((Codec[]) c[2]));
      add(new Def("codecs/" + c[0], t, shape, shardShape,
          shard(inner, "end", chain.toArray(new Codec[0]), indexCodecs(Endian.LITTLE, true))));
    }
    add(new Def("codecs/be_zstd_f8", DataType.FLOAT64, shape, shardShape,
        shard(inner, "end", new Codec[] {bytes(DataType.FLOAT64, Endian.BIG), zstd(2, false)}, indexCodecs(Endian.LITTLE, true))));
    add(new Def("codecs/transpose_f4", DataType.FLOAT32, shape, shardShape,
        shard(inner, "end", new Codec[] {transpose(1, 0), bytes(DataType.FLOAT32, Endian.LITTLE)}, indexCodecs(Endian.LITTLE, true)))
        .notes("transpose [1,0] on each inner chunk"));
    add(new Def("codecs/transpose_be_zstd_i8", DataType.INT64, shape, shardShape,
        shard(inner, "end", new Codec[] {transpose(1, 0), bytes(DataType.INT64, Endian.BIG), zstd(1, true)},
            indexCodecs(Endian.LITTLE, true))));
    add(new Def("codecs/transpose3d_gzip_u4", DataType.UINT32, new long[] {9, 8, 7}, new int[] {6, 4, 4},
        shard(new int[] {3, 2, 2}, "start", new Codec[] {transpose(2, 0, 1), bytes(DataType.UINT32, Endian.LITTLE), gzip(4)},
            indexCodecs(Endian.LITTLE, true)))
        .notes("3-D, transpose [2,0,1] on each inner chunk, index at the start, edge shards"));
    // bytes-to-bytes after the sharding codec: each whole shard (index included) is compressed.
    add(new Def("codecs/outer_zstd_f4", DataType.FLOAT32, shape, shardShape,
        shard(inner, "end", new Codec[] {bytes(DataType.FLOAT32, Endian.LITTLE)}, indexCodecs(Endian.LITTLE, true)),
        zstd(3, false))
        .notes("codecs [sharding_indexed, zstd]: the encoded shard is zstd-compressed as a whole"));
    // array-to-array before the sharding codec: the shard is transposed before it is cut into
    // inner chunks, so chunk_shape [4,6] applies to the transposed 12x12 shard.
    add(new Def("codecs/outer_transpose_i4", DataType.INT32, new long[] {25, 21}, new int[] {12, 12},
        transpose(1, 0),
        shard(new int[] {4, 6}, "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE)}, indexCodecs(Endian.LITTLE, true)))
        .notes("codecs [transpose [1,0], sharding_indexed]: inner chunk_shape [4,6] is in the transposed shard's order"));
  }

  /** Ranks 1 to 4, edge, missing and oversized shards, single-chunk shards. */
  private void layout() throws Exception {
    group("layout", "ranks 1-4, edge shards, missing shards and inner chunks, oversized shards");
    Codec[] idx = indexCodecs(Endian.LITTLE, true);
    add(new Def("layout/d1_edge_i4", DataType.INT32, new long[] {100}, new int[] {24},
        shard(new int[] {6}, "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE)}, idx))
        .notes("1-D, 100 = 4 x 24 + 4: the last shard holds one partial inner chunk"));
    add(new Def("layout/d3_zstd_f4", DataType.FLOAT32, new long[] {10, 9, 8}, new int[] {4, 6, 4},
        shard(new int[] {2, 3, 2}, "end", new Codec[] {bytes(DataType.FLOAT32, Endian.LITTLE), zstd(3, false)}, idx)));
    add(new Def("layout/d4_gzip_u2", DataType.UINT16, new long[] {5, 6, 7, 8}, new int[] {2, 4, 4, 4},
        shard(new int[] {1, 2, 2, 4}, "end", new Codec[] {bytes(DataType.UINT16, Endian.LITTLE), gzip(2)}, idx))
        .notes("4-D with edge shards in three dimensions"));
    add(new Def("layout/missing_inner_f8", DataType.FLOAT64, new long[] {16, 16}, new int[] {16, 16},
        shard(new int[] {4, 4}, "end", new Codec[] {bytes(DataType.FLOAT64, Endian.LITTLE)}, idx))
        .fill(-1.5).regions(region(new long[] {0, 0}, new int[] {6, 5}), region(new long[] {12, 12}, new int[] {4, 4}))
        .notes("one shard, two regions written: 11 of 16 inner chunks are missing (index entries -1)"));
    add(new Def("layout/missing_shards_i4", DataType.INT32, new long[] {30, 30}, new int[] {10, 10},
        shard(new int[] {5, 5}, "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE), gzip(1)}, idx))
        .fill(42).regions(region(new long[] {0, 0}, new int[] {10, 10}), region(new long[] {13, 17}, new int[] {4, 9}))
        .notes("3x3 shards, two regions written: shards never written are missing, partly written ones miss inner chunks"));
    add(new Def("layout/edge_shards_u1", DataType.UINT8, new long[] {23, 17}, new int[] {10, 8},
        shard(new int[] {5, 4}, "end", new Codec[] {bytes(DataType.UINT8, Endian.LITTLE)}, idx))
        .notes("edge shards in both dimensions; inner chunks wholly outside the array are not stored"));
    add(new Def("layout/one_chunk_per_shard_i8", DataType.INT64, new long[] {12, 10}, new int[] {4, 5},
        shard(new int[] {4, 5}, "end", new Codec[] {bytes(DataType.INT64, Endian.LITTLE)}, idx))
        .notes("inner chunk_shape equal to the shard shape"));
    add(new Def("layout/shard_larger_than_array_f4", DataType.FLOAT32, new long[] {5, 7}, new int[] {8, 8},
        shard(new int[] {4, 4}, "end", new Codec[] {bytes(DataType.FLOAT32, Endian.LITTLE)}, idx))
        .notes("one 8x8 shard over a 5x7 array"));
    add(new Def("layout/inner_1x1_i2", DataType.INT16, new long[] {4, 6}, new int[] {2, 3},
        shard(new int[] {1, 1}, "start", new Codec[] {bytes(DataType.INT16, Endian.BIG)}, idx))
        .notes("1x1 inner chunks, index at the start, inner bytes big endian"));
    add(new Def("layout/dimension_names_f8", DataType.FLOAT64, new long[] {6, 8}, new int[] {6, 4},
        shard(new int[] {3, 2}, "end", new Codec[] {bytes(DataType.FLOAT64, Endian.LITTLE)}, idx))
        .extra(b -> b.withDimensionNames("y", "x")).notes("dimension_names [y, x]"));
    // 0-d: one shard (key "c") holding one inner chunk of one element, then a 16-byte index entry.
    add(new Def("layout/zero_d_i4", DataType.INT32, new long[0], new int[0],
        shard(new int[0], "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE)}, idx))
        .notes("0-d sharded array"));
    add(new Def("layout/zero_d_missing_f8", DataType.FLOAT64, new long[0], new int[0],
        shard(new int[0], "start", new Codec[] {bytes(DataType.FLOAT64, Endian.LITTLE)}, idx))
        .fill(-2.5).regions().notes("0-d sharded array never written: its only shard is missing"));
    // zarr-java 0.0.9 throws on writing an empty region ("Attempting to read data outside of the
    // array's domain"), so only the metadata is written; that is all a zero-size array has anyway.
    add(new Def("layout/zero_size_i4", DataType.INT32, new long[] {3, 0}, new int[] {4, 4},
        shard(new int[] {2, 2}, "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE)}, idx))
        .regions().notes("zero-size sharded array (shape [3, 0]): metadata only"));
  }

  /** A sharding codec whose inner codecs are another sharding codec. */
  private void nested() throws Exception {
    group("nested", "sharding inside sharding");
    Codec[] idx = indexCodecs(Endian.LITTLE, true);
    add(new Def("nested/gzip_i4", DataType.INT32, new long[] {32, 24}, new int[] {16, 12},
        shard(new int[] {8, 6}, "end",
            new Codec[] {shard(new int[] {4, 3}, "end", new Codec[] {bytes(DataType.INT32, Endian.LITTLE), gzip(3)}, idx)},
            idx))
        .notes("16x12 shards of 8x6 sub-shards of 4x3 chunks (gzip)"));
    add(new Def("nested/start_missing_f8", DataType.FLOAT64, new long[] {30, 20}, new int[] {16, 12},
        shard(new int[] {8, 6}, "start",
            new Codec[] {shard(new int[] {4, 3}, "end", new Codec[] {bytes(DataType.FLOAT64, Endian.LITTLE)},
                indexCodecs(Endian.LITTLE, false))},
            idx))
        .fill(0.25).regions(region(new long[] {1, 1}, new int[] {9, 4}), region(new long[] {28, 15}, new int[] {2, 5}))
        .notes("outer index at the start, inner index at the end without crc32c; edge shards; "
            + "most sub-shards and chunks missing"));
  }

  /** Fill values, with missing shards and missing inner chunks in every array. */
  private void fill() throws Exception {
    group("fill", "fill values; each array has missing shards and partly written shards");
    Object[][] cases = {
        {"f4_nan", DataType.FLOAT32, "NaN"},
        {"f8_nan", DataType.FLOAT64, "NaN"},
        {"f8_neginf", DataType.FLOAT64, "-Infinity"},
        {"f8_negzero", DataType.FLOAT64, -0.0},
        {"f4_1p5", DataType.FLOAT32, 1.5},
        {"i2_neg", DataType.INT16, -7},
        {"i4_neg", DataType.INT32, -999},
        {"i8_min", DataType.INT64, Long.MIN_VALUE},
        {"u1_255", DataType.UINT8, 255},
        {"u4_max", DataType.UINT32, 4294967295L},
        {"u8_big", DataType.UINT64, new BigInteger("18446744073709551614")},
        {"b1_true", DataType.BOOL, true},
    };
    for (Object[] c : cases) {
      DataType t = (DataType) c[1];
      String notes = "";
      if (c[2] instanceof String && c[2].equals("NaN")) {
        // zarr-java compares chunk values with the fill value by ==, and NaN == NaN is false.
        notes = "zarr-java stores inner chunks that are all NaN fill (NaN != NaN), so only shards are missing";
      }
      add(new Def("fill/" + c[0], t, new long[] {20, 15}, new int[] {8, 6},
          shard(new int[] {4, 3}, "end", new Codec[] {bytes(t, Endian.LITTLE), gzip(1)}, indexCodecs(Endian.LITTLE, true)))
          .fill(c[2]).regions(region(new long[] {0, 0}, new int[] {8, 6}), region(new long[] {9, 3}, new int[] {2, 2}),
              region(new long[] {16, 12}, new int[] {4, 3}))
          .notes(notes));
    }
  }

  /** Chunk key encodings, which name the shards. */
  private void keys() throws Exception {
    group("keys", "chunk key encodings of sharded arrays");
    Codec[] idx = indexCodecs(Endian.LITTLE, true);
    Codec[] inner = {bytes(DataType.INT32, Endian.LITTLE)};
    add(new Def("keys/default_dot_i4", DataType.INT32, new long[] {9, 7}, new int[] {4, 4}, shard(new int[] {2, 2}, "end", inner, idx))
        .extra(b -> b.withDefaultChunkKeyEncoding(Separator.DOT)).notes("shard keys c.0.1"));
    add(new Def("keys/v2_dot_i4", DataType.INT32, new long[] {9, 7}, new int[] {4, 4}, shard(new int[] {2, 2}, "end", inner, idx))
        .extra(b -> b.withV2ChunkKeyEncoding(Separator.DOT)).notes("shard keys 0.1"));
    add(new Def("keys/v2_slash_i4", DataType.INT32, new long[] {9, 7}, new int[] {4, 4}, shard(new int[] {2, 2}, "end", inner, idx))
        .extra(b -> b.withV2ChunkKeyEncoding(Separator.SLASH))
        .fill(-1).regions(region(new long[] {0, 0}, new int[] {4, 4}), region(new long[] {8, 4}, new int[] {1, 3}))
        .notes("shard keys 0/1; missing shards"));
  }

  /** A few unsharded arrays, to tell sharding problems from codec problems. */
  private void unsharded() throws Exception {
    group("unsharded", "arrays without sharding, for comparison");
    add(new Def("unsharded/bytes_i4", DataType.INT32, SHAPE_2D, new int[] {5, 4}, bytes(DataType.INT32, Endian.LITTLE)));
    add(new Def("unsharded/gzip_f8", DataType.FLOAT64, SHAPE_2D, new int[] {5, 4}, bytes(DataType.FLOAT64, Endian.LITTLE), gzip(5)));
    add(new Def("unsharded/transpose_zstd_u2", DataType.UINT16, SHAPE_2D, new int[] {5, 4}, transpose(1, 0),
        bytes(DataType.UINT16, Endian.BIG), zstd(3, true)));
    add(new Def("unsharded/crc32c_i8", DataType.INT64, SHAPE_2D, new int[] {5, 4}, bytes(DataType.INT64, Endian.LITTLE),
        new Crc32cCodec()));
    add(new Def("unsharded/blosc_lz4_f4", DataType.FLOAT32, SHAPE_2D, new int[] {5, 4}, bytes(DataType.FLOAT32, Endian.LITTLE),
        blosc(Blosc.Compressor.LZ4, Blosc.Shuffle.BYTE_SHUFFLE, 5, 4)));
    add(new Def("unsharded/missing_nan_f4", DataType.FLOAT32, SHAPE_2D, new int[] {5, 4}, bytes(DataType.FLOAT32, Endian.LITTLE))
        .fill("NaN").regions(region(new long[] {0, 0}, new int[] {5, 4}), region(new long[] {12, 9}, new int[] {1, 2}))
        .notes("chunks never written are missing"));
  }

  // ---------------------------------------------------------------- codec shorthands

  /** The bytes codec; without an endian for 1-byte types, as zarr-java's own CodecBuilder does. */
  static Codec bytes(DataType t, Endian e) {
    return t.getByteCount() == 1 ? new BytesCodec() : new BytesCodec(e);
  }

  static Codec[] indexCodecs(Endian e, boolean crc32c) {
    return crc32c ? new Codec[] {new BytesCodec(e), new Crc32cCodec()} : new Codec[] {new BytesCodec(e)};
  }

  static Codec shard(int[] inner, String indexLocation, Codec[] codecs, Codec[] indexCodecs) throws ZarrException {
    return new ShardingIndexedCodec(new ShardingIndexedCodec.Configuration(inner, codecs, indexCodecs, indexLocation));
  }

  static Codec gzip(int level) throws ZarrException {
    return new GzipCodec(new GzipCodec.Configuration(level));
  }

  static Codec zstd(int level, boolean checksum) throws ZarrException {
    return new ZstdCodec(new ZstdCodec.Configuration(level, checksum));
  }

  static Codec transpose(int... order) {
    return new TransposeCodec(new TransposeCodec.Configuration(order));
  }

  static Codec blosc(Blosc.Compressor cname, Blosc.Shuffle shuffle, int clevel, int typesize) throws ZarrException {
    return new BloscCodec(new BloscCodec.Configuration(cname, shuffle, clevel, typesize, 0));
  }

  static Region region(long[] offset, int[] shape) {
    return new Region(offset, shape);
  }

  // ---------------------------------------------------------------- writing one array

  private void group(String path, String description) throws IOException, ZarrException {
    Attributes a = new Attributes();
    a.put("description", description);
    Group.create(root.resolve(path.split("/")), a);
  }

  private void add(Def d) throws Exception {
    ArrayMetadataBuilder b = Array.metadataBuilder().withShape(d.shape).withDataType(d.type).withChunkShape(d.chunks)
        .withFillValue(d.fill).withCodecs(d.codecs);
    Array a = Array.create(root.resolve(d.path.split("/")), d.extra.apply(b).build());
    Path dir = storeDir.resolve(d.path);
    JsonNode doc = JsonText.read(dir.resolve("zarr.json"));

    DataType t = d.type;
    int es = t.getByteCount();
    int[] shape = intShape(d.shape);
    int n = Math.toIntExact(product(shape));
    byte[] fill = Types.fillBits(t, doc.get("fill_value"));
    byte[] expected = new byte[n * es];
    for (int i = 0; i < n; i++) {
      System.arraycopy(fill, 0, expected, i * es, es);
    }
    List<Region> regions = d.regions != null ? d.regions : List.of(new Region(new long[shape.length], shape));
    long seed = d.path.hashCode();
    for (Region r : regions) {
      byte[] data = Values.of(t, Math.toIntExact(product(r.shape())), seed++);
      ucar.ma2.Array ma2 = Types.toMa2(t, r.shape(), data);
      inPool(() -> a.write(r.offset(), ma2));
      copyInto(data, r.shape(), expected, shape, r.offset(), es);
    }

    // Consistency check only (the expected bytes above do not depend on it). zarr-java 0.0.9
    // cannot read some of what it writes (see readBackIssue); those entries are marked as known
    // issues for the zarr-java read checker. Reading back different values is never accepted.
    String readIssue = null;
    try {
      byte[] back = Types.toLe(t, a.read());
      if (!Arrays.equals(back, expected)) {
        throw new IllegalStateException(d.path + ": zarr-java does not read back what it was given to write ("
            + firstDifference(back, expected, es) + ")");
      }
    } catch (RuntimeException ex) {
      if (ex instanceof IllegalStateException) {
        throw ex;
      }
      readIssue = readBackIssue(ex);
    }

    String expectedRel = "expected/" + STORE + "/" + d.path.replace("/", "__") + ".bin";
    Path bin = fixtures.resolve(expectedRel);
    Files.createDirectories(bin.getParent());
    Files.write(bin, expected);
    ObjectNode entry = entry(d, doc, dir, expectedRel);
    String zarrita = zarritaIssue(doc.get("codecs"), doc.get("data_type").asText(), doc.get("fill_value"));
    if (readIssue != null || zarrita != null) {
      ObjectNode issues = entry.putObject("known_issues");
      if (zarrita != null) {
        issues.put("zarrita", zarrita);
      }
      if (readIssue != null) {
        issues.put(CheckRead.PEER, readIssue);
      }
    }
    manifest.add(entry);
  }

  /**
   * What zarrita 0.7.5 (check_read.mjs) misreads here, by rules on the metadata; each was seen
   * failing with check_read.mjs --strict on this store. Null if it reads the array.
   */
  static String zarritaIssue(JsonNode codecs, String dataType, JsonNode fill) {
    for (int i = 0; i < codecs.size(); i++) {
      if (!codecs.get(i).get("name").asText().equals("sharding_indexed")) {
        continue;
      }
      JsonNode conf = codecs.get(i).get("configuration");
      for (JsonNode inner : conf.get("codecs")) {
        if (inner.get("name").asText().equals("sharding_indexed")) {
          return "a sharding_indexed codec inside another is an UnknownCodecError";
        }
      }
      if (conf.path("index_location").asText("end").equals("start")) {
        return "index_location start is ignored: the index is read from the end of the shard";
      }
      if (i < codecs.size() - 1) {
        return "codecs after sharding_indexed: the index is read from the end of the still-compressed shard";
      }
      if (i > 0) {
        return "transpose before sharding_indexed: values land in the wrong places";
      }
    }
    if (dataType.equals("uint64") && fill.isIntegralNumber() && fill.bigIntegerValue().bitLength() > 53) {
      return "uint64 fill_value above 2^53 goes through a JS number";
    }
    return null;
  }

  /**
   * Why zarr-java failed to read an array it wrote. The one failure known: ZstdCodec.decode takes
   * {@code ByteBuffer.array()}, the whole backing array, so a zstd inner chunk (a slice of the
   * shard's buffer) is decompressed from the wrong bytes.
   */
  static String readBackIssue(RuntimeException ex) {
    Throwable root = ex;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    StackTraceElement[] st = root.getStackTrace();
    boolean zstd = Arrays.stream(st).anyMatch(f -> f.getClassName().endsWith("ZstdCodec"))
        && Arrays.stream(st).anyMatch(f -> f.getClassName().endsWith("ShardingIndexedCodec"));
    if (!zstd) {
      throw new IllegalStateException("zarr-java cannot read back an array it wrote", ex);
    }
    return "zarr-java 0.0.9 reads zstd inner chunks of a shard from the whole shard buffer "
        + "(ZstdCodec.decode uses ByteBuffer.array()): " + root;
  }

  /** zarr-java's writes run in a one-thread pool, so that its parallel streams run in order. */
  private void inPool(Runnable r) throws InterruptedException {
    try {
      pool.submit(r).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private ObjectNode entry(Def d, JsonNode doc, Path dir, String expectedRel) throws IOException {
    ObjectNode e = JsonText.NODES.objectNode();
    e.put("store", STORE);
    e.put("path", d.path);
    e.put("zarr_format", 3);
    e.put("dtype", Types.numpy(d.type));
    e.set("data_type", doc.get("data_type"));
    e.set("shape", doc.get("shape"));
    JsonNode chunkShape = doc.get("chunk_grid").get("configuration").get("chunk_shape");
    e.set("chunks", chunkShape);
    e.put("order", "C");
    ArrayNode names = e.putArray("codecs");
    flattenCodecNames(doc.get("codecs"), names);
    e.put("expected", expectedRel);

    long[] grid = new long[d.shape.length];
    long nchunks = 1;
    for (int k = 0; k < grid.length; k++) {
      grid[k] = (d.shape[k] + d.chunks[k] - 1) / d.chunks[k];
      nchunks *= grid[k];
    }
    JsonNode cke = doc.get("chunk_key_encoding");
    List<Path> stored = new ArrayList<>();
    forEachIndex(grid, c -> {
      Path p = dir.resolve(chunkKey(cke, c));
      if (Files.isRegularFile(p)) {
        stored.add(p);
      }
    });
    JsonNode sharding = shardingConfig(doc.get("codecs"));
    long innerMissing = 0;
    if (sharding != null) {
      for (Path p : stored) {
        innerMissing += missingInnerChunks(Files.readAllBytes(p), sharding, innerChunksPerShard(doc, sharding));
      }
    }
    e.put("missing_chunks", stored.size() < nchunks || innerMissing > 0);
    e.set("fill_value", doc.get("fill_value"));
    e.set("chunk_key_encoding", cke);
    e.put("nchunks", nchunks);
    e.put("nchunks_stored", stored.size());
    if (sharding != null) {
      e.set("inner_chunk_shape", sharding.get("chunk_shape"));
      e.put("index_location", sharding.path("index_location").asText("end"));
      e.put("inner_chunks_missing", innerMissing);
    }
    e.set("codec_config", doc.get("codecs"));
    if (doc.hasNonNull("dimension_names")) {
      e.set("dimension_names", doc.get("dimension_names"));
    }
    String notes = "written by zarr-java " + ZARR_JAVA_VERSION
        + (d.regions == null ? "" : d.regions.isEmpty() ? "; nothing written" : "; only " + d.regions.size() + " regions written");
    e.put("notes", d.notes.isEmpty() ? notes : notes + "; " + d.notes);
    return e;
  }

  /** Codec names in pipeline order, a sharding codec followed by its codecs and index codecs. */
  static void flattenCodecNames(JsonNode codecs, ArrayNode out) {
    for (JsonNode c : codecs) {
      out.add(c.get("name").asText());
      if (c.get("name").asText().equals("sharding_indexed")) {
        flattenCodecNames(c.get("configuration").get("codecs"), out);
        flattenCodecNames(c.get("configuration").get("index_codecs"), out);
      }
    }
  }

  /**
   * The sharding codec's configuration if it is the array's array-to-bytes codec and nothing
   * follows it (then a stored chunk is exactly a shard whose index can be read); else null.
   */
  static JsonNode shardingConfig(JsonNode codecs) {
    JsonNode last = codecs.get(codecs.size() - 1);
    return last.get("name").asText().equals("sharding_indexed") ? last.get("configuration") : null;
  }

  /** Inner chunks per shard: the shard shape (after any transpose before the sharding codec) / chunk_shape. */
  static int innerChunksPerShard(JsonNode doc, JsonNode sharding) {
    JsonNode cs = doc.get("chunk_grid").get("configuration").get("chunk_shape");
    int[] shard = new int[cs.size()];
    for (int k = 0; k < shard.length; k++) {
      shard[k] = cs.get(k).asInt();
    }
    for (JsonNode c : doc.get("codecs")) {
      if (c.get("name").asText().equals("transpose")) {
        JsonNode order = c.get("configuration").get("order");
        int[] t = new int[shard.length];
        for (int k = 0; k < t.length; k++) {
          t[k] = shard[order.get(k).asInt()];
        }
        shard = t;
      }
    }
    int n = 1;
    for (int k = 0; k < shard.length; k++) {
      n *= shard[k] / sharding.get("chunk_shape").get(k).asInt();
    }
    return n;
  }

  /**
   * Inner chunks marked missing (offset and nbytes both 2^64-1) in a shard's index, read by the
   * spec rather than by zarr-java: n (offset, nbytes) uint64 pairs encoded by the index codecs
   * (bytes with its endian, then 4 bytes per crc32c), at the start or end of the shard.
   */
  static long missingInnerChunks(byte[] shard, JsonNode sharding, int n) {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int size = 16 * n;
    for (JsonNode c : sharding.get("index_codecs")) {
      String name = c.get("name").asText();
      if (name.equals("bytes")) {
        order = c.path("configuration").path("endian").asText("little").equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      } else if (name.equals("crc32c")) {
        size += 4;
      } else {
        throw new IllegalArgumentException("index codec " + name);
      }
    }
    int start = sharding.path("index_location").asText("end").equals("start") ? 0 : shard.length - size;
    ByteBuffer b = ByteBuffer.wrap(shard, start, size).slice().order(order);
    long missing = 0;
    for (int i = 0; i < n; i++) {
      if (b.getLong(16 * i) == -1L && b.getLong(16 * i + 8) == -1L) {
        missing++;
      }
    }
    return missing;
  }

  /** The store key of chunk {@code c} under a v3 chunk_key_encoding (default or v2). */
  static String chunkKey(JsonNode encoding, long[] c) {
    String name = encoding.get("name").asText();
    String sep = encoding.path("configuration").path("separator").asText(name.equals("v2") ? "." : "/");
    StringBuilder s = new StringBuilder(name.equals("default") ? "c" : "");
    for (int k = 0; k < c.length; k++) {
      if (s.length() > 0) {
        s.append(sep);
      }
      s.append(c[k]);
    }
    return s.length() == 0 ? "0" : s.toString();
  }

  // ---------------------------------------------------------------- small utilities

  interface IndexConsumer {
    void accept(long[] index) throws IOException;
  }

  static void forEachIndex(long[] shape, IndexConsumer f) throws IOException {
    long total = 1;
    for (long s : shape) {
      total *= s;
    }
    long[] c = new long[shape.length];
    for (long i = 0; i < total; i++) {
      f.accept(c.clone());
      for (int k = shape.length - 1; k >= 0; k--) {
        if (++c[k] < shape[k]) {
          break;
        }
        c[k] = 0;
      }
    }
  }

  /** Copies a C-order box {@code src} of {@code srcShape} into {@code dst} at {@code offset}. */
  static void copyInto(byte[] src, int[] srcShape, byte[] dst, int[] dstShape, long[] offset, int es) {
    int[] idx = new int[srcShape.length];
    long n = product(srcShape);
    for (long i = 0; i < n; i++) {
      long flat = 0;
      for (int k = 0; k < dstShape.length; k++) {
        flat = flat * dstShape[k] + offset[k] + idx[k];
      }
      System.arraycopy(src, (int) (i * es), dst, (int) (flat * es), es);
      for (int k = srcShape.length - 1; k >= 0; k--) {
        if (++idx[k] < srcShape[k]) {
          break;
        }
        idx[k] = 0;
      }
    }
  }

  static long product(int[] s) {
    long p = 1;
    for (int v : s) {
      p *= v;
    }
    return p;
  }

  static int[] intShape(long[] shape) {
    int[] s = new int[shape.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = Math.toIntExact(shape[k]);
    }
    return s;
  }

  static String firstDifference(byte[] got, byte[] want, int es) {
    if (got.length != want.length) {
      return got.length + " bytes instead of " + want.length;
    }
    for (int i = 0; i < got.length; i++) {
      if (got[i] != want[i]) {
        int e = i / es;
        return "element " + e + ": " + Types.hex(Arrays.copyOfRange(got, e * es, e * es + es)) + " instead of "
            + Types.hex(Arrays.copyOfRange(want, e * es, e * es + es));
      }
    }
    return "equal";
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
