package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zarrspark.spark.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** zarr-python 2 variable-length string arrays (core's zarr-python-vlen fixtures) through Spark. */
class VlenStringReadTest {
  static SparkSession spark;
  static final Path ROOT = SparkTestSession.fixtures();

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  private static List<String> expected(String name) throws Exception {
    JsonNode list = new ObjectMapper().readTree(ROOT.resolve("expected/zarr-python-vlen/" + name + ".json").toFile());
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.textValue()));
    return out;
  }

  private static Dataset<Row> load(String path) {
    return spark.read().format("zarr").load(ROOT.resolve("zarr-python-vlen/" + path).toUri().toString());
  }

  @Test
  void everyFixtureReadsAsStrings() throws Exception {
    for (String path : List.of("strings/blosc_1d", "strings/zlib_2d", "strings/raw_fill_null",
        "strings/default_fill_zero", "strings/order_f")) {
      Dataset<Row> df = load(path);
      String col = path.substring(path.indexOf('/') + 1);
      assertEquals(DataTypes.StringType, df.schema().apply(col).dataType(), path);
      List<String> dims = new ArrayList<>();
      for (String f : df.columns()) {
        if (!f.equals(col)) {
          dims.add(f);
        }
      }
      List<Row> rows = df.orderBy(dims.stream().map(org.apache.spark.sql.functions::col)
          .toArray(org.apache.spark.sql.Column[]::new)).select(col).collectAsList();
      List<String> got = new ArrayList<>();
      rows.forEach(r -> got.add(r.getString(0)));
      // Unwritten elements (a missing chunk, or fill 0/null) read as "".
      assertEquals(expected(path.replace("/", "__")), got, path);
    }
  }

  @Test
  void filtersAndPredicatesOnStringValues() {
    Dataset<Row> df = load("strings/zlib_2d");
    long fromSpark = df.where("zlib_2d = 'héllo' AND dim_0 >= 1").count();
    long direct = df.collectAsList().stream()
        .filter(r -> "héllo".equals(r.getAs("zlib_2d")) && (long) r.getAs("dim_0") >= 1).count();
    assertEquals(direct, fromSpark);
  }
}
