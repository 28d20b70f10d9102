package io.zarrspark.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Creates codecs from metadata. Implementations are found with {@link java.util.ServiceLoader}
 * (register them in {@code META-INF/services/io.zarrspark.core.codec.CodecFactory}) or added to a
 * {@link CodecRegistry} directly, so users can plug in codecs of their own.
 */
public interface CodecFactory {

  /** The v3 codec names this factory creates (e.g. "zstd", "numcodecs.zstd"); may be empty. */
  List<String> v3Names();

  /** The numcodecs ids (v2 compressors and filters) this factory creates; may be empty. */
  default List<String> v2Ids() {
    return List.of();
  }

  /** A codec from a v3 {@code configuration} object (an empty object when absent). */
  Codec fromV3(ObjectNode configuration, CodecContext context);

  /** A codec from a v2 numcodecs object (with its "id"). */
  default Codec fromV2(ObjectNode config, CodecContext context) {
    throw new UnsupportedOperationException("codec " + v3Names() + " has no v2 form");
  }

  /** Helper for factories: a required integer configuration entry. */
  static int intOf(JsonNode conf, String field, int dflt, CodecContext ctx) {
    JsonNode n = conf.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw ctx.invalid("'" + field + "' must be an integer, got " + n);
    }
    return n.intValue();
  }
}
