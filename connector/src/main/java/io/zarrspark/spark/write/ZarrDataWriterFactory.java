package io.zarrspark.spark.write;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;

/** Ships the layout to executors and makes one writer per task. */
final class ZarrDataWriterFactory implements DataWriterFactory {
  private static final long serialVersionUID = 1L;

  private final WriteLayout layout;

  ZarrDataWriterFactory(WriteLayout layout) {
    this.layout = layout;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new ZarrDataWriter(layout, partitionId, taskId);
  }
}
