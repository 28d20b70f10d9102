package io.zarrspark.core.store;

/** A byte range of a stored value. */
public record ByteRange(long offset, long length) {
  public ByteRange {
    if (offset < 0 || length < 0 || offset + length < 0) {
      throw new IllegalArgumentException("invalid byte range offset=" + offset + " length=" + length);
    }
  }

  public long end() {
    return offset + length;
  }
}
