package io.zarrspark.core.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of one stored value, read piece by piece. Partial decoders (a shard's index, then
 * only the inner chunks a read needs) take one of these instead of the whole value, so a store
 * is asked for exactly the ranges that matter. Every method may be one store request; a missing
 * value is an empty Optional, as in {@link Store}.
 */
public interface ByteSource {

  /** {@code length} bytes at {@code offset}, or empty if the value does not exist. */
  Optional<ByteBuffer> range(long offset, long length);

  /** The last {@code length} bytes, or empty if the value does not exist. */
  Optional<ByteBuffer> suffix(long length);

  /** Several ranges in one request where the store can batch them; results in request order. */
  Optional<List<ByteBuffer>> ranges(List<ByteRange> ranges);

  /** The size when it is known without a request (a slice, a buffer), else -1. */
  long knownSize();

  /** The size, asking the store if need be; empty if the value does not exist. */
  Optional<Long> size();

  /** Where the bytes come from, for error messages. */
  String describe();

  /**
   * The bytes {@code [offset, offset + length)} as a source of their own: an inner shard of a
   * nested sharding layout is read through its outer shard without fetching it whole.
   */
  default ByteSource slice(long offset, long length) {
    return new ByteSources.Slice(this, new ByteRange(offset, length));
  }

  /** The value of {@code key} in {@code store}. */
  static ByteSource of(Store store, String key) {
    return new ByteSources.OfStore(store, key);
  }

  /** Bytes already in memory (a shard read whole, say); nothing is copied. */
  static ByteSource of(ByteBuffer bytes, String description) {
    return new ByteSources.OfBuffer(bytes, description);
  }
}
