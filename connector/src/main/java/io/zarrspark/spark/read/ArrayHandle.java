package io.zarrspark.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.V3Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.util.Json;
import java.io.Serializable;

/**
 * An array as shipped to executors: its path and its metadata documents, so executors decode
 * chunks without reading metadata again.
 */
public final class ArrayHandle implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String path;
  private final int format;
  private final byte[] document;
  private final byte[] attributes;
  private transient ArrayMetadata metadata;

  ArrayHandle(String column, ZarrArray array) {
    this.column = column;
    this.path = array.path();
    ArrayMetadata m = array.metadata();
    this.format = m.format().number();
    this.document = Json.write(m.format() == ZarrFormat.V3 ? V3Metadata.writeArray(m) : V2Metadata.writeArray(m));
    this.attributes = m.format() == ZarrFormat.V2 ? Json.write(m.attributes()) : null;
    this.metadata = m;
  }

  public String column() {
    return column;
  }

  public String path() {
    return path;
  }

  public ArrayMetadata metadata() {
    if (metadata == null) {
      String where = "array '" + path + "'";
      JsonNode doc = Json.parse(java.nio.ByteBuffer.wrap(document), where);
      metadata = format == 3 ? V3Metadata.parseArray(doc, where, CodecRegistry.defaults())
          : V2Metadata.parseArray(doc, Json.parse(java.nio.ByteBuffer.wrap(attributes), where), where,
              CodecRegistry.defaults());
    }
    return metadata;
  }

  public ZarrArray open(Store store) {
    return ZarrArray.of(store, path, metadata());
  }
}
