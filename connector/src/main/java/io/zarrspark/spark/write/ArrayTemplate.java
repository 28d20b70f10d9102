package io.zarrspark.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.V3Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.util.Json;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * How to make an array's metadata once its shape (and, for strings, its length) is known: from
 * the write's options for a new array, or from the stored document for an array being appended
 * to. Serialisable so executors encode chunks with exactly the metadata the commit will publish.
 */
final class ArrayTemplate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final ZarrFormat format;
  // A new array: what ArrayMetadataBuilder needs.
  private final int[] chunks;
  private final int[] shards;
  private final String compression;
  private final Integer level;
  private final List<String> dimensionNames;
  private final String attributes;
  private final boolean nullFill;
  // An existing array: its documents as stored.
  private final byte[] document;
  private final byte[] v2Attributes;

  private ArrayTemplate(String path, ZarrFormat format, int[] chunks, int[] shards, String compression, Integer level,
      List<String> dimensionNames, String attributes, boolean nullFill, byte[] document, byte[] v2Attributes) {
    this.path = path;
    this.format = format;
    this.chunks = chunks;
    this.shards = shards;
    this.compression = compression;
    this.level = level;
    this.dimensionNames = dimensionNames;
    this.attributes = attributes;
    this.nullFill = nullFill;
    this.document = document;
    this.v2Attributes = v2Attributes;
  }

  /**
   * @param nullFill v2 only: write {@code fill_value: null}. xarray takes a v2 fill_value as
   *     {@code _FillValue} and masks every element equal to it, so an integer array with fill 0 would
   *     lose its zeros; xarray itself writes null for integers, and so do we unless a fill is given.
   */
  static ArrayTemplate create(String path, ZarrFormat format, int[] chunks, int[] shards, String compression,
      Integer level, List<String> dimensionNames, ObjectNode attributes, boolean nullFill) {
    return new ArrayTemplate(path, format, chunks.clone(), shards == null ? null : shards.clone(), compression, level,
        new ArrayList<>(dimensionNames), new String(Json.write(attributes), java.nio.charset.StandardCharsets.UTF_8),
        nullFill, null, null);
  }

  static ArrayTemplate existing(String path, ArrayMetadata m) {
    boolean v3 = m.format() == ZarrFormat.V3;
    return new ArrayTemplate(path, m.format(), null, null, null, null, null, null, false,
        Json.write(v3 ? V3Metadata.writeArray(m) : V2Metadata.writeArray(m)), v3 ? null : Json.write(m.attributes()));
  }

  String path() {
    return path;
  }

  boolean isExisting() {
    return document != null;
  }

  /** The array's metadata with {@code type} (new arrays only: for strings, the final length) and {@code shape}. */
  ArrayMetadata metadata(DataType type, FillValue fill, long[] shape) {
    String where = "array '" + path + "'";
    if (document != null) {
      JsonNode doc = Json.parse(ByteBuffer.wrap(document), where);
      ArrayMetadata m = format == ZarrFormat.V3 ? V3Metadata.parseArray(doc, where, CodecRegistry.defaults())
          : V2Metadata.parseArray(doc, Json.parse(ByteBuffer.wrap(v2Attributes), where), where,
              CodecRegistry.defaults());
      return m.withShape(shape, where);
    }
    BytesToBytesCodec compressor = Compression.codec(format, compression, level, type);
    ObjectNode attrs = (ObjectNode) Json.parse(attributes, where);
    ArrayMetadataBuilder b;
    if (format == ZarrFormat.V2) {
      b = ArrayMetadataBuilder.v2(shape, chunks, type).compressor(compressor);
    } else {
      List<Codec> inner = new ArrayList<>();
      inner.add(new BytesCodec(ByteOrder.LITTLE_ENDIAN));
      if (compressor != null) {
        inner.add(compressor);
      }
      b = ArrayMetadataBuilder.v3(shape, shards != null ? shards : chunks, type)
          .codecs(shards != null ? List.of(sharding(chunks, inner)) : inner);
    }
    b = nullFill ? b.noFillValue() : b.fillValue(fill);
    return b.dimensionNames(dimensionNames).attributes(attrs).build();
  }

  /** A {@code sharding_indexed} codec from its spec configuration, through core's registry. */
  static Codec sharding(int[] innerChunks, List<Codec> innerCodecs) {
    CodecRegistry r = CodecRegistry.defaults();
    if (!r.knowsV3("sharding_indexed")) {
      throw WriteOptions.bad("option shards needs the sharding_indexed codec, which zarr-spark core does not"
          + " provide yet");
    }
    ObjectNode entry = Json.newObject();
    entry.put("name", "sharding_indexed");
    ObjectNode conf = entry.putObject("configuration");
    ArrayNode cs = conf.putArray("chunk_shape");
    for (int c : innerChunks) {
      cs.add(c);
    }
    ArrayNode codecs = conf.putArray("codecs");
    innerCodecs.forEach(c -> codecs.add(c.toV3Json()));
    ArrayNode index = conf.putArray("index_codecs");
    index.add(new BytesCodec(ByteOrder.LITTLE_ENDIAN).toV3Json());
    index.addObject().put("name", "crc32c");
    conf.put("index_location", "end");
    return r.fromV3(entry, "zarr write: sharding_indexed");
  }
}
