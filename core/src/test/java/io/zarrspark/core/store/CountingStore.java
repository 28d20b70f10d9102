package io.zarrspark.core.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store that records every read request (one line each: method, key and ranges), so tests can
 * assert exactly which bytes a read fetched and in how many requests.
 */
public class CountingStore extends StoreDelegate {
  private final List<String> calls = new ArrayList<>();

  public CountingStore(Store inner) {
    super(inner);
  }

  private synchronized void record(String call) {
    calls.add(call);
  }

  /** The requests since the last {@link #reset}, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized void reset() {
    calls.clear();
  }

  @Override
  public Optional<ByteBuffer> get(String key) {
    record("get " + key);
    return super.get(key);
  }

  @Override
  public Optional<ByteBuffer> getRange(String key, long offset, long length) {
    record("getRange " + key + " " + offset + "+" + length);
    return super.getRange(key, offset, length);
  }

  @Override
  public Optional<ByteBuffer> getSuffix(String key, long length) {
    record("getSuffix " + key + " " + length);
    return super.getSuffix(key, length);
  }

  @Override
  public Optional<List<ByteBuffer>> getRanges(String key, List<ByteRange> ranges) {
    StringBuilder b = new StringBuilder("getRanges " + key);
    for (ByteRange r : ranges) {
      b.append(' ').append(r.offset()).append('+').append(r.length());
    }
    record(b.toString());
    // Straight to the inner store's getRanges: counted once, however the inner store batches.
    return inner().getRanges(key, ranges);
  }

  @Override
  public Optional<Long> size(String key) {
    record("size " + key);
    return super.size(key);
  }

  @Override
  public boolean exists(String key) {
    record("exists " + key);
    return super.exists(key);
  }
}
