package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.spark.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.junit.jupiter.api.Test;

/** SQL over a path through the zarr catalog, and attributes reachable from the table. */
class ZarrSqlReadTest {
  final SparkSession spark = SparkTestSession.get();
  static final Path PACKED = SparkTestSession.fixtures().resolve("xarray/packed.zarr");

  @Test
  void selectFromAPathThroughTheCatalog() {
    spark.conf().set("spark.sql.catalog.zarr", io.zarrspark.spark.catalog.ZarrCatalog.class.getName());
    List<Row> rows = spark.sql("SELECT count(*), min(lat), max(lon) FROM zarr.`" + PACKED + "` WHERE lat > 0")
        .collectAsList();
    assertEquals(10L * 3 * 8, rows.get(0).getLong(0));
    assertEquals(9.0, rows.get(0).getDouble(1));
    assertEquals(350.0, rows.get(0).getDouble(2));
  }

  @Test
  void groupAndArrayAttributesAreReachable() throws Exception {
    spark.conf().set("spark.sql.catalog.zarr", io.zarrspark.spark.catalog.ZarrCatalog.class.getName());
    TableCatalog catalog = (TableCatalog) spark.sessionState().catalogManager().catalog("zarr");
    Table t = catalog.loadTable(Identifier.of(new String[0], PACKED.toString()));
    assertTrue(t.properties().get("zarr.attributes").contains("\"title\":\"packed\""), t.properties().toString());
    String tempAttrs = spark.read().format("zarr").load(PACKED.toString()).schema().apply("temp").metadata()
        .getString("zarr.attributes");
    assertTrue(tempAttrs.contains("scale_factor"), tempAttrs);
  }
}
