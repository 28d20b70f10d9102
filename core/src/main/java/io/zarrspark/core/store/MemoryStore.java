package io.zarrspark.core.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/** A thread-safe in-memory store, for tests and for staging small hierarchies. */
public final class MemoryStore implements Store {
  private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>();

  @Override
  public Optional<ByteBuffer> get(String key) {
    byte[] v = entries.get(StoreKeys.validate(key));
    return v == null ? Optional.empty() : Optional.of(ByteBuffer.wrap(v.clone()));
  }

  @Override
  public Optional<ByteBuffer> getRange(String key, long offset, long length) {
    byte[] v = entries.get(StoreKeys.validate(key));
    if (v == null) {
      return Optional.empty();
    }
    RangeChecks.check(describe(), key, v.length, offset, length);
    byte[] out = new byte[(int) length];
    System.arraycopy(v, (int) offset, out, 0, (int) length);
    return Optional.of(ByteBuffer.wrap(out));
  }

  @Override
  public Optional<ByteBuffer> getSuffix(String key, long length) {
    byte[] v = entries.get(StoreKeys.validate(key));
    if (v == null) {
      return Optional.empty();
    }
    RangeChecks.check(describe(), key, v.length, v.length - length, length);
    return getRange(key, v.length - length, length);
  }

  @Override
  public Optional<Long> size(String key) {
    byte[] v = entries.get(StoreKeys.validate(key));
    return v == null ? Optional.empty() : Optional.of((long) v.length);
  }

  @Override
  public void put(String key, ByteBuffer value) {
    ByteBuffer dup = value.duplicate();
    byte[] copy = new byte[dup.remaining()];
    dup.get(copy);
    entries.put(StoreKeys.validate(key), copy);
  }

  @Override
  public void delete(String key) {
    entries.remove(StoreKeys.validate(key));
  }

  @Override
  public List<String> list(String prefix) {
    String p = StoreKeys.validatePath(prefix);
    if (p.isEmpty()) {
      return new ArrayList<>(entries.keySet());
    }
    String from = p + "/";
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : entries.tailMap(from).entrySet()) {
      if (!e.getKey().startsWith(from)) {
        break;
      }
      out.add(e.getKey());
    }
    return out;
  }

  @Override
  public List<String> listChildren(String prefix) {
    String p = StoreKeys.validatePath(prefix);
    int cut = p.isEmpty() ? 0 : p.length() + 1;
    TreeSet<String> names = new TreeSet<>();
    for (String key : list(p)) {
      String rest = key.substring(cut);
      int slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    return new ArrayList<>(names);
  }

  @Override
  public String describe() {
    return "memory";
  }
}
