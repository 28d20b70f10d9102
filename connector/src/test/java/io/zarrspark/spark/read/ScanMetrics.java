package io.zarrspark.spark.read;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import scala.collection.Seq;

/** Reads the zarr scan's metrics from an executed query's plan. */
final class ScanMetrics {
  private ScanMetrics() {}

  static BatchScanExec scan(Dataset<Row> df) {
    SparkPlan plan = df.queryExecution().executedPlan();
    Seq<SparkPlan> leaves = plan.collectLeaves();
    for (int i = 0; i < leaves.length(); i++) {
      if (leaves.apply(i) instanceof BatchScanExec) {
        return (BatchScanExec) leaves.apply(i);
      }
    }
    return null;
  }

  static long metric(Dataset<Row> df, String name) {
    BatchScanExec s = scan(df);
    if (s == null) {
      throw new AssertionError("no BatchScanExec in " + df.queryExecution().executedPlan());
    }
    return s.metrics().get(name).get().value();
  }
}
