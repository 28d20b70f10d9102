package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.dtype.StoredType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * numcodecs "categorize": fixed-length unicode ({@code U<n>}, UTF-32) values stored as integer
 * codes, {@code i + 1} for {@code labels[i]} and 0 for anything else, which decodes to the empty
 * string. Object ({@code O}) arrays, the other dtype numcodecs allows, are not supported.
 */
public final class CategorizeCodec implements BytesToBytesCodec {
  static final String ID = "categorize";
  static final String V3_NAME = "numcodecs.categorize";

  private final List<String> labels;
  private final StoredType dtype;
  private final NumpyType astype;
  /** Bytes per element of dtype. */
  private final int width;
  /** Each label as a dtype element (truncated to n characters, as numpy assigns it). */
  private final byte[][] decoded;
  /** Codes by element bytes, for the labels an element can equal (later duplicates win, as in numcodecs). */
  private final Map<ByteBuffer, Integer> codes = new HashMap<>();

  /** {@code dtype} must be a unicode type, {@code astype} a bool or integer type. */
  public CategorizeCodec(List<String> labels, StoredType dtype, StoredType astype) {
    this(labels, dtype, checkAstype(astype));
  }

  private CategorizeCodec(List<String> labels, StoredType dtype, NumpyType astype) {
    if (dtype.type().kind() != DataType.Kind.UNICODE) {
      throw new IllegalArgumentException("categorize supports unicode (U) dtypes only, not " + dtype);
    }
    this.labels = List.copyOf(labels);
    this.dtype = dtype;
    this.astype = astype;
    int chars = dtype.type().length();
    this.width = dtype.type().byteSize();
    this.decoded = new byte[this.labels.size()][];
    for (int i = 0; i < this.labels.size(); i++) {
      int[] cps = this.labels.get(i).codePoints().toArray();
      decoded[i] = utf32(cps, Math.min(cps.length, chars));
      // numpy compares unicode values as if padded with NULs, so trailing NULs never matter.
      int len = cps.length;
      while (len > 0 && cps[len - 1] == 0) {
        len--;
      }
      if (len <= chars) {
        codes.put(ByteBuffer.wrap(utf32(cps, len)), i + 1);
      }
    }
  }

  private static NumpyType checkAstype(StoredType t) {
    NumpyType n = NumpyType.of(t);
    if (n == null || n.isFloat()) {
      throw new IllegalArgumentException("categorize codes must be a bool or integer type, not " + t);
    }
    return n;
  }

  /** The first {@code len} code points as one zero-padded element of dtype. */
  private byte[] utf32(int[] cps, int len) {
    ByteBuffer b = ByteBuffer.allocate(width).order(dtype.order());
    for (int j = 0; j < len; j++) {
      b.putInt(j * 4, cps[j]);
    }
    return b.array();
  }

  @Override
  public String name() {
    return V3_NAME;
  }

  @Override
  public ObjectNode toV3Json() {
    return FilterSupport.v3(V3_NAME, v2());
  }

  @Override
  public Optional<ObjectNode> toV2Json() {
    return Optional.of(v2());
  }

  private ObjectNode v2() {
    ObjectNode o = FilterSupport.v2(ID);
    ArrayNode l = o.putArray("labels");
    labels.forEach(l::add);
    o.put("dtype", DataTypes.toV2(dtype.type(), dtype.order()));
    o.put("astype", astype.str());
    return o;
  }

  @Override
  public ByteBuffer encode(ByteBuffer decodedBytes) {
    int n = FilterSupport.count(decodedBytes, width, ID, false);
    byte[] in = Buffers.toArray(decodedBytes);
    ByteBuffer out = ByteBuffer.allocate(n * astype.size).order(astype.order);
    for (int i = 0; i < n; i++) {
      Integer code = codes.get(ByteBuffer.wrap(in, i * width, width));
      if (code != null) {
        astype.putLong(out, i, astype.wrap(code));
      }
    }
    return out.rewind();
  }

  @Override
  public ByteBuffer decode(ByteBuffer encoded, long maxDecodedSize) {
    int n = FilterSupport.count(encoded, astype.size, ID, true);
    ByteBuffer in = FilterSupport.view(encoded, astype);
    byte[] out = new byte[FilterSupport.decodedBytes(n, width, maxDecodedSize, ID)];
    long count = decoded.length;
    for (int i = 0; i < n; i++) {
      long code = astype.getLong(in, i);
      // Codes outside [1, labels] (0 included) stay the empty string of the zeroed output.
      if (code >= 1 && code <= count) {
        System.arraycopy(decoded[(int) code - 1], 0, out, i * width, width);
      }
    }
    return ByteBuffer.wrap(out);
  }

  /** numcodecs hands the compressor the astype array of codes; blosc shuffles by its itemsize. */
  @Override
  public int encodedElementSize(int size) {
    return astype.size;
  }

  @Override
  public long maxEncodedSize(long decodedSize) {
    return FilterSupport.resized(decodedSize, width, astype.size);
  }

  @Override
  public String toString() {
    return "categorize(" + labels.size() + " labels, " + dtype.type() + " as " + astype + ")";
  }

  /** Creates {@link CategorizeCodec}s; astype defaults to {@code |u1}, as in numcodecs. */
  public static final class Factory extends NumcodecsFactory {
    public Factory() {
      super(ID, V3_NAME);
    }

    @Override
    public Codec fromV2(ObjectNode conf, CodecContext ctx) {
      JsonNode l = FilterSupport.required(conf, "labels", ctx);
      if (!l.isArray()) {
        throw ctx.invalid("'labels' must be a list of strings, got " + l);
      }
      List<String> labels = new ArrayList<>();
      for (JsonNode e : l) {
        if (!e.isTextual()) {
          throw ctx.invalid("'labels' must be a list of strings, got the entry " + e);
        }
        labels.add(e.textValue());
      }
      JsonNode d = FilterSupport.required(conf, "dtype", ctx);
      if (d.isTextual() && d.textValue().matches("[<>|=]?O[0-9]*")) {
        throw ctx.invalid("'dtype' " + d + ": object arrays are not supported; use a fixed-length unicode (U) dtype");
      }
      StoredType dtype = FilterSupport.dtype(conf, "dtype", null, ctx);
      if (dtype.type().kind() != DataType.Kind.UNICODE) {
        throw ctx.invalid("'dtype' " + d + " is not a unicode (U) dtype, the only kind categorize decodes to");
      }
      NumpyType astype = FilterSupport.numeric(conf, "astype", "|u1", "biu", ctx);
      return new CategorizeCodec(labels, dtype, astype);
    }
  }
}
