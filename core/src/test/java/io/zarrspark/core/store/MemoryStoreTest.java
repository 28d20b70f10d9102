package io.zarrspark.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStoreTest extends StoreContractTest {
  @Override
  protected Store newStore() {
    return new MemoryStore();
  }

  @Test
  void colonsAreOrdinaryCharacters() {
    store.put("a/b:c", bytes("v"));
    assertEquals("v", string(store.get("a/b:c").get()));
    assertEquals(List.of("b:c"), store.listChildren("a"));
  }
}
