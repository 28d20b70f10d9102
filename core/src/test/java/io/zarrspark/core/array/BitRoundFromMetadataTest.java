package io.zarrspark.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.BitRoundCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.StoredType;
import io.zarrspark.core.metadata.ArrayMetadataBuilder;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.MemoryStore;
import io.zarrspark.core.util.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bitround filter read from v2 metadata records only keepbits; the chain gives it the array's
 * float type, so arrays with it can be written, with the rounding of the type-aware codec.
 */
class BitRoundFromMetadataTest {

  @Test
  void writesThroughMetadataRoundLikeTheTypedCodec() {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      BytesToBytesCodec fromJson = (BytesToBytesCodec) CodecRegistry.defaults()
          .fromV2(Json.parse("{\"id\": \"bitround\", \"keepbits\": 5}", "t"), "t");
      ZarrArray a = ZarrArray.create(new MemoryStore(), "a", ArrayMetadataBuilder.v2(new long[] {64}, new int[] {16},
          DataType.FLOAT32).byteOrder(order).filters(List.of(fromJson)).build(), false);
      NdArray data = NdArray.allocate(DataType.FLOAT32, new int[] {64});
      Random r = new Random(5);
      for (int i = 0; i < 64; i++) {
        data.buffer().putFloat(i * 4, (float) r.nextGaussian() * 1000);
      }
      a.write(new long[1], data);
      NdArray back = a.readAll();

      // The same rounding applied by the codec built with the type, on little-endian bytes.
      BitRoundCodec typed = new BitRoundCodec(5, new StoredType(DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN));
      ByteBuffer rounded = typed.encode(ByteBuffer.wrap(data.data().clone()));
      byte[] expected = new byte[rounded.remaining()];
      rounded.get(expected);
      assertArrayEquals(expected, back.data(), order.toString());
      assertEquals(false, java.util.Arrays.equals(expected, data.data()), "keepbits 5 must change these values");
    }
  }
}
