package io.zarrspark.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.dtype.FillValueJson;
import io.zarrspark.core.util.Json;

/**
 * The {@code fillValue} option as a core fill value. The text is given the JSON form the v3 spec
 * uses (numbers, true/false, "NaN", "Infinity", "0x..." bit patterns, [re, im] for complex) and
 * parsed by core, so the write accepts exactly what metadata can hold.
 */
final class FillValues {
  private FillValues() {}

  static FillValue parse(String column, DataType type, boolean variableWidth, String text) {
    if (text == null) {
      return defaultFill(type);
    }
    if (variableWidth) {
      if (!text.isEmpty()) {
        throw WriteOptions.bad("column '" + column + "': strings and binary take only the empty fill value, got '"
            + text + "'");
      }
      return FillValue.zero(type);
    }
    String t = text.trim();
    JsonNode node;
    if (type.kind() == DataType.Kind.COMPLEX) {
      String[] parts = t.replace("(", "").replace(")", "").split(",");
      if (parts.length != 2) {
        throw WriteOptions.bad("column '" + column + "': a complex fill value is 're,im', got '" + text + "'");
      }
      ArrayNode a = Json.NODES.arrayNode();
      a.add(scalar(parts[0].trim()));
      a.add(scalar(parts[1].trim()));
      node = a;
    } else {
      node = scalar(t);
    }
    try {
      return FillValueJson.parseV3(node, type, "column '" + column + "'");
    } catch (RuntimeException e) {
      throw WriteOptions.bad("fillValue '" + text + "' does not fit column '" + column + "' (" + type + "): "
          + e.getMessage());
    }
  }

  private static JsonNode scalar(String t) {
    if (t.equals("true") || t.equals("false")) {
      return Json.NODES.booleanNode(Boolean.parseBoolean(t));
    }
    if (t.matches("-?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?")) {
      return Json.parse(t, "fillValue");
    }
    return Json.NODES.textNode(t);
  }

  /** 0, false, and NaN for real floats (what xarray and zarr-python expect for missing data). */
  static FillValue defaultFill(DataType type) {
    if (type.kind() == DataType.Kind.FLOAT) {
      return FillValueJson.parseV3(Json.NODES.textNode("NaN"), type, "default fill");
    }
    return FillValue.zero(type);
  }
}
