package io.zarrspark.core.codec;

import io.zarrspark.core.InvalidMetadataException;

/**
 * What a factory needs besides the configuration: where the codec is declared (for errors) and
 * the registry, for codecs that nest chains (sharding).
 */
public final class CodecContext {
  private final String where;
  private final String codecName;
  private final CodecRegistry registry;

  public CodecContext(String where, String codecName, CodecRegistry registry) {
    this.where = where;
    this.codecName = codecName;
    this.registry = registry;
  }

  public String where() {
    return where;
  }

  public CodecRegistry registry() {
    return registry;
  }

  /** An error about this codec's configuration, naming the array and the codec. */
  public InvalidMetadataException invalid(String problem) {
    return new InvalidMetadataException(where + ": codec '" + codecName + "': " + problem);
  }
}
