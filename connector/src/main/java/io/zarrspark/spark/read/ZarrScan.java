package io.zarrspark.spark.read;

import io.zarrspark.spark.ZarrOptions;
import io.zarrspark.spark.read.metrics.ReadMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Plans splits from the chunk grid alone: keys are computed, the store is never listed. */
final class ZarrScan implements Scan, Batch, SupportsReportStatistics {
  private final StoreSpec store;
  private final ReadLayout layout;
  private final ZarrOptions options;
  private final StructType required;
  private final Selection selection;
  private final int limit;

  ZarrScan(StoreSpec store, ReadLayout layout, ZarrOptions options, StructType required, Selection selection, int limit) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.required = required;
    this.selection = selection;
    this.limit = limit;
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "ZarrScan(" + store.root() + ", columns=[" + String.join(",", required.fieldNames()) + "], chunks="
        + selection.chunkCount() + "/" + selection.gridChunkCount() + (limit >= 0 ? ", limit=" + limit : "") + ")";
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /** Decoded bytes of one chunk of the required arrays. */
  private long chunkBytes() {
    long elements = 1;
    for (int c : layout.chunkShape()) {
      elements *= c;
    }
    long bytes = 0;
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        bytes += elements * h.metadata().dataType().byteSize();
      }
    }
    return bytes;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    long chunks = selection.chunkCount();
    // Small chunks are packed up to the target size; a query on dimensions alone packs by rows.
    long perChunk = Math.max(chunkBytes(), 8L * required.size() * elementsPerChunk());
    long perSplit = Math.max(1, options.maxSplitBytes() / Math.max(1, perChunk));
    io.zarrspark.core.store.FileSystemStore fs = store.open();
    SplitLocations locations = new SplitLocations(fs, firstArray(fs));
    List<InputPartition> out = new ArrayList<>();
    for (long first = 0; first < chunks; first += perSplit) {
      out.add(new ChunkRange(first, Math.min(chunks, first + perSplit), locations.hosts(selection.chunkAt(first))));
    }
    return out.toArray(new InputPartition[0]);
  }

  /** The first array read, whose chunk placement stands for the split's; null if none is read. */
  private io.zarrspark.core.array.ZarrArray firstArray(io.zarrspark.core.store.FileSystemStore fs) {
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        return h.open(fs);
      }
    }
    return null;
  }

  private long elementsPerChunk() {
    long n = 1;
    for (int c : layout.chunkShape()) {
      n *= c;
    }
    return n;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ZarrReaderFactory(store, layout, required, selection, limit);
  }

  @Override
  public Statistics estimateStatistics() {
    long rows = selection.rowCount();
    long rowBytes = 0;
    for (StructField f : required.fields()) {
      rowBytes += f.dataType().defaultSize();
    }
    long size = rows * Math.max(1, rowBytes);
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(size);
      }

      @Override
      public OptionalLong numRows() {
        return OptionalLong.of(limit >= 0 ? Math.min(limit, rows) : rows);
      }
    };
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ReadMetrics.all();
  }

  @Override
  public CustomTaskMetric[] reportDriverMetrics() {
    return new CustomTaskMetric[] {
        ReadMetrics.value(ReadMetrics.CHUNKS_PRUNED, selection.gridChunkCount() - selection.chunkCount())};
  }
}
