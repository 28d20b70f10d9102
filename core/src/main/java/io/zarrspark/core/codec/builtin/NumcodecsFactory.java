package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import java.util.List;

/**
 * A factory for a numcodecs codec: its v2 id, its v3 name ("numcodecs.<id>"), and a v3
 * configuration that is the v2 object's, so subclasses parse one form only.
 */
abstract class NumcodecsFactory implements CodecFactory {
  private final String id;
  private final String v3Name;

  NumcodecsFactory(String id, String v3Name) {
    this.id = id;
    this.v3Name = v3Name;
  }

  @Override
  public final List<String> v3Names() {
    return List.of(v3Name);
  }

  @Override
  public final List<String> v2Ids() {
    return List.of(id);
  }

  @Override
  public Codec fromV3(ObjectNode conf, CodecContext ctx) {
    return fromV2(conf, ctx);
  }

  @Override
  public abstract Codec fromV2(ObjectNode conf, CodecContext ctx);
}
