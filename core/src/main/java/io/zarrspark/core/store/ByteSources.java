package io.zarrspark.core.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link ByteSource} implementations: a store key, an in-memory buffer, a slice of either. */
final class ByteSources {
  private ByteSources() {}

  /** One key of a store; each call is one store request. */
  static final class OfStore implements ByteSource {
    private final Store store;
    private final String key;

    OfStore(Store store, String key) {
      this.store = store;
      this.key = key;
    }

    @Override
    public Optional<ByteBuffer> range(long offset, long length) {
      return store.getRange(key, offset, length);
    }

    @Override
    public Optional<ByteBuffer> suffix(long length) {
      return store.getSuffix(key, length);
    }

    @Override
    public Optional<List<ByteBuffer>> ranges(List<ByteRange> ranges) {
      return store.getRanges(key, ranges);
    }

    @Override
    public long knownSize() {
      return -1;
    }

    @Override
    public Optional<Long> size() {
      return store.size(key);
    }

    @Override
    public String describe() {
      return "key '" + key + "' in " + store.describe();
    }
  }

  /** Bytes in memory; ranges are views of them, not copies. */
  static final class OfBuffer implements ByteSource {
    private final ByteBuffer bytes;
    private final String description;

    OfBuffer(ByteBuffer bytes, String description) {
      this.bytes = bytes.slice();
      this.description = description;
    }

    @Override
    public Optional<ByteBuffer> range(long offset, long length) {
      RangeChecks.check("memory", description, bytes.remaining(), offset, length);
      return Optional.of(bytes.duplicate().position((int) offset).limit((int) (offset + length)).slice());
    }

    @Override
    public Optional<ByteBuffer> suffix(long length) {
      return range(bytes.remaining() - length, length);
    }

    @Override
    public Optional<List<ByteBuffer>> ranges(List<ByteRange> ranges) {
      List<ByteBuffer> out = new ArrayList<>(ranges.size());
      for (ByteRange r : ranges) {
        out.add(range(r.offset(), r.length()).orElseThrow());
      }
      return Optional.of(out);
    }

    @Override
    public long knownSize() {
      return bytes.remaining();
    }

    @Override
    public Optional<Long> size() {
      return Optional.of((long) bytes.remaining());
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** A byte range of another source; requests are shifted and forwarded, so batching is kept. */
  static final class Slice implements ByteSource {
    private final ByteSource parent;
    private final ByteRange range;

    Slice(ByteSource parent, ByteRange range) {
      this.parent = parent;
      this.range = range;
    }

    private void check(long offset, long length) {
      RangeChecks.check(parent.describe(), "bytes [" + range.offset() + ", " + range.end() + ")",
          range.length(), offset, length);
    }

    @Override
    public Optional<ByteBuffer> range(long offset, long length) {
      check(offset, length);
      return parent.range(range.offset() + offset, length);
    }

    @Override
    public Optional<ByteBuffer> suffix(long length) {
      check(range.length() - length, length);
      return parent.range(range.end() - length, length);
    }

    @Override
    public Optional<List<ByteBuffer>> ranges(List<ByteRange> ranges) {
      List<ByteRange> shifted = new ArrayList<>(ranges.size());
      for (ByteRange r : ranges) {
        check(r.offset(), r.length());
        shifted.add(new ByteRange(range.offset() + r.offset(), r.length()));
      }
      return parent.ranges(shifted);
    }

    @Override
    public long knownSize() {
      return range.length();
    }

    @Override
    public Optional<Long> size() {
      return Optional.of(range.length());
    }

    @Override
    public String describe() {
      return "bytes [" + range.offset() + ", " + range.end() + ") of " + parent.describe();
    }
  }
}
