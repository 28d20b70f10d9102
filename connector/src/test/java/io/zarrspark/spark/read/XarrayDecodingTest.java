package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.util.Json;
import io.zarrspark.spark.SparkTestSession;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Datasets written by xarray read with the values xarray.open_zarr decodes (recorded by
 * make_xarray_fixtures.py): coordinates as dimension columns, packed ints unpacked into xarray's
 * float type, fills as null, CF times as timestamps, dtype: bool as booleans.
 */
class XarrayDecodingTest {
  static final Path DIR = SparkTestSession.fixtures().resolve("xarray");
  final SparkSession spark = SparkTestSession.get();

  static JsonNode decoded(String name) throws Exception {
    return Json.parse(ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(name + ".decoded.json"))), name);
  }

  /** Compares one Spark value with xarray's (NaN there is null or NaN here). */
  static void assertSame(JsonNode expected, Row row, String column, DataType type) {
    int i = row.fieldIndex(column);
    if (expected.isNull()) {
      assertTrue(row.isNullAt(i), column + " should be null in " + row);
      return;
    }
    if (expected.isTextual() && expected.textValue().equals("NaN")) {
      assertTrue(row.isNullAt(i) || Double.isNaN(((Number) row.get(i)).doubleValue()), column + " in " + row);
      return;
    }
    if (type == DataTypes.FloatType) {
      assertEquals(Float.parseFloat(expected.textValue()), row.getFloat(i), column + " in " + row);
    } else if (type == DataTypes.DoubleType) {
      assertEquals(Double.parseDouble(expected.textValue()), row.getDouble(i), column + " in " + row);
    } else if (type == DataTypes.TimestampType) {
      java.sql.Timestamp ts = row.getTimestamp(i);
      long micros = Math.floorDiv(ts.getTime(), 1000) * 1_000_000 + ts.getNanos() / 1000;
      assertEquals(expected.longValue(), micros, column + " in " + row);
    } else if (type == DataTypes.BooleanType) {
      assertEquals(expected.booleanValue(), row.getBoolean(i), column + " in " + row);
    } else {
      assertEquals(expected.longValue(), ((Number) row.get(i)).longValue(), column + " in " + row);
    }
  }

  /** Reads a dataset and checks every variable against xarray, locating rows by their coordinates. */
  void check(String name, Map<String, DataType> expectedTypes) throws Exception {
    JsonNode dec = decoded(name);
    Dataset<Row> df = spark.read().format("zarr").load(DIR.resolve(name + ".zarr").toString());
    expectedTypes.forEach((col, t) -> assertEquals(t, df.schema().apply(col).dataType(), col));
    List<String> dims = new ArrayList<>();
    dec.get("variables").fields().forEachRemaining(e -> {
      if (e.getValue().get("dims").size() > 1 || dims.isEmpty() && false) {
        e.getValue().get("dims").forEach(d -> {
          if (!dims.contains(d.asText())) {
            dims.add(d.asText());
          }
        });
      }
    });
    if (dims.isEmpty()) {
      dec.get("dims").fieldNames().forEachRemaining(dims::add);
    }
    // Index of each coordinate value along its dimension.
    Map<String, Map<String, Integer>> position = new HashMap<>();
    for (String d : dims) {
      Map<String, Integer> m = new HashMap<>();
      JsonNode values = dec.get("variables").get(d).get("values");
      for (int k = 0; k < values.size(); k++) {
        m.put(values.get(k).asText(), k);
      }
      position.put(d, m);
    }
    List<Row> rows = df.collectAsList();
    long expectedRows = 1;
    for (String d : dims) {
      expectedRows *= dec.get("dims").get(d).asLong();
    }
    assertEquals(expectedRows, rows.size());
    for (Row row : rows) {
      int flat = 0;
      for (String d : dims) {
        Object v = row.get(row.fieldIndex(d));
        String key = v instanceof java.sql.Timestamp
            ? Long.toString(Math.floorDiv(((java.sql.Timestamp) v).getTime(), 1000) * 1_000_000 + ((java.sql.Timestamp) v).getNanos() / 1000)
            : v instanceof Double ? repr((Double) v) : v.toString();
        Integer k = position.get(d).get(key);
        assertTrue(k != null, "coordinate " + d + "=" + key + " not in xarray's " + position.get(d).keySet());
        flat = flat * dec.get("dims").get(d).asInt() + k;
      }
      final int f = flat;
      dec.get("variables").fields().forEachRemaining(e -> {
        if (!dims.contains(e.getKey()) && e.getValue().get("dims").size() == dims.size()) {
          assertSame(e.getValue().get("values").get(f), row, e.getKey(), df.schema().apply(e.getKey()).dataType());
        }
      });
    }
  }

  /** Python's repr of a float, which the decoded file uses for coordinate keys. */
  static String repr(double v) {
    String s = Double.toString(v);
    return s.contains("E") ? s.replace("E", "e") : s;
  }

  @Test
  void packedVariablesWithTimeCoordinates() throws Exception {
    check("packed", Map.of("time", DataTypes.TimestampType, "lat", DataTypes.DoubleType,
        "temp", DataTypes.FloatType, "precip", DataTypes.FloatType));
  }

  @Test
  void masksBoolsAndFloatTimes() throws Exception {
    check("masks", Map.of("obs", DataTypes.LongType, "count", DataTypes.DoubleType, "flag", DataTypes.BooleanType,
        "level", DataTypes.DoubleType, "when", DataTypes.TimestampType));
  }

  @Test
  void decodeCfFalseGivesStoredValues() {
    Dataset<Row> df = spark.read().format("zarr").option("decodeCF", "false").load(DIR.resolve("packed.zarr").toString());
    assertEquals(DataTypes.ShortType, df.schema().apply("temp").dataType());
    assertEquals(DataTypes.LongType, df.schema().apply("time").dataType());
    // The first stored temp: round((280.01 - 280) / 0.01) = 1 in the packed int16.
    Row r = df.orderBy("time", "lat", "lon").first();
    assertEquals(0L, r.getLong(r.fieldIndex("time")));
    assertEquals((short) 1, r.getShort(r.fieldIndex("temp")));
  }

  @Test
  void filtersOnCoordinatesPrune() {
    Dataset<Row> df = spark.read().format("zarr").load(DIR.resolve("packed.zarr").toString())
        .where("time >= timestamp'2001-03-02 00:00:00' AND lat > 0");
    List<Row> rows = df.collectAsList();
    // Times are every 6 h from 2001-03-01: 6 of 10 are on or after 03-02; lat > 0: 3 of 6.
    assertEquals(6 * 3 * 8, rows.size());
  }
}
