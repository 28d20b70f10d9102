package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.InvalidMetadataException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to metadata fields with errors that name the document and the field. */
final class JsonFields {
  private JsonFields() {}

  static JsonNode required(JsonNode doc, String field, String where) {
    JsonNode n = doc.get(field);
    if (n == null) {
      throw new InvalidMetadataException(where + ": required field '" + field + "' is missing");
    }
    return n;
  }

  static int formatNumber(JsonNode doc, String where) {
    JsonNode n = required(doc, "zarr_format", where);
    if (!n.isIntegralNumber()) {
      throw new InvalidMetadataException(where + ": zarr_format must be 2 or 3, got " + n);
    }
    return n.intValue();
  }

  static long[] longList(JsonNode doc, String field, String where) {
    JsonNode n = required(doc, field, where);
    if (!n.isArray()) {
      throw new InvalidMetadataException(where + ": '" + field + "' must be a list of integers, got " + n);
    }
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = n.get(i);
      if (!e.isIntegralNumber() || !e.canConvertToLong()) {
        throw new InvalidMetadataException(where + ": '" + field + "' must hold integers that fit in 64 bits, got " + n);
      }
      out[i] = e.longValue();
      if (out[i] < 0) {
        throw new InvalidMetadataException(where + ": '" + field + "' must not be negative, got " + n);
      }
    }
    return out;
  }

  static int[] chunkList(JsonNode doc, String field, String where) {
    JsonNode n = required(doc, field, where);
    if (!n.isArray()) {
      throw new InvalidMetadataException(where + ": '" + field + "' must be a list of integers, got " + n);
    }
    int[] out = new int[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = n.get(i);
      if (!e.isIntegralNumber() || !e.canConvertToInt() || e.intValue() <= 0) {
        throw new InvalidMetadataException(where + ": '" + field + "' must hold positive integers below 2^31, got " + n);
      }
      out[i] = e.intValue();
    }
    return out;
  }

  /** A list of names where null entries are allowed (v3 dimension_names, _ARRAY_DIMENSIONS). */
  static List<String> nameList(JsonNode n, int rank, String field, String where) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray() || n.size() != rank) {
      throw new InvalidMetadataException(where + ": '" + field + "' must be a list of " + rank
          + " names (one per dimension), got " + n);
    }
    List<String> out = new ArrayList<>(rank);
    for (JsonNode e : n) {
      if (e.isNull()) {
        out.add(null);
      } else if (e.isTextual()) {
        out.add(e.textValue());
      } else {
        throw new InvalidMetadataException(where + ": '" + field + "' entries must be strings or null, got " + n);
      }
    }
    return out;
  }
}
