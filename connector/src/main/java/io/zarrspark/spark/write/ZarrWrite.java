package io.zarrspark.spark.write;

import io.zarrspark.spark.catalog.ZarrChunkFunction;
import java.util.Arrays;
import org.apache.spark.sql.connector.distributions.Distribution;
import org.apache.spark.sql.connector.distributions.Distributions;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.RequiresDistributionAndOrdering;

/**
 * A planned write. It requires rows clustered by block id ({@code zarr_chunk}, resolved by the
 * connector's function catalog) and sorted by it, strictly: a rebalancing shuffle would split a
 * block between tasks, and two tasks writing one chunk would each overwrite the other.
 */
final class ZarrWrite implements RequiresDistributionAndOrdering {
  private final WriteLayout layout;

  ZarrWrite(WriteLayout layout) {
    this.layout = layout;
  }

  private Expression blockId() {
    BlockGeometry g = layout.geometry();
    int r = g.rank();
    Expression[] args = new Expression[3 * r];
    for (int d = 0; d < r; d++) {
      args[d] = Expressions.literal((long) g.block()[d]);
      args[r + d] = Expressions.literal(g.capacity()[d]);
      // Quoted so that a column name with dots or spaces stays one name.
      args[2 * r + d] = Expressions.column("`" + layout.dimensionColumns().get(d).replace("`", "``") + "`");
    }
    return Expressions.apply(ZarrChunkFunction.NAME, args);
  }

  @Override
  public Distribution requiredDistribution() {
    return Distributions.clustered(new Expression[] {blockId()});
  }

  @Override
  public boolean distributionStrictlyRequired() {
    return true;
  }

  @Override
  public SortOrder[] requiredOrdering() {
    return new SortOrder[] {Expressions.sort(blockId(), SortDirection.ASCENDING)};
  }

  @Override
  public BatchWrite toBatch() {
    return new ZarrBatchWrite(layout);
  }

  @Override
  public String description() {
    return "ZarrWrite(" + layout.mode() + " " + layout.path() + ", v" + layout.format().number() + ", dims "
        + layout.dimensionNames() + ", " + layout.geometry() + ")";
  }

  @Override
  public String toString() {
    return description() + " " + Arrays.toString(layout.geometry().block());
  }
}
