package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.ArrayToArrayCodec;
import io.zarrspark.core.codec.ArrayToBytesCodec;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.TransposeCodec;
import io.zarrspark.core.codec.builtin.VlenUtf8Codec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.dtype.FillValueJson;
import io.zarrspark.core.dtype.StoredType;
import io.zarrspark.core.grid.ChunkGrid;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes v2 {@code .zarray}, {@code .zgroup} and {@code .zattrs} documents. */
public final class V2Metadata {
  private V2Metadata() {}

  public static final String ARRAY_KEY = ".zarray";
  public static final String GROUP_KEY = ".zgroup";
  public static final String ATTRS_KEY = ".zattrs";
  public static final String CONSOLIDATED_KEY = ".zmetadata";
  /** The attribute in which xarray keeps dimension names of v2 arrays. */
  public static final String XARRAY_DIMENSIONS = "_ARRAY_DIMENSIONS";

  /** Parses {@code .zarray}, with the optional {@code .zattrs} (null when absent). */
  public static ArrayMetadata parseArray(JsonNode zarray, JsonNode zattrs, String where, CodecRegistry registry) {
    Json.object(zarray, where);
    int f = JsonFields.formatNumber(zarray, where);
    if (f != 2) {
      throw new InvalidMetadataException(where + ": zarr_format must be 2 in .zarray, got " + f);
    }
    long[] shape = JsonFields.longList(zarray, "shape", where);
    int[] chunks = JsonFields.chunkList(zarray, "chunks", where);
    ChunkGrid grid = new ChunkGrid(shape, chunks, where);
    StoredType st = DataTypes.parseV2(JsonFields.required(zarray, "dtype", where), where);
    JsonNode fillNode = zarray.get("fill_value");
    FillValue fill = FillValueJson.parseV2(fillNode, st.type(), where);
    JsonNode orderNode = JsonFields.required(zarray, "order", where);
    if (!orderNode.isTextual() || !(orderNode.textValue().equals("C") || orderNode.textValue().equals("F"))) {
      throw new InvalidMetadataException(where + ": order must be \"C\" or \"F\", got " + orderNode);
    }
    char order = orderNode.textValue().charAt(0);
    JsonNode compressor = zarray.get("compressor");
    JsonNode filters = zarray.get("filters");
    if (filters != null && !filters.isNull() && !filters.isArray()) {
      throw new InvalidMetadataException(where + ": filters must be a list or null, got " + filters);
    }
    JsonNode sepNode = zarray.get("dimension_separator");
    char sep = '.';
    if (sepNode != null && !sepNode.isNull()) {
      if (!sepNode.isTextual() || !(sepNode.textValue().equals(".") || sepNode.textValue().equals("/"))) {
        throw new InvalidMetadataException(where + ": dimension_separator must be \".\" or \"/\", got " + sepNode);
      }
      sep = sepNode.textValue().charAt(0);
    }
    V2Layout layout = new V2Layout(order, st.order(), nullToNull(compressor), nullToNull(filters));
    CodecChain chain = chain(layout, st.type(), shape.length, registry, where);
    ObjectNode attrs = zattrs == null || zattrs.isNull() ? Json.newObject() : Json.object(zattrs, where + " .zattrs").deepCopy();
    List<String> dims = dimensionNamesFromAttributes(attrs, shape.length, where);
    ArrayMetadata m = new ArrayMetadata(ZarrFormat.V2, grid, st.type(), fill, fillNode == null || fillNode.isNull(),
        chain, ChunkKeyEncoding.v2(sep), attrs, dims, layout);
    ArrayMetadataBuilder.checkChunkFits(m, where);
    return m;
  }

  private static JsonNode nullToNull(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  /** xarray's {@code _ARRAY_DIMENSIONS}, when it is well formed; otherwise no names. */
  static List<String> dimensionNamesFromAttributes(ObjectNode attrs, int rank, String where) {
    JsonNode d = attrs.get(XARRAY_DIMENSIONS);
    if (d == null || !d.isArray() || d.size() != rank) {
      return null;
    }
    return JsonFields.nameList(d, rank, XARRAY_DIMENSIONS, where);
  }

  /** The codec chain equivalent to a v2 layout: [transpose] bytes [filters...] [compressor]. */
  static CodecChain chain(V2Layout layout, DataType type, int rank, CodecRegistry registry, String where) {
    List<ArrayToArrayCodec> arrayCodecs = new ArrayList<>();
    if (layout.order() == 'F' && rank > 1) {
      arrayCodecs.add(TransposeCodec.reversed(rank));
    }
    List<BytesToBytesCodec> bytesCodecs = new ArrayList<>();
    // numcodecs gives compressors the buffer's itemsize: the dtype's, or the last filter's output.
    int elementSize = type.byteSize();
    List<JsonNode> configs = new ArrayList<>();
    if (layout.filters() != null) {
      layout.filters().forEach(configs::add);
    }
    if (layout.compressor() != null) {
      configs.add(layout.compressor());
    }
    ArrayToBytesCodec serializer = new BytesCodec(layout.byteOrder());
    if (type.kind() == DataType.Kind.VLEN_UTF8) {
      // numcodecs puts an object array's object_codec first among the filters; it is what
      // serialises the array, so here it takes the place of 'bytes'. Its output is bytes.
      if (configs.isEmpty() || !VlenUtf8Codec.NAME.equals(configs.get(0).path("id").asText(null))) {
        throw new InvalidMetadataException(where + ": object (|O) arrays are supported only with the"
            + " 'vlen-utf8' filter, got filters " + layout.filters());
      }
      serializer = (ArrayToBytesCodec) registry.fromV2(configs.remove(0), where);
      elementSize = 1;
    }
    // Only the first filter is known to see the array's own type; later ones see a filter's output.
    StoredType elementType = type.kind() == DataType.Kind.VLEN_UTF8 ? null : new StoredType(type, layout.byteOrder());
    for (JsonNode config : configs) {
      BytesToBytesCodec c = asBytesCodec(registry.fromV2(config, where), where);
      if (elementType != null) {
        c = c.forElementType(elementType);
        elementType = null;
      }
      c = c.forElementSize(elementSize);
      elementSize = c.encodedElementSize(elementSize);
      bytesCodecs.add(c);
    }
    return new CodecChain(arrayCodecs, serializer, bytesCodecs);
  }

  private static BytesToBytesCodec asBytesCodec(Codec c, String where) {
    // numcodecs filters see the flat buffer in storage order, exactly what follows 'bytes' here.
    if (!(c instanceof BytesToBytesCodec)) {
      throw new InvalidMetadataException(where + ": codec '" + c.name() + "' cannot be a v2 compressor or filter");
    }
    return (BytesToBytesCodec) c;
  }

  public static GroupMetadata parseGroup(JsonNode zgroup, JsonNode zattrs, String where) {
    Json.object(zgroup, where);
    int f = JsonFields.formatNumber(zgroup, where);
    if (f != 2) {
      throw new InvalidMetadataException(where + ": zarr_format must be 2 in .zgroup, got " + f);
    }
    ObjectNode attrs = zattrs == null || zattrs.isNull() ? Json.newObject() : Json.object(zattrs, where + " .zattrs").deepCopy();
    return new GroupMetadata(ZarrFormat.V2, attrs);
  }

  /** The {@code .zarray} document, keys sorted as zarr-python writes them. */
  public static ObjectNode writeArray(ArrayMetadata m) {
    V2Layout l = m.v2Layout().orElseThrow(() -> new IllegalArgumentException("not a v2 array: " + m));
    ObjectNode o = Json.newObject();
    ArrayNode chunks = o.putArray("chunks");
    for (int c : m.chunkShape()) {
      chunks.add(c);
    }
    o.set("compressor", l.compressor() == null ? Json.NODES.nullNode() : l.compressor().deepCopy());
    o.put("dimension_separator", String.valueOf(m.keyEncoding().separator()));
    o.put("dtype", DataTypes.toV2(m.dataType(), l.byteOrder()));
    o.set("fill_value", m.fillValueNull() ? Json.NODES.nullNode() : FillValueJson.toV2(m.fillValue(), m.dataType()));
    o.set("filters", l.filters() == null ? Json.NODES.nullNode() : l.filters().deepCopy());
    o.put("order", String.valueOf(l.order()));
    ArrayNode shape = o.putArray("shape");
    for (long s : m.shape()) {
      shape.add(s);
    }
    o.put("zarr_format", 2);
    return o;
  }

  public static ObjectNode writeGroup() {
    ObjectNode o = Json.newObject();
    o.put("zarr_format", 2);
    return o;
  }
}
