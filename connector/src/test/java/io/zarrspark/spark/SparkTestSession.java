package io.zarrspark.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** One local Spark session for the connector tests, bound to loopback. */
public final class SparkTestSession {
  private SparkTestSession() {}

  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("zarr-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          // Plans are inspected for metrics; the adaptive wrapper would hide the scan node.
          .config("spark.sql.adaptive.enabled", "false")
          .getOrCreate();
    }
    return session;
  }

  /** The peer-written fixtures of the core module. */
  public static Path fixtures() {
    return Paths.get(System.getProperty("user.dir")).resolve("../core/src/test/resources/fixtures").normalize();
  }
}
