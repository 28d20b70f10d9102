package io.zarrspark.examples;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.util.Json;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The main job: a local Spark session reading a small Zarr v3 group (temperature on a
 * time x lat x lon grid, written here with zarr-spark core) through {@code format("zarr")}.
 * Writing from a DataFrame arrives with the write path; until then the group is written by core.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : Files.createTempDirectory("zarr-quickstart");
    Path root = out.resolve("weather.zarr");
    FileSystemStore store = new FileSystemStore(root.toUri(), new Configuration());
    ZarrGroup group = ZarrGroup.create(store, "", ZarrFormat.V3, Json.newObject().put("title", "quick start"), true);
    int nt = 24;
    int ny = 18;
    int nx = 36;
    ZarrArray temp = group.createArray("temperature",
        ArrayMetadataBuilder.v3(new long[] {nt, ny, nx}, new int[] {6, 9, 12}, DataType.FLOAT32)
            .dimensionNames(List.of("time", "lat", "lon"))
            .codecs(List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN), new ZstdCodec(3, false))).build(), true);
    NdArray values = NdArray.allocate(DataType.FLOAT32, new int[] {nt, ny, nx});
    for (int t = 0; t < nt; t++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          float v = (float) (15 + 10 * Math.cos(Math.toRadians(y * 10 - 85)) + 3 * Math.sin(t * Math.PI / 12));
          values.buffer().putFloat(((t * ny + y) * nx + x) * 4, v);
        }
      }
    }
    temp.write(new long[3], values);
    group.consolidate();
    System.out.println("wrote " + root);

    SparkSession spark = SparkSession.builder().master("local[2]").appName("zarr-quickstart")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Dataset<Row> df = spark.read().format("zarr").load(root.toString());
      df.printSchema();
      long rows = df.count();
      System.out.println("rows: " + rows + " (expected " + nt * ny * nx + ")");
      df.groupBy("time").avg("temperature").orderBy("time").show(5);
      if (rows != (long) nt * ny * nx) {
        throw new IllegalStateException("read " + rows + " rows, expected " + nt * ny * nx);
      }
    } finally {
      spark.stop();
    }
  }
}
