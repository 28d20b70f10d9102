package io.zarrspark.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.metadata.ZarrFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * Groups written through {@code df.write.format("zarr")} for the peer checks, with the expected
 * bytes of every array computed here from the same formulas the DataFrame uses (never read back
 * through zarr-spark), and their manifest entries.
 */
final class SparkWrites {
  static final int Y = 13;
  static final int X = 11;
  static final String CHUNKS = "5,4";

  private final SparkSession spark;
  private final Path root;
  private final ZarrFormat format;
  private final ManifestWriter manifest;

  SparkWrites(SparkSession spark, Path root, ZarrFormat format, String store, Path manifestDir) {
    this.spark = spark;
    this.root = root;
    this.format = format;
    this.manifest = new ManifestWriter(manifestDir, store, root);
  }

  ManifestWriter manifest() {
    return manifest;
  }

  /** One array: its SQL expression of k = y * X + x, and the element bytes of k (little-endian). */
  record Col(String name, String sql, String zarrType, int size, java.util.function.LongFunction<byte[]> value) {}

  static List<Col> columns(boolean withStrings) {
    List<Col> c = new ArrayList<>();
    c.add(new Col("f64", "k * 0.25d - 3", null, 8, k -> le(Double.doubleToRawLongBits(k * 0.25 - 3), 8)));
    c.add(new Col("f32", "cast(k / 8.0d as float)", null, 4, k -> le(Float.floatToRawIntBits(k / 8f), 4)));
    c.add(new Col("i32", "cast(k * 7 - 1000 as int)", null, 4, k -> le(k * 7 - 1000, 4)));
    c.add(new Col("i64", "k * 1000000007", null, 8, k -> le(k * 1000000007L, 8)));
    c.add(new Col("i16", "cast(k % 300 - 150 as smallint)", null, 2, k -> le(k % 300 - 150, 2)));
    c.add(new Col("u8", "cast(k % 251 as smallint)", "uint8", 1, k -> le(k % 251, 1)));
    if (withStrings) {
      c.add(new Col("b", "k % 3 = 0", null, 1, k -> le(k % 3 == 0 ? 1 : 0, 1)));
      c.add(new Col("s", "concat('v', cast(k as string))", null, 0, k -> ("v" + k).getBytes(Charset.forName("UTF-32LE"))));
    }
    return c;
  }

  static byte[] le(long v, int size) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
    byte[] out = new byte[size];
    System.arraycopy(b.array(), 0, out, 0, size);
    return out;
  }

  /**
   * Writes group {@code group} of the columns, for the elements {@code written} keeps, and adds a
   * manifest entry per array. {@code fills} maps columns to their fill bytes (null: zero).
   */
  List<ObjectNode> group(String group, List<Col> cols, LongPredicate written, String where,
      Map<String, byte[]> fills, Map<String, String> options) {
    List<Column> select = new ArrayList<>(List.of(functions.expr("k div " + X + " as y"),
        functions.expr("k % " + X + " as x")));
    for (Col c : cols) {
      Column e = functions.expr(c.sql());
      select.add(c.zarrType() == null ? e.as(c.name())
          : e.as(c.name(), new MetadataBuilder().putString("zarr.dtype", c.zarrType()).build()));
    }
    Dataset<Row> df = spark.range(0, (long) Y * X, 1, 3).selectExpr("id as k").where(where)
        .select(select.toArray(new Column[0]));
    DataFrameWriter<Row> w = df.write().format("zarr").option("dimensions", "y,x").option("chunks", CHUNKS)
        .option("zarrFormat", format.number());
    for (Map.Entry<String, String> o : options.entrySet()) {
      w = w.option(o.getKey(), o.getValue());
    }
    w.save(root.resolve(group).toString());

    List<ObjectNode> entries = new ArrayList<>();
    for (Col c : cols) {
      ZarrArray a = ZarrArray.open(CoreArrays.localStore(root), group + "/" + c.name());
      int size = c.size() > 0 ? c.size() : a.metadata().dataType().byteSize();
      byte[] fill = fills.getOrDefault(c.name(), new byte[size]);
      ByteBuffer expected = ByteBuffer.allocate(Y * X * size);
      for (long k = 0; k < (long) Y * X; k++) {
        byte[] v = written.test(k) ? c.value().apply(k) : fill;
        expected.put((int) k * size, v);
      }
      long stored = CoreArrays.countStoredChunks(a);
      entries.add(manifest.add(a, expected.array(), stored < a.grid().chunkCount(), stored));
    }
    return entries;
  }
}
