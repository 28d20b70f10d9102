package io.zarrspark.core;

/** A stored chunk (or shard) whose bytes cannot be decoded into the array's declared chunk. */
public class CorruptChunkException extends ZarrException {
  private static final long serialVersionUID = 1L;

  public CorruptChunkException(String message) {
    super(message);
  }

  public CorruptChunkException(String message, Throwable cause) {
    super(message, cause);
  }
}
