package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.store.FileSystemStore;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad rows and bad options fail the job with a message naming the row or the option. */
class WriteErrorsTest {
  static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTests.start("zarr-write-errors");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  String fails(Dataset<Row> df, String path, String... options) {
    return SparkTests.failure(() -> {
      var w = df.write().format("zarr").option("dimensions", "y,x");
      for (int k = 0; k < options.length; k += 2) {
        w = w.option(options[k], options[k + 1]);
      }
      w.save(dir.resolve(path).toString());
    });
  }

  Dataset<Row> grid(String yExpr) {
    return spark.range(0, 100, 1, 4).selectExpr(yExpr + " as y", "id % 10 as x", "id * 1.0d as v");
  }

  @Test
  void nullIndex() {
    String why = fails(grid("if(id = 57, null, id div 10)"), "null");
    assertTrue(why.contains("row (y=null, x=7): an index is null"), why);
  }

  @Test
  void negativeIndex() {
    String why = fails(grid("if(id = 33, -2, id div 10)"), "neg");
    assertTrue(why.contains("row (y=-2, x=3): index -2 of dimension 'y' is negative"), why);
  }

  @Test
  void indexOutsideTheGivenShape() {
    String why = fails(grid("id div 10"), "shape", "shape", "9,10");
    assertTrue(why.contains("row (y=9, x=") && why.contains("outside the shape [9, 10] given"), why);
  }

  @Test
  void sameElementTwice() {
    String why = fails(grid("if(id = 45, 3, id div 10)"), "dup");
    assertTrue(why.contains("row (y=3, x=5): this element is given twice"), why);
  }

  @Test
  void valueThatDoesNotFitTheStoredTypeOnAppend() {
    String p = dir.resolve("fit").toString();
    spark.range(0, 10).selectExpr("id div 5 as y", "id % 5 as x", "cast(id as tinyint) as v").write().format("zarr")
        .option("dimensions", "y,x").save(p);
    String why = SparkTests.failure(() -> spark.range(0, 3).selectExpr("2 as y", "id as x", "id * 100 as v").write()
        .format("zarr").mode("append").save(p));
    assertTrue(why.contains("row (y=2, x=2): column 'v': value 200 does not fit int8"), why);
    assertEquals(10, spark.read().format("zarr").load(p).count(), "the failed append did not grow the shape");
  }

  @Test
  void valueOutsideADeclaredUnsignedType() {
    Dataset<Row> df = spark.range(0, 4).selectExpr("0 as y", "id as x", "cast(id - 1 as int) as v")
        .withColumn("v", org.apache.spark.sql.functions.col("v").as("v",
            new org.apache.spark.sql.types.MetadataBuilder().putString("zarr.dtype", "uint16").build()));
    String why = fails(df, "u16");
    assertTrue(why.contains("row (y=0, x=0): column 'v': value -1 does not fit uint16"), why);
  }

  @Test
  void aFailedJobLeavesNoArrayBehind() {
    String p = "aborted";
    fails(grid("if(id = 99, -1, id div 10)"), p, "chunks", "2,2");
    FileSystemStore s = new FileSystemStore(dir.resolve(p).toString(), new Configuration());
    assertFalse(s.exists("zarr.json"));
    assertTrue(s.list("").isEmpty(), "keys left: " + s.list(""));
    // A path left empty by an abort can be written again.
    grid("id div 10").write().format("zarr").option("dimensions", "y,x").save(dir.resolve(p).toString());
  }

  @Test
  void badOptionsFailBeforeAnyTask() {
    String why = SparkTests.failure(() -> grid("id div 10").write().format("zarr").save(dir.resolve("o1").toString()));
    assertTrue(why.contains("option dimensions is required"), why);
    why = fails(grid("id div 10").selectExpr("cast(y as double) as y", "x", "v"), "o2");
    assertTrue(why.contains("dimension column 'y' must be integral"), why);
    why = fails(grid("id div 10"), "o3", "compression", "snappy");
    assertTrue(why.contains("compression 'snappy' is not available for Zarr v3"), why);
    why = fails(grid("id div 10"), "o4", "zarrFormat", "2", "shards", "4,4");
    assertTrue(why.contains("shards need Zarr v3"), why);
    why = fails(grid("id div 10"), "o5", "chunks", "4");
    assertTrue(why.contains("option chunks has 1 entries for 2 dimensions"), why);
    why = fails(grid("id div 10").selectExpr("y", "x", "map(1, 2) as m"), "o6");
    assertTrue(why.contains("column 'm' of type map<int,int> has no Zarr type"), why);
    why = fails(grid("id div 10"), "o7", "fillValue", "abc");
    assertTrue(why.contains("fillValue 'abc' does not fit column 'v'"), why);
  }

  @Test
  void refusesToWriteIntoADirectoryThatIsNotZarr() throws Exception {
    Path other = dir.resolve("parquet-dir");
    java.nio.file.Files.createDirectories(other);
    java.nio.file.Files.writeString(other.resolve("part-0.parquet"), "not zarr");
    String why = SparkTests.failure(() -> grid("id div 10").write().format("zarr").mode("overwrite")
        .option("dimensions", "y,x").save(other.toString()));
    assertTrue(why.contains("exists and is not a Zarr group"), why);
    assertTrue(java.nio.file.Files.exists(other.resolve("part-0.parquet")));
  }

  @Test
  void readingAPathWithNoGroupFailsNamingIt() {
    String missing = dir.resolve("nothing-here").toString();
    String why = SparkTests.failure(() -> spark.read().format("zarr").load(missing).collectAsList());
    assertTrue(why.contains("no Zarr array or group at"), why);
  }
}
