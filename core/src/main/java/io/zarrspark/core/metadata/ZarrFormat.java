package io.zarrspark.core.metadata;

/** The two Zarr format versions. */
public enum ZarrFormat {
  V2(2), V3(3);

  private final int number;

  ZarrFormat(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static ZarrFormat of(int n) {
    if (n == 2) {
      return V2;
    }
    if (n == 3) {
      return V3;
    }
    throw new IllegalArgumentException("zarr_format must be 2 or 3, got " + n);
  }
}
