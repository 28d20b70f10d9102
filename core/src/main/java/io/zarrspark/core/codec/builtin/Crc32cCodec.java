package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32C;

/** The v3 {@code crc32c} codec: the data followed by its CRC-32C, little-endian. */
public final class Crc32cCodec implements BytesToBytesCodec {

  @Override
  public String name() {
    return "crc32c";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "crc32c");
    return o;
  }

  static int checksum(ByteBuffer data) {
    CRC32C crc = new CRC32C();
    crc.update(data.duplicate());
    return (int) crc.getValue();
  }

  @Override
  public ByteBuffer encode(ByteBuffer decoded) {
    ByteBuffer out = ByteBuffer.allocate(decoded.remaining() + 4).order(ByteOrder.LITTLE_ENDIAN);
    out.put(decoded.duplicate());
    out.putInt(checksum(decoded));
    out.flip();
    return out;
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    if (encoded.remaining() < 4) {
      throw new CorruptChunkException("crc32c: " + encoded.remaining() + " bytes cannot hold a 4-byte checksum");
    }
    ByteBuffer data = encoded.duplicate();
    data.limit(data.limit() - 4);
    int stored = encoded.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(encoded.limit() - 4);
    int actual = checksum(data);
    if (stored != actual) {
      throw new CorruptChunkException(String.format("crc32c checksum mismatch: stored %08x, computed %08x", stored, actual));
    }
    return data.slice();
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return decodedSize + 4;
  }

  @Override
  public String toString() {
    return "crc32c";
  }

  /** Creates {@link Crc32cCodec}s. */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("crc32c");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      return new Crc32cCodec();
    }
  }
}
