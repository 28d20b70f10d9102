package io.zarrspark.core.store;

/** Bounds checks shared by store implementations, so every store words range errors alike. */
final class RangeChecks {
  private RangeChecks() {}

  static void check(String store, String key, long size, long offset, long length) {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw new StoreException("byte range [" + offset + ", " + (offset + length) + ") is outside key '"
          + key + "' of " + size + " bytes in " + store);
    }
    if (length > Integer.MAX_VALUE - 16) {
      throw new StoreException("byte range of " + length + " bytes of key '" + key + "' in " + store
          + " is larger than one buffer can hold (2 GiB)");
    }
  }
}
