package io.zarrspark.spark.write;

import io.zarrspark.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** The driver side of a write: prepares the path when the job starts, publishes metadata on commit. */
final class ZarrBatchWrite implements BatchWrite {
  /** Sees every job's commit messages before metadata is published (tests check block ownership). */
  static final List<Consumer<List<ChunkCommitMessage>>> COMMIT_OBSERVERS = new CopyOnWriteArrayList<>();

  private final WriteLayout layout;

  ZarrBatchWrite(WriteLayout layout) {
    this.layout = layout;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    if (layout.mode() == WriteMode.OVERWRITE) {
      // Called on the driver just before tasks start: the old group goes now, so that no chunk of
      // it can survive inside the new arrays' shape.
      try (Store store = layout.store().open()) {
        store.deletePrefix("");
      }
    }
    return new ZarrDataWriterFactory(layout);
  }

  @Override
  public boolean useCommitCoordinator() {
    return true;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    List<ChunkCommitMessage> ms = collect(messages);
    COMMIT_OBSERVERS.forEach(o -> o.accept(ms));
    try (Store store = layout.store().open()) {
      new GroupCommit(layout, store).commit(ms);
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    try (Store store = layout.store().open()) {
      new GroupCommit(layout, store).abort();
    }
  }

  private static List<ChunkCommitMessage> collect(WriterCommitMessage[] messages) {
    List<ChunkCommitMessage> out = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m != null) {
        out.add((ChunkCommitMessage) m);
      }
    }
    return out;
  }
}
