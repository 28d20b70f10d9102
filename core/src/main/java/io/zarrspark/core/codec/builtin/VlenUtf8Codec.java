package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.ArrayToBytesCodec;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.StringHeap;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Variable-length UTF-8 strings: v3 {@code vlen-utf8} (array-to-bytes) and the numcodecs
 * {@code vlen-utf8} object codec of v2 arrays, which share one layout: int32 LE item count, then
 * per item an int32 LE byte length and the UTF-8 bytes, in C order.
 *
 * <p>Decoding does not copy strings: the element handles point into the decoded buffer itself,
 * which becomes the array's {@link StringHeap}. UTF-8 validity is not checked (engines such as
 * Spark carry the bytes as they are).
 */
public final class VlenUtf8Codec implements ArrayToBytesCodec {
  public static final String NAME = "vlen-utf8";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", NAME);
    o.putObject("configuration");
    return o;
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    return Optional.of(Json.newObject().put("id", NAME));
  }

  private static void checkType(ChunkSpec spec) {
    if (spec.type().kind() != DataType.Kind.VLEN_UTF8) {
      throw new InvalidMetadataException("the vlen-utf8 codec stores variable-length strings, not " + spec.type());
    }
  }

  @Override
  public ByteBuffer encode(NdArray decoded, ChunkSpec spec) {
    checkType(spec);
    ByteBuffer handles = decoded.buffer();
    StringHeap heap = decoded.heap();
    long n = decoded.size();
    long total = 4 + 4 * n;
    for (int i = 0; i < n; i++) {
      total += handles.getInt(i * StringHeap.HANDLE_BYTES + 4);
    }
    if (total > NdArray.MAX_BYTES) {
      throw new IllegalArgumentException("encoded strings exceed the " + NdArray.MAX_BYTES + "-byte buffer limit");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt((int) n);
    for (int i = 0; i < n; i++) {
      int off = handles.getInt(i * StringHeap.HANDLE_BYTES);
      int len = handles.getInt(i * StringHeap.HANDLE_BYTES + 4);
      out.putInt(len);
      out.put(heap.bytes(), off, len);
    }
    out.flip();
    return out;
  }

  @Override
  public NdArray decode(ByteBuffer encoded, ChunkSpec spec) {
    checkType(spec);
    byte[] heap;
    int start;
    int end;
    if (encoded.hasArray()) {
      heap = encoded.array();
      start = encoded.arrayOffset() + encoded.position();
      end = start + encoded.remaining();
    } else {
      heap = new byte[encoded.remaining()];
      encoded.duplicate().get(heap);
      start = 0;
      end = heap.length;
    }
    long n = spec.numElements();
    ByteBuffer in = ByteBuffer.wrap(heap, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
    if (in.remaining() < 4) {
      throw new CorruptChunkException("vlen-utf8 chunk of " + in.remaining() + " bytes has no item count");
    }
    int count = in.getInt();
    // Checked before allocating anything: the count must be the chunk's, and each item needs at
    // least its 4-byte length, so a corrupt count cannot make us allocate more than the input.
    if (count != n) {
      throw new CorruptChunkException("vlen-utf8 chunk holds " + Integer.toUnsignedString(count)
          + " items but a chunk of " + spec + " has " + n);
    }
    if ((long) count * 4 > in.remaining()) {
      throw new CorruptChunkException("vlen-utf8 chunk of " + (end - start) + " bytes is too short for "
          + count + " items");
    }
    byte[] handles = new byte[spec.byteSize()];
    ByteBuffer out = ByteBuffer.wrap(handles).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      if (in.remaining() < 4) {
        throw new CorruptChunkException("vlen-utf8 chunk ends before the length of item " + i);
      }
      int len = in.getInt();
      if (len < 0 || len > in.remaining()) {
        throw new CorruptChunkException("vlen-utf8 item " + i + " has length " + Integer.toUnsignedString(len)
            + " but only " + in.remaining() + " bytes remain");
      }
      out.putInt(in.position());
      out.putInt(len);
      in.position(in.position() + len);
    }
    if (in.hasRemaining()) {
      throw new CorruptChunkException("vlen-utf8 chunk has " + in.remaining() + " bytes after its " + count + " items");
    }
    return NdArray.wrap(spec.type(), spec.shape(), handles, StringHeap.wrap(heap));
  }

  /** Strings have no size limit, so no bound can be given to the codecs after this one. */
  @Override
  public long maxEncodedSize(ChunkSpec spec) {
    checkType(spec);
    return -1;
  }

  @Override
  public String toString() {
    return NAME;
  }

  /** Creates the codec from v3 {@code vlen-utf8} and numcodecs {@code vlen-utf8} (no options). */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of(NAME);
    }

    @Override
    public List<String> v2Ids() {
      return List.of(NAME);
    }

    @Override
    public Codec fromV3(ObjectNode configuration, CodecContext context) {
      return new VlenUtf8Codec();
    }

    @Override
    public Codec fromV2(ObjectNode config, CodecContext context) {
      return new VlenUtf8Codec();
    }
  }
}
