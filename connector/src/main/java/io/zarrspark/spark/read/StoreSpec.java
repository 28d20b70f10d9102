package io.zarrspark.spark.read;

import io.zarrspark.core.store.FileSystemStore;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.util.SerializableConfiguration;

/** How executors reach the store: its root URI and the Hadoop configuration of the session. */
public final class StoreSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String root;
  private final SerializableConfiguration conf;

  public StoreSpec(String root, Configuration conf) {
    this.root = root;
    this.conf = new SerializableConfiguration(conf);
  }

  public FileSystemStore open() {
    return new FileSystemStore(root, conf.value());
  }

  public String root() {
    return root;
  }
}
