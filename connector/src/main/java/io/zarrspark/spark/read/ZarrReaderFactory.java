package io.zarrspark.spark.read;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Creates chunk readers on executors: element rows are read columnar, one batch per chunk, for
 * every type; chunk rows ({@code layout=chunks}) come row by row.
 */
final class ZarrReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final StoreSpec store;
  private final ReadLayout layout;
  private final StructType required;
  private final Selection selection;
  private final int limit;

  ZarrReaderFactory(StoreSpec store, ReadLayout layout, StructType required, Selection selection, int limit) {
    this.store = store;
    this.layout = layout;
    this.required = required;
    this.selection = selection;
    this.limit = limit;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return !layout.chunkRows();
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    return new ChunkBatchReader(store.open(), layout, required, selection, (ChunkRange) partition, limit);
  }

  /** The row path, for callers that ask for rows: the same batches, row by row. */
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    if (layout.chunkRows()) {
      return new ChunkRowReader(store.open(), layout, required, selection, (ChunkRange) partition, limit);
    }
    PartitionReader<ColumnarBatch> batches = createColumnarReader(partition);
    return new PartitionReader<>() {
      private Iterator<InternalRow> rows = java.util.Collections.emptyIterator();
      private InternalRow current;

      @Override
      public boolean next() throws java.io.IOException {
        while (!rows.hasNext()) {
          if (!batches.next()) {
            return false;
          }
          rows = batches.get().rowIterator();
        }
        current = rows.next();
        return true;
      }

      @Override
      public InternalRow get() {
        return current;
      }

      @Override
      public void close() throws java.io.IOException {
        batches.close();
      }
    };
  }
}
