package io.zarrspark.spark;

import io.zarrspark.spark.read.ZarrTable;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** {@code spark.read.format("zarr")}: the entry point Spark finds through ServiceLoader. */
public final class ZarrDataSource implements TableProvider, DataSourceRegister {

  @Override
  public String shortName() {
    return "zarr";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return ZarrTable.open(ZarrOptions.parse(options)).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return ZarrTable.open(ZarrOptions.parse(properties));
  }
}
