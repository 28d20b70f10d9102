package io.zarrspark.core.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** A store that forwards everything to another; subclasses add caching, counting or metrics. */
public class StoreDelegate implements Store {
  private final Store inner;

  public StoreDelegate(Store inner) {
    this.inner = inner;
  }

  protected Store inner() {
    return inner;
  }

  @Override
  public Optional<ByteBuffer> get(String key) {
    return inner.get(key);
  }

  @Override
  public Optional<ByteBuffer> getRange(String key, long offset, long length) {
    return inner.getRange(key, offset, length);
  }

  @Override
  public Optional<ByteBuffer> getSuffix(String key, long length) {
    return inner.getSuffix(key, length);
  }

  @Override
  public Optional<List<ByteBuffer>> getRanges(String key, List<ByteRange> ranges) {
    return inner.getRanges(key, ranges);
  }

  @Override
  public Optional<Long> size(String key) {
    return inner.size(key);
  }

  @Override
  public void put(String key, ByteBuffer value) {
    inner.put(key, value);
  }

  @Override
  public void delete(String key) {
    inner.delete(key);
  }

  @Override
  public boolean exists(String key) {
    return inner.exists(key);
  }

  @Override
  public List<String> list(String prefix) {
    return inner.list(prefix);
  }

  @Override
  public List<String> listChildren(String prefix) {
    return inner.listChildren(prefix);
  }

  @Override
  public void deletePrefix(String prefix) {
    inner.deletePrefix(prefix);
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public void close() {
    inner.close();
  }
}
