package io.zarrspark.spark.read;

import io.zarrspark.spark.ZarrOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** Plans splits from the chunk grid alone: keys are computed, the store is never listed. */
final class ZarrScan implements Scan, Batch {
  private final StoreSpec store;
  private final ReadLayout layout;
  private final ZarrOptions options;
  private final StructType required;

  ZarrScan(StoreSpec store, ReadLayout layout, ZarrOptions options, StructType required) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.required = required;
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "ZarrScan(" + store.root() + ", columns=" + String.join(",", required.fieldNames()) + ")";
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    long chunks = 1;
    for (long g : layout.gridShape()) {
      chunks = Math.multiplyExact(chunks, g);
    }
    long chunkBytes = 0;
    long elements = 1;
    for (int c : layout.chunkShape()) {
      elements *= c;
    }
    for (ArrayHandle h : layout.arrays()) {
      if (required.getFieldIndex(h.column()).isDefined()) {
        chunkBytes += elements * h.metadata().dataType().byteSize();
      }
    }
    long perSplit = Math.max(1, options.maxSplitBytes() / Math.max(1, chunkBytes));
    List<InputPartition> out = new ArrayList<>();
    for (long first = 0; first < chunks; first += perSplit) {
      out.add(new ChunkRange(first, Math.min(chunks, first + perSplit)));
    }
    return out.toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ZarrReaderFactory(store, layout, required);
  }
}
