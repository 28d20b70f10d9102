package io.zarrspark.core.store;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A key-value store as the Zarr specs define it. Keys are validated relative paths (see
 * {@link StoreKeys}). Values come back as heap buffers positioned at 0; a missing key is an empty
 * Optional, never an exception, because missing chunks are normal in Zarr.
 *
 * <p>Implementations must be safe for concurrent use by several threads.
 */
public interface Store extends Closeable {

  /** The whole value of {@code key}, or empty if it does not exist. */
  Optional<ByteBuffer> get(String key);

  /**
   * {@code length} bytes of {@code key} starting at {@code offset}, or empty if the key does not
   * exist. Asking for bytes past the end of the value is an error naming the key.
   */
  Optional<ByteBuffer> getRange(String key, long offset, long length);

  /** The last {@code length} bytes of {@code key}, or empty if it does not exist. */
  Optional<ByteBuffer> getSuffix(String key, long length);

  /** Several ranges of one key; stores that can batch them (vectored reads) override this. */
  default Optional<List<ByteBuffer>> getRanges(String key, List<ByteRange> ranges) {
    List<ByteBuffer> out = new java.util.ArrayList<>(ranges.size());
    for (ByteRange r : ranges) {
      Optional<ByteBuffer> b = getRange(key, r.offset(), r.length());
      if (b.isEmpty()) {
        return Optional.empty();
      }
      out.add(b.get());
    }
    return Optional.of(out);
  }

  /** The size in bytes of {@code key}'s value, or empty if it does not exist. */
  Optional<Long> size(String key);

  /** Replaces the value of {@code key}; readers see the old or the new value, never a mix. */
  void put(String key, ByteBuffer value);

  /** Removes {@code key}; removing a missing key is not an error. */
  void delete(String key);

  default boolean exists(String key) {
    return size(key).isPresent();
  }

  /** Every key below {@code prefix} (a node path, "" for everything), recursively, sorted. */
  List<String> list(String prefix);

  /** The names of the immediate children (keys and "directories") of a node path, sorted. */
  List<String> listChildren(String prefix);

  /** Removes every key below a node path. */
  default void deletePrefix(String prefix) {
    for (String key : list(prefix)) {
      delete(key);
    }
  }

  /** Where this store lives, for error messages (a URI or "memory"). */
  String describe();

  @Override
  default void close() {}
}
