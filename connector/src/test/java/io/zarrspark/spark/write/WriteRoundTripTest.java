package io.zarrspark.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.store.FileSystemStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Write, read back, compare: every type, both formats, every compression, ranks 1-4, sparse and sharded. */
class WriteRoundTripTest {
  static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTests.start("zarr-write-roundtrip");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Column typed(String expr, String zarrType) {
    String alias = expr.substring(expr.lastIndexOf(' ') + 1);
    return org.apache.spark.sql.functions.expr(expr.substring(0, expr.lastIndexOf(" as "))).as(alias,
        new MetadataBuilder().putString("zarr.dtype", zarrType).build());
  }

  /** One column per Spark type the connector maps, plus types chosen through zarr.dtype metadata. */
  static Dataset<Row> everyType(long n, String index) {
    return spark.range(0, n, 1, 5).select(
        org.apache.spark.sql.functions.expr(index + " as i"),
        org.apache.spark.sql.functions.expr("id % 3 = 0 as b"),
        org.apache.spark.sql.functions.expr("cast(id % 100 - 50 as tinyint) as i8"),
        org.apache.spark.sql.functions.expr("cast(id * 7 - 300 as smallint) as i16"),
        org.apache.spark.sql.functions.expr("cast(id * 1000003 as int) as i32"),
        org.apache.spark.sql.functions.expr("id * 1099511627791 - 5 as i64"),
        org.apache.spark.sql.functions.expr("cast(id as float) / 3 as f32"),
        org.apache.spark.sql.functions.expr("if(id = 4, double('NaN'), id / 7.0d) as f64"),
        org.apache.spark.sql.functions.expr("cast(18446744073709551615 - id as decimal(20,0)) as u64"),
        org.apache.spark.sql.functions.expr("named_struct('real', cast(id as float), 'imag', cast(-id as float)) as c64"),
        org.apache.spark.sql.functions.expr("named_struct('real', id * 0.5d, 'imag', id * -0.25d) as c128"),
        org.apache.spark.sql.functions.expr("concat('s', repeat('é漢', cast(id % 4 as int)), cast(id as string)) as s"),
        org.apache.spark.sql.functions.expr("cast(concat('b', cast(id as string)) as binary) as bin"),
        typed("cast(id % 256 as smallint) as u8", "uint8"),
        typed("cast(id * 13 % 65536 as int) as u16", "uint16"),
        typed("id * 65537 % 4294967296 as u32", "uint32"),
        typed("cast(id as float) * 0.5f as f16", "float16"),
        typed("id * 1000000000 as t", "datetime64[ns]"));
  }

  /** Rows read back at the written indices equal the rows written (NaN equals NaN in Spark's set operations). */
  static void assertSameRows(Dataset<Row> written, Dataset<Row> read, String... dims) {
    Column on = null;
    for (String d : dims) {
      Column eq = col("r." + d).equalTo(col("w." + d));
      on = on == null ? eq : on.and(eq);
    }
    // Only the elements written: the rest of the shape reads as fill value.
    Dataset<Row> back = read.alias("r").join(written.select(dimCols(dims)).alias("w"), on, "left_semi");
    String[] cols = written.columns();
    Column[] order = dimCols(dims);
    List<Row> w = written.orderBy(order).collectAsList();
    List<Row> r = back.select(dimCols(cols)).orderBy(order).collectAsList();
    assertEquals(w.size(), r.size(), "rows read back at the written indices");
    for (int k = 0; k < w.size(); k++) {
      // Row equality treats NaN as equal to NaN and compares binary by content.
      assertEquals(w.get(k), r.get(k), "row " + k + " of " + String.join(",", cols));
    }
  }

  private static Column[] dimCols(String[] dims) {
    return Stream.of(dims).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void everyDataTypeRoundTripsSparse(int format) {
    // Indices 0-299 and 1300-1499: chunks 5-20 get no rows and are never stored.
    Dataset<Row> df = everyType(500, "if(id < 300, id, id + 1000)");
    String p = dir.resolve("types-v" + format).toString();
    df.write().format("zarr").option("dimensions", "i").option("chunks", "64").option("zarrFormat", format).save(p);

    Dataset<Row> read = spark.read().format("zarr").load(p);
    assertEquals(1500, read.count());
    assertSameRows(df, read, "i");
    // Elements no row gave hold the fill value: NaN for floats, 0, false, empty strings.
    Row gap = read.filter("i = 700").first();
    assertTrue(Double.isNaN(gap.getDouble(gap.fieldIndex("f64"))));
    assertEquals(0, gap.getInt(gap.fieldIndex("i32")));
    assertEquals("", gap.getString(gap.fieldIndex("s")));
    FileSystemStore store = new FileSystemStore(p, new Configuration());
    ZarrArray f64 = ZarrArray.open(store, "f64");
    assertEquals("float64", f64.metadata().dataType().toString());
    assertTrue(store.get(f64.chunkKey(new long[] {10})).isEmpty(), "a chunk without rows must not be stored");
    assertEquals("U10", ZarrArray.open(store, "s").metadata().dataType().toString(), "longest string has 10 chars");
    assertEquals("uint8", ZarrArray.open(store, "u8").metadata().dataType().toString());
    assertEquals("float16", ZarrArray.open(store, "f16").metadata().dataType().toString());
    assertEquals("datetime64[ns]", ZarrArray.open(store, "t").metadata().dataType().toString());
    assertEquals(List.of("i"), f64.metadata().dimensionNames().orElseThrow());
  }

  static Stream<Arguments> compressions() {
    List<Arguments> out = new ArrayList<>();
    for (String c : Compression.V3_NAMES) {
      out.add(Arguments.of(3, c));
    }
    for (String c : Compression.V2_NAMES) {
      out.add(Arguments.of(2, c));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("compressions")
  void everyCompressionRoundTrips(int format, String compression) {
    Dataset<Row> df = spark.range(0, 3000, 1, 3).selectExpr("id div 60 as y", "id % 60 as x",
        "sin(id) * 100 as v", "concat('r', cast(id % 17 as string)) as s");
    String p = dir.resolve(compression + "-v" + format).toString();
    df.write().format("zarr").option("dimensions", "y,x").option("chunks", "16,32").option("zarrFormat", format)
        .option("compression", compression).save(p);
    assertSameRows(df, spark.read().format("zarr").load(p), "y", "x");
    String doc = new String(new FileSystemStore(p, new Configuration())
        .get(format == 3 ? "v/zarr.json" : "v/.zarray").orElseThrow().array(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(compression.equals("none") ? !doc.contains("zstd") && !doc.contains("gzip")
        : doc.contains("\"" + compression + "\""), doc);
  }

  @Test
  void compressionLevelIsWrittenToTheMetadata() {
    String p = dir.resolve("level").toString();
    spark.range(100).selectExpr("id as i", "id * 2 as v").write().format("zarr").option("dimensions", "i")
        .option("compression", "gzip").option("compressionLevel", "9").save(p);
    String doc = new String(new FileSystemStore(p, new Configuration()).get("v/zarr.json").orElseThrow().array(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(doc.replace(" ", "").contains("\"level\":9"), doc);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void ranksOneToFourRoundTripWithEdgeChunks(int rank) {
    int[] ext = {7, 5, 6, 4};
    int[] chunks = {3, 2, 4, 3};
    long n = 1;
    List<String> cols = new ArrayList<>();
    StringBuilder ck = new StringBuilder();
    String rest = "id";
    for (int d = rank - 1; d >= 0; d--) {
      n *= ext[d];
    }
    for (int d = rank - 1; d >= 0; d--) {
      cols.add(0, "(" + rest + ") % " + ext[d] + " as d" + d);
      rest = "(" + rest + ") div " + ext[d];
    }
    List<String> dims = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      dims.add("d" + d);
      ck.append(d == 0 ? "" : ",").append(chunks[d]);
    }
    cols.add("cast(id * 3 as float) as v");
    cols.add("id % 2 = 1 as flag");
    Dataset<Row> df = spark.range(0, n, 1, 4).selectExpr(cols.toArray(new String[0]));
    String p = dir.resolve("rank" + rank).toString();
    df.write().format("zarr").option("dimensions", String.join(",", dims)).option("chunks", ck.toString()).save(p);
    Dataset<Row> read = spark.read().format("zarr").load(p);
    assertEquals(n, read.count());
    assertSameRows(df, read, dims.toArray(new String[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "none"})
  void shardedRoundTrips(String compression) {
    assertTrue(CodecRegistry.defaults().knowsV3("sharding_indexed"), "core registers sharding_indexed");
    Dataset<Row> df = spark.range(0, 2000, 1, 3).selectExpr("id div 50 as y", "id % 50 as x", "id * 1.5d as v",
        "cast(id % 7 as int) as k").where("y < 20 or y >= 30");
    String p = dir.resolve("sharded-" + compression).toString();
    df.write().format("zarr").option("dimensions", "y,x").option("chunks", "5,10").option("shards", "10,20")
        .option("compression", compression).save(p);
    FileSystemStore store = new FileSystemStore(p, new Configuration());
    ZarrArray v = ZarrArray.open(store, "v");
    assertEquals(List.of(10, 20), java.util.Arrays.stream(v.grid().chunkShape()).boxed().toList(), "shard grid");
    String codecs = v.metadata().codecs().toV3JsonList().toString();
    assertTrue(codecs.contains("sharding_indexed") && codecs.replace(" ", "").contains("\"chunk_shape\":[5,10]"),
        codecs);
    assertTrue(store.get(v.chunkKey(new long[] {2, 0})).isEmpty(), "the shard of rows 20-29 got no rows");
    assertSameRows(df, spark.read().format("zarr").load(p), "y", "x");
  }

  @Test
  void automaticChunksHoldOneToEightMebibytes() {
    String p = dir.resolve("auto").toString();
    spark.range(0, 200_000, 1, 2).selectExpr("id div 1000 as y", "id % 1000 as x", "id * 0.5d as v").write()
        .format("zarr").option("dimensions", "y,x").option("shape", "4000,1000").save(p);
    ZarrArray v = ZarrArray.open(new FileSystemStore(p, new Configuration()), "v");
    long bytes = 8L * v.grid().chunkShape(0) * v.grid().chunkShape(1);
    assertTrue(bytes >= (1 << 20) && bytes <= (8 << 20), "chunk " + java.util.Arrays.toString(v.grid().chunkShape()));
    assertEquals(List.of(4000L, 1000L), java.util.Arrays.stream(v.shape()).boxed().toList());
    assertEquals(200_000, spark.read().format("zarr").load(p).filter(col("y").lt(200)).count());
  }
}
