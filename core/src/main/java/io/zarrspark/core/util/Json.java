package io.zarrspark.core.util;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The one JSON configuration used for every Zarr document, read or written. */
public final class Json {
  private Json() {}

  /*
   * Python's json module writes NaN and Infinity bare in attributes (xarray's _FillValue: NaN);
   * integers beyond 2^63 must survive exactly, and decimals are kept as the double Python wrote.
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // zarr-python 2 decodes metadata as ASCII (and writes it so): escape everything else.
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Parses a stored document; {@code where} names the key for the error message. */
  public static JsonNode parse(ByteBuffer bytes, String where) {
    ByteBuffer b = bytes.duplicate();
    byte[] data = new byte[b.remaining()];
    b.get(data);
    try {
      JsonNode node = MAPPER.readTree(data);
      if (node == null || node.isMissingNode()) {
        throw new InvalidMetadataException(where + " is empty; expected a JSON document");
      }
      return node;
    } catch (IOException e) {
      throw new InvalidMetadataException(where + " is not valid JSON: " + firstLine(e.getMessage()), e);
    }
  }

  public static JsonNode parse(String text, String where) {
    return parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), where);
  }

  /** Object nodes must be objects: a helper that gives the user a clear message when not. */
  public static ObjectNode object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidMetadataException(where + " must be a JSON object, got "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  public static ObjectNode newObject() {
    return NODES.objectNode();
  }

  /** Serialises the way zarr-python does: 4-space indentation, one key per line. */
  public static byte[] write(JsonNode node) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
    try {
      return MAPPER.writer(pp).writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
