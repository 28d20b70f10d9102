package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.builtin.BytesCodec;
import io.zarrspark.core.codec.builtin.TransposeCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.ndarray.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrayCodecTest {

  static NdArray random(DataType t, int[] shape, long seed) {
    NdArray a = NdArray.allocate(t, shape);
    new Random(seed).nextBytes(a.data());
    return a;
  }

  @Test
  void bigEndianSwapsEachComponent() {
    NdArray a = NdArray.allocate(DataType.COMPLEX64, new int[] {1});
    a.buffer().putFloat(0, 1.5f).putFloat(4, -2f);
    ChunkSpec spec = new ChunkSpec(new int[] {1}, DataType.COMPLEX64, FillValue.zero(DataType.COMPLEX64));
    ByteBuffer enc = new BytesCodec(ByteOrder.BIG_ENDIAN).encode(a, spec);
    assertTrue(enc.order(ByteOrder.BIG_ENDIAN).getFloat(0) == 1.5f && enc.getFloat(4) == -2f);
  }

  @Test
  void bytesCodecRoundTripsEveryTypeInBothOrders() {
    List<DataType> types = List.of(DataType.BOOL, DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
        DataType.UINT16, DataType.UINT64, DataType.FLOAT16, DataType.FLOAT32, DataType.FLOAT64, DataType.COMPLEX64,
        DataType.COMPLEX128, DataType.raw(24), DataType.unicode(3), DataType.bytes(5), DataType.datetime("ns", 1));
    for (DataType t : types) {
      for (ByteOrder bo : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        int[] shape = {3, 5};
        NdArray a = random(t, shape, 7);
        ChunkSpec spec = new ChunkSpec(shape, t, FillValue.zero(t));
        BytesCodec c = new BytesCodec(bo);
        NdArray back = c.decode(c.encode(a, spec), spec);
        assertArrayEquals(a.data(), back.data(), t + " " + bo);
      }
    }
  }

  @Test
  void bytesCodecRejectsWrongSizes() {
    ChunkSpec spec = new ChunkSpec(new int[] {4}, DataType.INT32, FillValue.zero(DataType.INT32));
    CorruptChunkException e = assertThrows(CorruptChunkException.class,
        () -> new BytesCodec(ByteOrder.LITTLE_ENDIAN).decode(ByteBuffer.allocate(15), spec));
    assertTrue(e.getMessage().contains("15") && e.getMessage().contains("16"), e.getMessage());
  }

  @Test
  void transposeMatchesTheSpecDefinition() {
    // decoded shape (2,3,4); order [2,0,1] -> encoded shape (4,2,3), encoded[k,i,j] = decoded[i,j,k]
    int[] shape = {2, 3, 4};
    NdArray a = NdArray.allocate(DataType.INT32, shape);
    for (int i = 0; i < 24; i++) {
      a.buffer().putInt(i * 4, i);
    }
    TransposeCodec t = new TransposeCodec(new int[] {2, 0, 1});
    ChunkSpec spec = new ChunkSpec(shape, DataType.INT32, FillValue.zero(DataType.INT32));
    NdArray e = t.encode(a, spec);
    assertArrayEquals(new int[] {4, 2, 3}, e.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          int dec = a.buffer().getInt(((i * 3 + j) * 4 + k) * 4);
          int enc = e.buffer().getInt(((k * 2 + i) * 3 + j) * 4);
          assertTrue(dec == enc, "mismatch at " + i + "," + j + "," + k);
        }
      }
    }
    assertArrayEquals(a.data(), t.decode(e, spec).data());
  }

  @Test
  void transposeRoundTripsEveryPermutationOf4d() {
    int[] shape = {2, 3, 4, 5};
    NdArray a = random(DataType.FLOAT64, shape, 3);
    ChunkSpec spec = new ChunkSpec(shape, DataType.FLOAT64, FillValue.zero(DataType.FLOAT64));
    int[][] perms = {{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 0, 3, 2}, {2, 3, 0, 1}, {0, 3, 1, 2}};
    for (int[] p : perms) {
      TransposeCodec t = new TransposeCodec(p);
      assertArrayEquals(a.data(), t.decode(t.encode(a, spec), spec).data());
    }
  }

  @Test
  void transposeRejectsNonPermutations() {
    assertThrows(IllegalArgumentException.class, () -> new TransposeCodec(new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new TransposeCodec(new int[] {1, 2}));
  }
}
