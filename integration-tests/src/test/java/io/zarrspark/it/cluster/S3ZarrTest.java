package io.zarrspark.it.cluster;

import io.zarrspark.core.store.FileSystemStore;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreContractTest;
import io.zarrspark.it.fixtures.S3ProxyServer;
import io.zarrspark.it.fixtures.SparkSessions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zarr on S3 through S3A, against S3Proxy on 127.0.0.1 (one server for the whole class). */
class S3ZarrTest extends RemoteStoreTests {
  @RegisterExtension
  static final S3ProxyServer s3 = new S3ProxyServer();

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.local("zarr-it-s3", s3.hadoopConf());
  }

  @Override
  String uri(String path) {
    return s3.uri(path);
  }

  @Override
  Configuration conf() {
    return s3.configuration();
  }

  @Override
  List<String> storedFiles(String path) throws IOException {
    return s3.listKeys(path + "/");
  }

  /** On S3 the write test writes shards of 2 x 2 chunks: chunk reads become byte-range GETs. */
  @Override
  Map<String, String> extraWriteOptions() {
    return Map.of("shards", "32,20");
  }

  @Override
  int[] storedChunkShape() {
    return new int[] {32, 20};
  }

  /** Core's store contract (core's test-jar) on s3a://, each test in a fresh prefix. */
  @Nested
  class StoreContract extends StoreContractTest {
    @Override
    protected Store newStore() {
      return new FileSystemStore(s3.uri("contract/" + UUID.randomUUID()), s3.configuration());
    }
  }
}
