package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.util.Json;

/** A group's metadata: its format and attributes. */
public final class GroupMetadata {
  private final ZarrFormat format;
  private final ObjectNode attributes;

  public GroupMetadata(ZarrFormat format, ObjectNode attributes) {
    this.format = format;
    this.attributes = attributes == null ? Json.newObject() : attributes.deepCopy();
  }

  public ZarrFormat format() {
    return format;
  }

  public ObjectNode attributes() {
    return attributes.deepCopy();
  }

  public GroupMetadata withAttributes(ObjectNode newAttributes) {
    return new GroupMetadata(format, newAttributes);
  }
}
