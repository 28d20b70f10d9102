package io.zarrspark.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStoreTest extends StoreContractTest {
  @TempDir
  Path dir;

  @Override
  protected Store newStore() {
    return new FileSystemStore(dir.resolve("root").toUri(), new Configuration());
  }

  @Test
  void colonsAreRefusedClearlyNotMisreadAsSchemes() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.put("a/file:x", bytes("v")));
    assertTrue(e.getMessage().contains("a/file:x"), e.getMessage());
  }

  @Test
  void nothingIsWrittenOutsideTheRoot() throws Exception {
    try {
      store.put("../outside", bytes("x"));
    } catch (InvalidKeyException expected) {
      // the contract test checks the message; here we check the file system
    }
    assertFalse(Files.exists(dir.resolve("outside")));
  }
}
