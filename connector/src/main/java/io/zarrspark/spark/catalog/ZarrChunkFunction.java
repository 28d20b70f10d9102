package io.zarrspark.spark.catalog;

import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The unbound {@code zarr_chunk} function the catalog serves; binding picks the rank. */
public final class ZarrChunkFunction implements UnboundFunction {
  public static final String NAME = "zarr_chunk";

  @Override
  public BoundFunction bind(StructType inputType) {
    StructField[] f = inputType.fields();
    if (f.length == 0 || f.length % 3 != 0) {
      throw new UnsupportedOperationException(NAME + " takes block shape, grid and index per dimension"
          + " (3 x rank arguments), got " + f.length);
    }
    for (StructField s : f) {
      org.apache.spark.sql.types.DataType t = s.dataType();
      if (!(t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType)) {
        throw new UnsupportedOperationException(NAME + " takes integral arguments, got " + t.simpleString());
      }
    }
    return new ChunkIdFunction(f.length / 3);
  }

  @Override
  public String description() {
    return NAME + "(block..., grid..., index...): the C-order id of the chunk (or shard) holding an element";
  }

  @Override
  public String name() {
    return NAME;
  }
}
