package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.ArrayToArrayCodec;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.Codec;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.codec.CodecFactory;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.Shapes;
import io.zarrspark.core.util.Json;
import java.util.Arrays;
import java.util.List;

/**
 * The v3 {@code transpose} codec: encoded dimension i is decoded dimension order[i]. A v2 array
 * with {@code order: "F"} is this codec with the reversed order.
 */
public final class TransposeCodec implements ArrayToArrayCodec {
  private final int[] order;

  public TransposeCodec(int[] order) {
    this.order = order.clone();
    boolean[] seen = new boolean[order.length];
    for (int o : order) {
      if (o < 0 || o >= order.length || seen[o]) {
        throw new IllegalArgumentException("transpose order " + Arrays.toString(order) + " is not a permutation");
      }
      seen[o] = true;
    }
  }

  /** The permutation that turns C order into Fortran order. */
  public static TransposeCodec reversed(int rank) {
    int[] o = new int[rank];
    for (int i = 0; i < rank; i++) {
      o[i] = rank - 1 - i;
    }
    return new TransposeCodec(o);
  }

  public int[] order() {
    return order.clone();
  }

  @Override
  public String name() {
    return "transpose";
  }

  @Override
  public ObjectNode toV3Json() {
    ObjectNode o = Json.newObject();
    o.put("name", "transpose");
    ArrayNode a = o.putObject("configuration").putArray("order");
    for (int x : order) {
      a.add(x);
    }
    return o;
  }

  private void checkRank(ChunkSpec spec) {
    if (spec.rank() != order.length) {
      throw new InvalidMetadataException("transpose order " + Arrays.toString(order) + " has "
          + order.length + " dimensions but the chunk has " + spec.rank());
    }
  }

  @Override
  public ChunkSpec encodedSpec(ChunkSpec decoded) {
    checkRank(decoded);
    int[] s = decoded.shape();
    int[] e = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      e[i] = s[order[i]];
    }
    return decoded.withShape(e);
  }

  @Override
  public NdArray encode(NdArray decoded, ChunkSpec decodedSpec) {
    checkRank(decodedSpec);
    return permute(decoded, order);
  }

  @Override
  public NdArray decode(NdArray encoded, ChunkSpec decodedSpec) {
    checkRank(decodedSpec);
    int[] inverse = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      inverse[order[i]] = i;
    }
    return permute(encoded, inverse);
  }

  /** out.shape[i] = in.shape[perm[i]]; out[j] = in[k] with k[perm[i]] = j[i]. */
  static NdArray permute(NdArray in, int[] perm) {
    int rank = perm.length;
    boolean identity = true;
    for (int i = 0; i < rank; i++) {
      identity &= perm[i] == i;
    }
    if (identity) {
      return in;
    }
    int[] inShape = in.shape();
    int[] outShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = inShape[perm[i]];
    }
    // Permuting string handles keeps them valid: the output shares the input's heap.
    NdArray out = NdArray.wrap(in.type(), outShape, new byte[NdArray.byteSize(in.type(), outShape)], in.heap());
    if (out.size() == 0) {
      return out;
    }
    long[] inStrides = Shapes.strides(inShape);
    // Stride in the input of each output dimension.
    long[] step = new long[rank];
    for (int i = 0; i < rank; i++) {
      step[i] = inStrides[perm[i]];
    }
    int es = in.type().byteSize();
    byte[] src = in.data();
    byte[] dst = out.data();
    int[] idx = new int[rank];
    long inOff = 0;
    int last = rank - 1;
    int innerLen = outShape[last];
    long innerStep = step[last] * es;
    int outPos = 0;
    while (true) {
      long p = inOff * es;
      if (es == 1) {
        for (int k = 0; k < innerLen; k++, p += innerStep) {
          dst[outPos++] = src[(int) p];
        }
      } else {
        for (int k = 0; k < innerLen; k++, p += innerStep) {
          System.arraycopy(src, (int) p, dst, outPos, es);
          outPos += es;
        }
      }
      int d = last - 1;
      while (d >= 0) {
        idx[d]++;
        inOff += step[d];
        if (idx[d] < outShape[d]) {
          break;
        }
        inOff -= step[d] * idx[d];
        idx[d] = 0;
        d--;
      }
      if (d < 0) {
        return out;
      }
    }
  }

  @Override
  public String toString() {
    return "transpose" + Arrays.toString(order);
  }

  /** Creates {@link TransposeCodec}s; "C" and "F" orders come from early v3 drafts. */
  public static final class Factory implements CodecFactory {
    @Override
    public List<String> v3Names() {
      return List.of("transpose");
    }

    @Override
    public Codec fromV3(ObjectNode conf, CodecContext ctx) {
      JsonNode o = conf.get("order");
      if (o == null || !o.isArray()) {
        throw ctx.invalid("'order' must be a list of dimension indices, got " + o);
      }
      int[] order = new int[o.size()];
      for (int i = 0; i < order.length; i++) {
        if (!o.get(i).canConvertToInt() || !o.get(i).isIntegralNumber()) {
          throw ctx.invalid("'order' must hold integers, got " + o);
        }
        order[i] = o.get(i).intValue();
      }
      try {
        return new TransposeCodec(order);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid(e.getMessage());
      }
    }
  }
}
