package io.zarrspark.spark.read;

import io.zarrspark.spark.ZarrOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Prunes columns: an array whose column is not required is never read. */
final class ZarrScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
  private final StoreSpec store;
  private final ReadLayout layout;
  private final ZarrOptions options;
  private StructType required;

  ZarrScanBuilder(StoreSpec store, ReadLayout layout, ZarrOptions options) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.required = layout.schema();
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    // Keep the table's column order; Spark asks for a subset.
    List<StructField> kept = new ArrayList<>();
    for (StructField f : layout.schema().fields()) {
      if (requiredSchema.getFieldIndex(f.name()).isDefined()) {
        kept.add(f);
      }
    }
    this.required = new StructType(kept.toArray(new StructField[0]));
  }

  @Override
  public Scan build() {
    return new ZarrScan(store, layout, options, required);
  }
}
