package io.zarrspark.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The main job: a local Spark session writes a small Zarr v3 group (temperature on a
 * time x lat x lon grid) from a DataFrame, reads it back through {@code format("zarr")}, and
 * checks that the rows are the same.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : Files.createTempDirectory("zarr-quickstart");
    String path = out.resolve("weather.zarr").toString();
    SparkSession spark = SparkSession.builder().master("local[2]").appName("zarr-quickstart")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      long nt = 24;
      long ny = 18;
      long nx = 36;
      Dataset<Row> grid = spark.range(nt * ny * nx).selectExpr(
          "id DIV " + (ny * nx) + " AS time",
          "(id DIV " + nx + ") % " + ny + " AS lat",
          "id % " + nx + " AS lon");
      Dataset<Row> weather = grid.selectExpr("time", "lat", "lon",
          "CAST(15 + 10 * cos(radians(lat * 10 - 85)) + 3 * sin(time * pi() / 12) AS FLOAT) AS temperature");
      weather.write().format("zarr").mode("overwrite")
          .option("dimensions", "time,lat,lon")
          .option("chunks", "6,9,12")
          .option("attributes", "{\"title\": \"quick start\"}")
          .save(path);
      System.out.println("wrote " + path);

      Dataset<Row> back = spark.read().format("zarr").load(path);
      back.printSchema();
      long rows = back.count();
      System.out.println("rows: " + rows + " (expected " + nt * ny * nx + ")");
      back.where("lat BETWEEN 8 AND 9").groupBy("time").avg("temperature").orderBy("time").show(5);
      long differences = back.exceptAll(weather).count() + weather.exceptAll(back).count();
      if (rows != nt * ny * nx || differences != 0) {
        throw new IllegalStateException("read back " + rows + " rows with " + differences + " differences");
      }
      System.out.println("read back every row unchanged");
    } finally {
      spark.stop();
    }
  }
}
