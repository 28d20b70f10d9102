package io.zarrspark.core.hierarchy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.MemoryStore;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ZarrGroupTest {

  /** A store that counts reads, to prove consolidated navigation reads no metadata. */
  static final class CountingStore extends io.zarrspark.core.store.StoreDelegate {
    final List<String> gets = new ArrayList<>();

    CountingStore(Store inner) {
      super(inner);
    }

    @Override
    public Optional<ByteBuffer> get(String key) {
      gets.add(key);
      return super.get(key);
    }
  }

  static ArrayMetadataBuilder builder(ZarrFormat f, List<String> dims) {
    ArrayMetadataBuilder b = f == ZarrFormat.V3
        ? ArrayMetadataBuilder.v3(new long[] {2, 3}, new int[] {2, 2}, DataType.INT16)
        : ArrayMetadataBuilder.v2(new long[] {2, 3}, new int[] {2, 2}, DataType.INT16);
    return b.dimensionNames(dims);
  }

  @ParameterizedTest
  @EnumSource(ZarrFormat.class)
  void hierarchyAttributesAndConsolidatedMetadata(ZarrFormat f) {
    Store mem = new MemoryStore();
    ObjectNode attrs = Json.newObject().put("title", "test").put("n", 3);
    ZarrGroup root = ZarrGroup.create(mem, "", f, attrs, false);
    ZarrGroup sub = root.createGroup("sub", Json.newObject().put("level", 1), false);
    ZarrArray a = root.createArray("temp", builder(f, List.of("y", "x")).build(), false);
    sub.createArray("deep", builder(f, null).build(), false);
    NdArray data = NdArray.allocate(DataType.INT16, new int[] {2, 3});
    data.buffer().putShort(0, (short) 5);
    a.write(new long[2], data);

    ZarrGroup opened = ZarrGroup.open(mem, "");
    assertFalse(opened.isConsolidated());
    assertEquals(List.of("sub", "temp"), opened.childNames());
    assertEquals("test", opened.attributes().get("title").asText());
    assertEquals(List.of("y", "x"), opened.array("temp").metadata().dimensionNames().get());
    assertEquals(1, opened.group("sub").attributes().get("level").asInt());
    assertEquals(2, opened.arraysRecursive().size());

    root.consolidate();
    CountingStore counting = new CountingStore(mem);
    ZarrGroup c = ZarrGroup.open(counting, "");
    assertTrue(c.isConsolidated());
    int before = counting.gets.size();
    assertEquals(List.of("sub", "temp"), c.childNames());
    ZarrArray temp = c.array("temp");
    ZarrArray deep = c.group("sub").array("deep");
    assertEquals("sub/deep", deep.path());
    assertEquals(before, counting.gets.size(), "navigation through consolidated metadata read " + counting.gets);
    assertEquals(5, temp.readAll().buffer().getShort(0));
    assertArrayEquals(new long[] {2, 3}, deep.shape());
  }
}
