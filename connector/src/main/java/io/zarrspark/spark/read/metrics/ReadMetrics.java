package io.zarrspark.spark.read.metrics;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** The scan's metrics, shown in the Spark UI and readable from the executed plan. */
public final class ReadMetrics {
  private ReadMetrics() {}

  public static final String CHUNKS_READ = "chunksRead";
  public static final String CHUNKS_MISSING = "chunksMissing";
  public static final String CHUNKS_PRUNED = "chunksPruned";
  public static final String BYTES_READ = "bytesRead";
  public static final String DECODE_TIME = "decodeTimeMs";

  /** A summed metric; Spark instantiates it by reflection, hence the public no-arg subclasses. */
  abstract static class Sum extends CustomSumMetric {
    private final String name;
    private final String description;

    Sum(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }

  public static final class ChunksRead extends Sum {
    public ChunksRead() {
      super(CHUNKS_READ, "zarr chunks read");
    }
  }

  public static final class ChunksMissing extends Sum {
    public ChunksMissing() {
      super(CHUNKS_MISSING, "zarr chunks missing (fill value)");
    }
  }

  public static final class ChunksPruned extends Sum {
    public ChunksPruned() {
      super(CHUNKS_PRUNED, "zarr chunks pruned by filters");
    }
  }

  public static final class BytesRead extends Sum {
    public BytesRead() {
      super(BYTES_READ, "zarr stored bytes read");
    }
  }

  public static final class DecodeTime extends Sum {
    public DecodeTime() {
      super(DECODE_TIME, "zarr decode time (ms)");
    }
  }

  public static CustomMetric[] all() {
    return new CustomMetric[] {new ChunksRead(), new ChunksMissing(), new ChunksPruned(), new BytesRead(), new DecodeTime()};
  }

  public static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }
}
