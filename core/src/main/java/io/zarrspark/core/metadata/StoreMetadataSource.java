package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Metadata read from the store on demand; listing children needs a store listing. */
public final class StoreMetadataSource implements MetadataSource {
  private final Store store;

  public StoreMetadataSource(Store store) {
    this.store = store;
  }

  @Override
  public Optional<JsonNode> document(String key) {
    return store.get(key).map(b -> io.zarrspark.core.util.Json.parse(b, "'" + key + "' in " + store.describe()));
  }

  @Override
  public List<String> childNames(String nodePath) {
    List<String> out = new ArrayList<>();
    for (String name : store.listChildren(nodePath)) {
      if (name.startsWith(".") || name.equals(V3Metadata.KEY)) {
        continue;
      }
      String child = StoreKeys.join(nodePath, name);
      if (store.exists(child + "/" + V3Metadata.KEY) || store.exists(child + "/" + V2Metadata.ARRAY_KEY)
          || store.exists(child + "/" + V2Metadata.GROUP_KEY)) {
        out.add(name);
      }
    }
    return out;
  }

  @Override
  public boolean consolidated() {
    return false;
  }
}
