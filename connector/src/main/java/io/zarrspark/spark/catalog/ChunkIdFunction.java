package io.zarrspark.spark.catalog;

import io.zarrspark.spark.write.BlockGeometry;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.functions.ScalarFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code zarr_chunk(block..., capacity..., index...)} bound to one rank: the id of the chunk (or
 * shard) an element belongs to, used by writes to cluster and sort rows by chunk.
 *
 * <p>Spark turns a scalar function into generated code (StaticInvoke) only when the bound class
 * declares a static {@code invoke} whose parameter types are exactly {@link #inputTypes()}: one
 * {@code long} per argument, so ranks 1 to 4 have fixed-arity methods. Other ranks run through
 * {@link #produceResult}, which gives the same ids.
 */
public final class ChunkIdFunction implements ScalarFunction<Long> {
  private static final long serialVersionUID = 1L;

  private final int rank;

  ChunkIdFunction(int rank) {
    this.rank = rank;
  }

  public static long invoke(long... args) {
    return BlockGeometry.id(args);
  }

  public static long invoke(long c0, long g0, long i0) {
    return BlockGeometry.id(new long[] {c0, g0, i0});
  }

  public static long invoke(long c0, long c1, long g0, long g1, long i0, long i1) {
    return BlockGeometry.id(new long[] {c0, c1, g0, g1, i0, i1});
  }

  public static long invoke(long c0, long c1, long c2, long g0, long g1, long g2, long i0, long i1, long i2) {
    return BlockGeometry.id(new long[] {c0, c1, c2, g0, g1, g2, i0, i1, i2});
  }

  @SuppressWarnings("checkstyle:ParameterNumber")
  public static long invoke(long c0, long c1, long c2, long c3, long g0, long g1, long g2, long g3, long i0, long i1,
      long i2, long i3) {
    return BlockGeometry.id(new long[] {c0, c1, c2, c3, g0, g1, g2, g3, i0, i1, i2, i3});
  }

  @Override
  public DataType[] inputTypes() {
    DataType[] t = new DataType[3 * rank];
    java.util.Arrays.fill(t, DataTypes.LongType);
    return t;
  }

  @Override
  public DataType resultType() {
    return DataTypes.LongType;
  }

  @Override
  public boolean isResultNullable() {
    return false;
  }

  @Override
  public Long produceResult(InternalRow input) {
    long[] args = new long[3 * rank];
    for (int k = 0; k < args.length; k++) {
      // A null index has no chunk; the writer reports the row.
      args[k] = input.isNullAt(k) ? -1 : input.getLong(k);
    }
    return BlockGeometry.id(args);
  }

  @Override
  public String name() {
    return ZarrChunkFunction.NAME;
  }

  @Override
  public String canonicalName() {
    return "zarr." + ZarrChunkFunction.NAME + "_" + rank;
  }
}
