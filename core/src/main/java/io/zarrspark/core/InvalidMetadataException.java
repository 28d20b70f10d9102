package io.zarrspark.core;

/** Metadata (JSON documents, data types, codec configurations) that the specs do not allow. */
public class InvalidMetadataException extends ZarrException {
  private static final long serialVersionUID = 1L;

  public InvalidMetadataException(String message) {
    super(message);
  }

  public InvalidMetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
