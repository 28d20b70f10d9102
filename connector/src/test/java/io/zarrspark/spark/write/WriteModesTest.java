package io.zarrspark.spark.write;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.catalog.ZarrCatalog;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save modes, and writes through the catalog (writeTo, INSERT INTO, CREATE TABLE AS SELECT). */
class WriteModesTest {
  static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTests.start("zarr-write-modes");
    spark.conf().set("spark.sql.catalog.zarr", ZarrCatalog.class.getName());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  void write(String p, String mode, long from, long to, String value, String... options) {
    var w = spark.range(from, to, 1, 3).selectExpr("id as i", value + " as v").write().format("zarr").mode(mode)
        .option("dimensions", "i");
    for (int k = 0; k < options.length; k += 2) {
      w = w.option(options[k], options[k + 1]);
    }
    w.save(p);
  }

  List<Row> rows(String p) {
    return spark.read().format("zarr").load(p).orderBy("i").collectAsList();
  }

  @Test
  void errorIfExistsIsTheDefaultAndIgnoreKeepsTheGroup() {
    String p = dir.resolve("g").toString();
    write(p, "errorifexists", 0, 10, "id * 2", "chunks", "4");
    String why = SparkTests.failure(() -> spark.range(3).selectExpr("id as i", "id as v").write().format("zarr")
        .option("dimensions", "i").save(p));
    assertTrue(why.contains("already exists"), why);
    write(p, "ignore", 0, 20, "id * 100", "chunks", "4");
    List<Row> r = rows(p);
    assertEquals(10, r.size());
    assertEquals(18L, r.get(9).getLong(1));
  }

  @Test
  void overwriteLeavesNoStaleChunkInsideTheNewShape() {
    String p = dir.resolve("o").toString();
    write(p, "overwrite", 0, 1000, "id + 0.5d", "chunks", "100");
    // The new data covers 0-49 only, in a shape of 150: the old chunk 1 (100-199) must not show.
    write(p, "overwrite", 0, 50, "-1.0d * id", "chunks", "100", "shape", "150");
    List<Row> r = rows(p);
    assertEquals(150, r.size());
    assertEquals(-3.0, r.get(3).getDouble(1));
    for (int k = 50; k < 150; k++) {
      assertTrue(Double.isNaN(r.get(k).getDouble(1)), "element " + k + " is " + r.get(k));
    }
    FileSystemStore s = new FileSystemStore(p, new Configuration());
    assertFalse(s.exists("v/c/1"), "old chunk 1");
    assertFalse(s.exists("v/c/9"), "old chunk 9");
  }

  @Test
  void appendGrowsTheShapeAndMergesPartlyCoveredChunks() {
    String p = dir.resolve("a").toString();
    write(p, "append", 0, 150, "cast(id as int)", "chunks", "100");
    // 150-249: chunk 1 holds 100-149 already and gets 150-199 merged in; chunk 2 is new.
    write(p, "append", 150, 250, "cast(id * 10 as int)");
    List<Row> r = rows(p);
    assertEquals(250, r.size());
    for (int k = 0; k < 250; k++) {
      assertEquals(k < 150 ? k : k * 10, r.get(k).getInt(1), "element " + k);
    }
    ZarrArray v = ZarrArray.open(new FileSystemStore(p, new Configuration()), "v");
    assertEquals(250, v.shape()[0]);
    assertEquals(100, v.grid().chunkShape(0), "append keeps the stored chunks");
    // A long column appends into the stored int32 array when its values fit.
    spark.range(300, 301).selectExpr("id as i", "id * 3 as v").write().format("zarr").mode("append").save(p);
    assertEquals(900, rows(p).get(300).getInt(1));
  }

  @Test
  void appendGrowsEveryDimensionOfAGroupAndKeepsUnwrittenArrays() {
    String p = dir.resolve("a2").toString();
    spark.range(0, 12).selectExpr("id div 4 as y", "id % 4 as x", "id as v", "-id as w").write().format("zarr")
        .option("dimensions", "y,x").option("chunks", "2,3").option("zarrFormat", "2").save(p);
    spark.range(0, 1).selectExpr("4 as y", "5 as x", "77L as v").write().format("zarr").mode("append").save(p);
    List<Row> r = spark.read().format("zarr").load(p).orderBy("y", "x").collectAsList();
    assertEquals(30, r.size(), "shape grows to 5 x 6");
    assertEquals(77L, r.get(29).getLong(r.get(29).fieldIndex("v")));
    assertEquals(-6L, r.get(8).getLong(r.get(8).fieldIndex("w")), "(1, 2) of the unwritten array w");
    assertEquals(0L, r.get(4).getLong(r.get(4).fieldIndex("v")), "(0, 4) was outside the old shape");
  }

  @Test
  void writeToCreatesAppendsAndReplaces() throws Exception {
    String p = dir.resolve("t").toString();
    String table = "zarr.`" + p + "`";
    spark.range(0, 8).selectExpr("id as i", "id * 1.5d as v").writeTo(table).option("dimensions", "i")
        .option("chunks", "3").create();
    spark.range(8, 10).selectExpr("id as i", "id * 1.5d as v").writeTo(table).append();
    assertEquals(10, spark.table(table).count());
    assertEquals(13.5, spark.table(table).filter("i = 9").first().getDouble(1));
    spark.range(0, 4).selectExpr("id as i", "-id * 1.0d as v").writeTo(table).option("dimensions", "i")
        .createOrReplace();
    assertEquals(4, spark.table(table).count());
    assertEquals(-3.0, spark.table(table).filter("i = 3").first().getDouble(1));
    spark.range(0, 2).selectExpr("id as i", "7.0d as v").writeTo(table).option("dimensions", "i")
        .overwrite(lit(true));
    assertEquals(2, spark.table(table).count());
  }

  @Test
  void sqlCreateTableAsSelectInsertIntoAndInsertOverwrite() {
    String p = dir.resolve("sql").toString();
    String table = "zarr.`" + p + "`";
    spark.sql("CREATE TABLE " + table + " USING zarr OPTIONS (dimensions 'i', chunks '4', zarrFormat '2')"
        + " AS SELECT id AS i, cast(id * 2 AS int) AS v FROM range(6)");
    spark.sql("INSERT INTO " + table + " SELECT id, cast(id * 3 AS int) FROM range(6, 9)");
    List<Row> r = spark.sql("SELECT i, v FROM " + table + " ORDER BY i").collectAsList();
    assertEquals(9, r.size());
    assertEquals(10, r.get(5).getInt(1));
    assertEquals(24, r.get(8).getInt(1));
    assertTrue(new FileSystemStore(p, new Configuration()).exists(".zmetadata"), "v2 consolidated metadata");
    spark.sql("INSERT OVERWRITE " + table + " SELECT id AS i, cast(-id AS int) AS v FROM range(3)");
    assertEquals(3, spark.table(table).count());
    String why = SparkTests.failure(() -> spark.sql("CREATE TABLE " + table + " USING zarr AS SELECT 1 AS i"));
    assertTrue(why.contains("already exists"), why);
  }

  @Test
  void groupAndArrayAttributesAreWritten() {
    String p = dir.resolve("attrs").toString();
    write(p, "overwrite", 0, 5, "id", "attributes", "{\"title\": \"test\"}", "attributes.v", "{\"units\": \"m\"}");
    FileSystemStore s = new FileSystemStore(p, new Configuration());
    assertEquals("m", ZarrArray.open(s, "v").attributes().get("units").asText());
    String root = new String(s.get("zarr.json").orElseThrow().array(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(root.contains("\"title\"") && root.contains("consolidated_metadata"), root);
  }
}
