package io.zarrspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.spark.SparkTestSession;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning works from metadata: an array of 1,000,000 chunks (none stored) plans in well under
 * the 5 s the read issue sets, into packed splits, without listing the store.
 */
class LargeGridPlanningTest {
  @TempDir
  Path dir;

  @Test
  void millionChunksPlanQuicklyIntoPackedSplits() {
    ZarrArray.create(new FileSystemStore(dir.toUri(), new Configuration()), "",
        ArrayMetadataBuilder.v3(new long[] {1000, 1000, 64}, new int[] {1, 1, 64}, DataType.FLOAT32).build(), false);
    org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
    long t0 = System.nanoTime();
    Dataset<Row> df = spark.read().format("zarr").option("maxPartitionBytes", String.valueOf(64L << 20))
        .load(dir.toString());
    BatchScanExec scan = ScanMetrics.scan(df);
    int splits = scan.inputPartitions().size();
    double seconds = (System.nanoTime() - t0) / 1e9;
    // 64-element chunks (with their three index columns, ~2 KiB decoded) packed 64 MiB a split.
    assertTrue(splits > 1 && splits < 100, splits + " splits");
    assertTrue(seconds < 5, "planning 1,000,000 chunks took " + seconds + " s");
    System.out.printf("planned 1,000,000 chunks into %d splits in %.2f s%n", splits, seconds);
  }
}
