package io.zarrspark.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreContractTest;
import io.zarrspark.it.fixtures.MiniHdfs;
import io.zarrspark.it.fixtures.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zarr on HDFS: a MiniDFSCluster on 127.0.0.1 in this JVM (one cluster for the whole class). */
class HdfsZarrTest extends RemoteStoreTests {
  @RegisterExtension
  static final MiniHdfs hdfs = new MiniHdfs();

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.local("zarr-it-hdfs", hdfs.hadoopConf());
  }

  @Override
  String uri(String path) {
    return hdfs.uri(path);
  }

  @Override
  Configuration conf() {
    return hdfs.configuration();
  }

  @Override
  List<String> storedFiles(String path) throws Exception {
    // The cluster's own client, not the cached instance the stores use.
    FileSystem fs = hdfs.cluster().getFileSystem();
    assertTrue(fs instanceof DistributedFileSystem, fs.getClass().getName());
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path("/" + path), true);
    while (it.hasNext()) {
      LocatedFileStatus st = it.next();
      assertTrue(st.getBlockLocations().length > 0 || st.getLen() == 0, "blocks of " + st.getPath());
      out.add(st.getPath().toUri().getPath().substring(1));
    }
    return out;
  }

  /** Core's store contract (core's test-jar) on hdfs://, each test in a fresh directory. */
  @Nested
  class StoreContract extends StoreContractTest {
    @Override
    protected Store newStore() {
      return new FileSystemStore(hdfs.uri("contract/" + UUID.randomUUID()), hdfs.configuration());
    }
  }
}
