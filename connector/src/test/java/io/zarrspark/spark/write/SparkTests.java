package io.zarrspark.spark.write;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.function.Executable;

/** The local session the write tests share, bound to loopback as ZarrReadTest's is. */
final class SparkTests {
  private SparkTests() {}

  static SparkSession start(String app) {
    return SparkSession.builder().master("local[2]").appName(app)
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  /** The messages of the exception and of its causes, joined: Spark wraps task failures. */
  static String failure(Executable e) {
    Throwable t = assertThrows(Throwable.class, e);
    List<String> parts = new ArrayList<>();
    for (Throwable c = t; c != null; c = c.getCause()) {
      parts.add(c.getClass().getSimpleName() + ": " + c.getMessage());
    }
    return String.join("\n  caused by ", parts);
  }
}
