package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.dtype.FillValueJson;
import io.zarrspark.core.grid.ChunkGrid;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.util.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes v3 {@code zarr.json} documents. */
public final class V3Metadata {
  private V3Metadata() {}

  public static final String KEY = "zarr.json";

  private static final Set<String> ARRAY_FIELDS = Set.of("zarr_format", "node_type", "shape", "data_type",
      "chunk_grid", "chunk_key_encoding", "fill_value", "codecs", "attributes", "storage_transformers",
      "dimension_names");
  private static final Set<String> GROUP_FIELDS = Set.of("zarr_format", "node_type", "attributes",
      "consolidated_metadata");

  /** The node type of a zarr.json document: "array" or "group". */
  public static String nodeType(JsonNode doc, String where) {
    Json.object(doc, where);
    int f = JsonFields.formatNumber(doc, where);
    if (f != 3) {
      throw new InvalidMetadataException(where + ": zarr_format must be 3 in zarr.json, got " + f);
    }
    JsonNode t = JsonFields.required(doc, "node_type", where);
    if (!t.isTextual() || !(t.textValue().equals("array") || t.textValue().equals("group"))) {
      throw new InvalidMetadataException(where + ": node_type must be \"array\" or \"group\", got " + t);
    }
    return t.textValue();
  }

  public static ArrayMetadata parseArray(JsonNode doc, String where, CodecRegistry registry) {
    if (!"array".equals(nodeType(doc, where))) {
      throw new InvalidMetadataException(where + ": is a group, not an array");
    }
    checkExtensions(doc, ARRAY_FIELDS, where);
    long[] shape = JsonFields.longList(doc, "shape", where);
    DataType type = DataTypes.parseV3(JsonFields.required(doc, "data_type", where), where);
    ChunkGrid grid = new ChunkGrid(shape, chunkShape(JsonFields.required(doc, "chunk_grid", where), where), where);
    ChunkKeyEncoding keys = doc.has("chunk_key_encoding")
        ? ChunkKeyEncoding.fromV3(doc.get("chunk_key_encoding"), where) : ChunkKeyEncoding.v3Default('/');
    JsonNode fillNode = JsonFields.required(doc, "fill_value", where);
    FillValue fill = FillValueJson.parseV3(fillNode, type, where);
    CodecChain chain = CodecChain.fromV3(JsonFields.required(doc, "codecs", where), registry, where);
    JsonNode st = doc.get("storage_transformers");
    if (st != null && !st.isNull() && !(st.isArray() && st.isEmpty())) {
      throw new InvalidMetadataException(where + ": storage_transformers " + st + " are not supported");
    }
    List<String> dims = JsonFields.nameList(doc.get("dimension_names"), shape.length, "dimension_names", where);
    ObjectNode attrs = attributes(doc, where);
    ArrayMetadata m = new ArrayMetadata(ZarrFormat.V3, grid, type, fill, false, chain, keys, attrs, dims, null);
    ArrayMetadataBuilder.checkChunkFits(m, where);
    return m;
  }

  private static int[] chunkShape(JsonNode grid, String where) {
    if (!grid.isObject() || !"regular".equals(grid.path("name").asText())) {
      throw new InvalidMetadataException(where + ": chunk_grid " + grid + " is not supported (only \"regular\")");
    }
    return JsonFields.chunkList(grid.path("configuration"), "chunk_shape", where + " chunk_grid");
  }

  static ObjectNode attributes(JsonNode doc, String where) {
    JsonNode a = doc.get("attributes");
    if (a == null || a.isNull()) {
      return Json.newObject();
    }
    return Json.object(a, where + ": attributes").deepCopy();
  }

  /** Unknown top-level fields are an error unless they declare {@code must_understand: false}. */
  private static void checkExtensions(JsonNode doc, Set<String> known, String where) {
    Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (known.contains(e.getKey())) {
        continue;
      }
      JsonNode v = e.getValue();
      boolean optional = v.isObject() && v.path("must_understand").isBoolean() && !v.get("must_understand").booleanValue();
      if (!optional) {
        throw new InvalidMetadataException(where + ": unknown metadata field '" + e.getKey()
            + "' (an extension this reader does not implement must declare must_understand: false)");
      }
    }
  }

  public static GroupMetadata parseGroup(JsonNode doc, String where) {
    if (!"group".equals(nodeType(doc, where))) {
      throw new InvalidMetadataException(where + ": is an array, not a group");
    }
    checkExtensions(doc, GROUP_FIELDS, where);
    return new GroupMetadata(ZarrFormat.V3, attributes(doc, where));
  }

  public static ObjectNode writeArray(ArrayMetadata m) {
    ObjectNode o = Json.newObject();
    o.put("zarr_format", 3);
    o.put("node_type", "array");
    ArrayNode shape = o.putArray("shape");
    for (long s : m.shape()) {
      shape.add(s);
    }
    o.set("data_type", DataTypes.toV3(m.dataType()));
    ObjectNode grid = o.putObject("chunk_grid");
    grid.put("name", "regular");
    ArrayNode cs = grid.putObject("configuration").putArray("chunk_shape");
    for (int c : m.chunkShape()) {
      cs.add(c);
    }
    o.set("chunk_key_encoding", m.keyEncoding().toV3Json());
    o.set("fill_value", FillValueJson.toV3(m.fillValue(), m.dataType()));
    o.set("codecs", m.codecs().toV3JsonList());
    o.set("attributes", m.attributes());
    m.dimensionNames().ifPresent(names -> {
      ArrayNode d = o.putArray("dimension_names");
      names.forEach(d::add);
    });
    return o;
  }

  public static ObjectNode writeGroup(GroupMetadata g) {
    ObjectNode o = Json.newObject();
    o.put("zarr_format", 3);
    o.put("node_type", "group");
    o.set("attributes", g.attributes());
    return o;
  }
}
