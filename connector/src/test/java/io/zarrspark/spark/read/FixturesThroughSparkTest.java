package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.util.Json;
import io.zarrspark.spark.SparkTestSession;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every peer-written fixture read through Spark equals core's reading, element by element. */
class FixturesThroughSparkTest {
  static final Path ROOT = SparkTestSession.fixtures();
  final SparkSession spark = SparkTestSession.get();

  record Fixture(String store, String path, List<String> codecs, int format) {
    @Override
    public String toString() {
      return store + "/" + path;
    }
  }

  static List<Fixture> fixtures() throws Exception {
    List<Fixture> out = new ArrayList<>();
    for (String m : List.of("manifest-zarr-python-v2.json", "manifest-zarrita-v3.json", "manifest-zarr-java-v3.json")) {
      JsonNode list = Json.parse(ByteBuffer.wrap(Files.readAllBytes(ROOT.resolve(m))), m);
      for (JsonNode e : list) {
        List<String> codecs = new ArrayList<>();
        e.path("codecs").forEach(c -> codecs.add(c.asText()));
        out.add(new Fixture(e.get("store").asText(), e.get("path").asText(), codecs, e.get("zarr_format").asInt()));
      }
    }
    return out;
  }

  static boolean readable(Fixture f) {
    CodecRegistry r = CodecRegistry.defaults();
    return f.codecs().stream().allMatch(c -> f.format() == 2
        ? r.knowsV2(c) || c.equals("bytes") || c.equals("transpose") : r.knowsV3(c));
  }

  @TestFactory
  Stream<DynamicTest> everyFixture() throws Exception {
    return fixtures().stream().filter(FixturesThroughSparkTest::readable).map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
      Path dir = ROOT.resolve(f.store()).resolve(f.path());
      ZarrArray a = ZarrArray.open(new FileSystemStore(dir.toUri(), new Configuration()), "");
      NdArray all = a.readAll();
      DataType t = a.metadata().dataType();
      // java.time.Instant keeps proleptic Gregorian micros; java.sql.Timestamp would rebase old dates.
      spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
      List<Row> rows;
      try {
        rows = spark.read().format("zarr").option("decodeCF", "false").load(dir.toString()).collectAsList();
      } finally {
        spark.conf().unset("spark.sql.datetime.java8API.enabled");
      }
      assertEquals(all.size(), rows.size(), "row count of " + f);
      long[] shape = a.shape();
      for (Row r : rows) {
        long flat = 0;
        for (int d = 0; d < shape.length; d++) {
          flat = flat * shape[d] + r.getLong(d);
        }
        Object expected = ExpectedValues.of(t, all.data(), (int) flat);
        Object actual = r.get(shape.length);
        assertTrue(ExpectedValues.same(expected, actual), f + " at " + flat + ": expected " + show(expected) + " got " + show(actual));
      }
    }));
  }

  static String show(Object o) {
    return o instanceof byte[] ? java.util.Arrays.toString((byte[]) o) : o instanceof Object[] ? java.util.Arrays.toString((Object[]) o) : String.valueOf(o);
  }

  @Test
  void coversMostFixtures() throws Exception {
    long readable = fixtures().stream().filter(FixturesThroughSparkTest::readable).count();
    assertTrue(readable >= 100, "only " + readable + " fixtures readable");
  }
}
