package io.zarrspark.core;

/**
 * Base of every error zarr-spark raises about Zarr data. Unchecked, because engines such as Spark
 * call us through interfaces that declare no checked exceptions; messages always name the store
 * key or array path involved so a user can find the offending object.
 */
public class ZarrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ZarrException(String message) {
    super(message);
  }

  public ZarrException(String message, Throwable cause) {
    super(message, cause);
  }
}
