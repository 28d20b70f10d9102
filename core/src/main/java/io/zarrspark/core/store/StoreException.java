package io.zarrspark.core.store;

import io.zarrspark.core.ZarrException;

/** An I/O failure of the underlying storage, with the store and key it happened on. */
public class StoreException extends ZarrException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
