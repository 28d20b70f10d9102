package io.zarrspark.core.store;

import io.zarrspark.core.ZarrException;

/** A store key that is malformed or would resolve outside the store root. */
public class InvalidKeyException extends ZarrException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyException(String message) {
    super(message);
  }
}
