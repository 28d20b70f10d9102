package io.zarrspark.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.V3Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.util.Json;
import io.zarrspark.spark.read.cf.CfEncoding;
import io.zarrspark.spark.read.cf.CfValueVector;
import io.zarrspark.spark.read.vector.ChunkValueVector;
import io.zarrspark.spark.read.vector.RowLayout;
import io.zarrspark.spark.schema.SparkTypes;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * An array as shipped to executors: its column name, path, metadata documents (so executors
 * decode chunks without reading metadata again) and its CF decoding.
 */
public final class ArrayHandle implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String path;
  private final int format;
  private final byte[] document;
  private final byte[] attributes;
  private final CfEncoding cf;
  private transient ArrayMetadata metadata;

  ArrayHandle(String column, ZarrArray array, boolean decodeCF) {
    this.column = column;
    this.path = array.path();
    ArrayMetadata m = array.metadata();
    this.format = m.format().number();
    this.document = Json.write(m.format() == ZarrFormat.V3 ? V3Metadata.writeArray(m) : V2Metadata.writeArray(m));
    this.attributes = m.format() == ZarrFormat.V2 ? Json.write(m.attributes()) : null;
    this.cf = CfEncoding.of(m, decodeCF).orElse(null);
    this.metadata = m;
  }

  public String column() {
    return column;
  }

  public String path() {
    return path;
  }

  public Optional<CfEncoding> cf() {
    return Optional.ofNullable(cf);
  }

  public ArrayMetadata metadata() {
    if (metadata == null) {
      String where = "array '" + path + "'";
      JsonNode doc = Json.parse(ByteBuffer.wrap(document), where);
      metadata = format == 3 ? V3Metadata.parseArray(doc, where, CodecRegistry.defaults())
          : V2Metadata.parseArray(doc, Json.parse(ByteBuffer.wrap(attributes), where), where, CodecRegistry.defaults());
    }
    return metadata;
  }

  public ZarrArray open(Store store) {
    return ZarrArray.of(store, path, metadata());
  }

  /** The type stored values have in Spark, before CF decoding. */
  DataType storedSparkType() {
    return SparkTypes.of(metadata().dataType());
  }

  /** The column's Spark type after CF decoding. */
  public DataType sparkType() {
    return cf == null ? storedSparkType() : cf.sparkType(storedSparkType());
  }

  public boolean nullable() {
    return cf != null && (cf.masks() || cf.result() == CfEncoding.Result.TIMESTAMP)
        || SparkTypes.microsPerUnit(metadata().dataType()) > 0 && cf == null;
  }

  /** The column's field, with the Zarr type, path and attributes in its metadata. */
  public StructField field(String name) {
    io.zarrspark.core.dtype.DataType t = metadata().dataType();
    MetadataBuilder b = new MetadataBuilder().withMetadata(SparkTypes.metadata(t, path))
        .putString("zarr.attributes", metadata().attributes().toString());
    return new StructField(name, sparkType(), nullable(), b.build());
  }

  /** The column over decoded data whose origin is the chunk origin. */
  public ColumnVector vector(NdArray data, RowLayout rows, int[] extent) {
    DataType stored = cf == null ? sparkType() : storedSparkType();
    ColumnVector raw = new ChunkValueVector(stored, metadata().dataType(), data, rows, extent);
    return cf == null ? raw : new CfValueVector(sparkType(), cf, raw, rows.rows());
  }
}
