package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.grid.ChunkGrid;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds metadata for a new array. v3 arrays take a codec list; v2 arrays take an order, a byte
 * order, filters and a compressor, which become the equivalent chain.
 */
public final class ArrayMetadataBuilder {
  private final ZarrFormat format;
  private final long[] shape;
  private final int[] chunks;
  private final DataType type;
  private FillValue fill;
  private boolean fillNull;
  private List<Codec> codecs;
  private ChunkKeyEncoding keyEncoding;
  private ObjectNode attributes = Json.newObject();
  private List<String> dimensionNames;
  private char order = 'C';
  private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
  private BytesToBytesCodec compressor;
  private List<BytesToBytesCodec> filters = List.of();

  private ArrayMetadataBuilder(ZarrFormat format, long[] shape, int[] chunks, DataType type) {
    this.format = format;
    this.shape = shape.clone();
    this.chunks = chunks.clone();
    this.type = type;
    this.fill = FillValue.zero(type);
    this.keyEncoding = format == ZarrFormat.V3 ? ChunkKeyEncoding.v3Default('/') : ChunkKeyEncoding.v2('.');
  }

  public static ArrayMetadataBuilder v3(long[] shape, int[] chunks, DataType type) {
    return new ArrayMetadataBuilder(ZarrFormat.V3, shape, chunks, type);
  }

  public static ArrayMetadataBuilder v2(long[] shape, int[] chunks, DataType type) {
    return new ArrayMetadataBuilder(ZarrFormat.V2, shape, chunks, type);
  }

  public ArrayMetadataBuilder fillValue(FillValue f) {
    if (!f.type().equals(type)) {
      throw new IllegalArgumentException("fill value of type " + f.type() + " for an array of " + type);
    }
    this.fill = f;
    this.fillNull = false;
    return this;
  }

  /** v2 only: a null fill_value (readers treat unwritten elements as undefined). */
  public ArrayMetadataBuilder noFillValue() {
    requireV2("a null fill value");
    this.fill = FillValue.zero(type);
    this.fillNull = true;
    return this;
  }

  /** v3 only: the codec list (array-to-array, one array-to-bytes, bytes-to-bytes). */
  public ArrayMetadataBuilder codecs(List<? extends Codec> list) {
    if (format != ZarrFormat.V3) {
      throw new IllegalArgumentException("v2 arrays take order/byteOrder/filters/compressor, not a codec list");
    }
    this.codecs = new ArrayList<>(list);
    return this;
  }

  public ArrayMetadataBuilder chunkKeyEncoding(ChunkKeyEncoding e) {
    if ((format == ZarrFormat.V2) && !e.isV2Style()) {
      throw new IllegalArgumentException("v2 arrays use v2-style chunk keys");
    }
    this.keyEncoding = e;
    return this;
  }

  public ArrayMetadataBuilder attributes(ObjectNode a) {
    this.attributes = a.deepCopy();
    return this;
  }

  /** Dimension names: v3 {@code dimension_names}, v2 the {@code _ARRAY_DIMENSIONS} attribute. */
  public ArrayMetadataBuilder dimensionNames(List<String> names) {
    if (names != null && names.size() != shape.length) {
      throw new IllegalArgumentException(names.size() + " dimension names for " + shape.length + " dimensions");
    }
    this.dimensionNames = names == null ? null : new ArrayList<>(names);
    return this;
  }

  public ArrayMetadataBuilder order(char o) {
    requireV2("order");
    if (o != 'C' && o != 'F') {
      throw new IllegalArgumentException("order must be 'C' or 'F'");
    }
    this.order = o;
    return this;
  }

  public ArrayMetadataBuilder byteOrder(ByteOrder bo) {
    requireV2("byteOrder");
    this.byteOrder = bo;
    return this;
  }

  public ArrayMetadataBuilder compressor(BytesToBytesCodec c) {
    requireV2("compressor");
    if (c != null && c.toV2Json().isEmpty()) {
      throw new IllegalArgumentException("codec '" + c.name() + "' has no v2 (numcodecs) form");
    }
    this.compressor = c;
    return this;
  }

  public ArrayMetadataBuilder filters(List<BytesToBytesCodec> f) {
    requireV2("filters");
    for (BytesToBytesCodec c : f) {
      if (c.toV2Json().isEmpty()) {
        throw new IllegalArgumentException("codec '" + c.name() + "' has no v2 (numcodecs) form");
      }
    }
    this.filters = List.copyOf(f);
    return this;
  }

  private void requireV2(String what) {
    if (format != ZarrFormat.V2) {
      throw new IllegalArgumentException(what + " is a v2 setting; v3 arrays express it with codecs");
    }
  }

  public ArrayMetadata build() {
    String where = "new array";
    ChunkGrid grid = new ChunkGrid(shape, chunks, where);
    ArrayMetadata m;
    if (format == ZarrFormat.V3) {
      List<Codec> list = codecs != null ? codecs : List.of(new BytesCodec(ByteOrder.LITTLE_ENDIAN));
      CodecChain chain = CodecChain.of(list, where);
      m = new ArrayMetadata(ZarrFormat.V3, grid, type, fill, false, chain, keyEncoding, attributes, dimensionNames, null);
    } else {
      ObjectNode attrs = attributes.deepCopy();
      if (dimensionNames != null) {
        ArrayNode d = attrs.putArray(V2Metadata.XARRAY_DIMENSIONS);
        dimensionNames.forEach(d::add);
      }
      ArrayNode filterJson = null;
      if (!filters.isEmpty()) {
        filterJson = Json.NODES.arrayNode();
        for (BytesToBytesCodec c : filters) {
          filterJson.add(c.toV2Json().get());
        }
      }
      V2Layout layout = new V2Layout(order, byteOrder, compressor == null ? null : compressor.toV2Json().get(), filterJson);
      CodecChain chain = V2Metadata.chain(layout, type, shape.length, CodecRegistry.defaults(), where);
      m = new ArrayMetadata(ZarrFormat.V2, grid, type, fill, fillNull, chain, keyEncoding, attrs,
          dimensionNames, layout);
    }
    checkChunkFits(m, where);
    return m;
  }

  /** A chunk must fit in one buffer once decoded, or no reader could ever decode it. */
  static void checkChunkFits(ArrayMetadata m, String where) {
    long n = 1;
    for (int c : m.chunkShape()) {
      n *= c;
      if (n > NdArray.MAX_BYTES) {
        break;
      }
    }
    if (n > NdArray.MAX_BYTES / m.dataType().byteSize()) {
      throw new InvalidMetadataException(where + ": chunk shape " + Arrays.toString(m.chunkShape()) + " of "
          + m.dataType() + " decodes to more than " + NdArray.MAX_BYTES + " bytes; chunks must fit in 2 GiB");
    }
  }
}
