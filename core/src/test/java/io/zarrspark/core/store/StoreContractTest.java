package io.zarrspark.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Store} must have; subclasses supply the store. */
public abstract class StoreContractTest {
  protected Store store;

  protected abstract Store newStore() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    store = newStore();
  }

  static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  static String string(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return new String(a, StandardCharsets.UTF_8);
  }

  @Test
  void missingKeyIsEmptyNotAnError() {
    assertTrue(store.get("nope/c/0").isEmpty());
    assertTrue(store.getRange("nope", 0, 1).isEmpty());
    assertTrue(store.getSuffix("nope", 1).isEmpty());
    assertTrue(store.size("nope").isEmpty());
    assertFalse(store.exists("nope"));
    store.delete("nope");
  }

  @Test
  void putGetRoundTripsAndReplaces() {
    store.put("a/b/zarr.json", bytes("first"));
    assertEquals("first", string(store.get("a/b/zarr.json").get()));
    store.put("a/b/zarr.json", bytes("second, longer"));
    assertEquals("second, longer", string(store.get("a/b/zarr.json").get()));
    assertEquals(Optional.of(14L), store.size("a/b/zarr.json"));
  }

  @Test
  void rangesAndSuffixes() {
    store.put("k", bytes("0123456789"));
    assertEquals("345", string(store.getRange("k", 3, 3).get()));
    assertEquals("", string(store.getRange("k", 10, 0).get()));
    assertEquals("789", string(store.getSuffix("k", 3).get()));
    List<ByteBuffer> parts = store.getRanges("k", List.of(new ByteRange(0, 2), new ByteRange(8, 2))).get();
    assertEquals("01", string(parts.get(0)));
    assertEquals("89", string(parts.get(1)));
  }

  @Test
  void rangesPastTheEndFailNamingTheKey() {
    store.put("k", bytes("0123"));
    StoreException e = assertThrows(StoreException.class, () -> store.getRange("k", 2, 10));
    assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    assertThrows(StoreException.class, () -> store.getSuffix("k", 5));
  }

  @Test
  void listingIsRecursiveAndChildrenAreImmediate() {
    store.put("g/zarr.json", bytes("{}"));
    store.put("g/a/zarr.json", bytes("{}"));
    store.put("g/a/c/0/0", bytes("x"));
    store.put("g/b/.zarray", bytes("{}"));
    store.put("other", bytes("y"));
    assertEquals(List.of("g/a/c/0/0", "g/a/zarr.json", "g/b/.zarray", "g/zarr.json"), store.list("g"));
    assertEquals(List.of("a", "b", "zarr.json"), store.listChildren("g"));
    assertEquals(List.of("g", "other"), store.listChildren(""));
    assertEquals(List.of(), store.list("missing"));
  }

  @Test
  void deletePrefixRemovesOnlyThatSubtree() {
    store.put("g/a/x", bytes("1"));
    store.put("g/ab", bytes("2"));
    store.deletePrefix("g/a");
    assertTrue(store.get("g/a/x").isEmpty());
    assertTrue(store.get("g/ab").isPresent());
  }

  @Test
  void keysCannotEscapeTheRoot() {
    for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "", "a/..")) {
      InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.get(bad), bad);
      assertTrue(e.getMessage().contains("key"), e.getMessage());
      assertThrows(InvalidKeyException.class, () -> store.put(bad, bytes("x")), bad);
    }
  }
}
