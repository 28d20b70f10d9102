package io.zarrspark.spark.write;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.NdCopy;
import io.zarrspark.core.store.Store;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One array's part of the block a task is filling: the decoded block, filled with the fill value
 * (or, when appending, with what is stored) before rows arrive, then encoded and put at its final
 * key. String and binary values are held as objects until the block is complete, because the
 * element length they are encoded with is the longest value of the block.
 */
final class BlockBuffer {
  private final ValueColumn column;
  private final Store store;
  private final int[] blockShape;
  private final ZarrArray fixedArray;
  private final long[] oldShape;
  private final byte[] fillBytes;
  private NdArray data;
  private ByteBuffer le;
  private Object[] values;
  private int maxLength;

  BlockBuffer(ValueColumn column, Store store, int[] blockShape, long[] oldShape) {
    this.column = column;
    this.store = store;
    this.blockShape = blockShape.clone();
    this.oldShape = oldShape;
    // Edge and key encoding do not depend on the shape, so a new array's chunks are encoded with
    // an empty provisional shape; an appended array is read with its stored shape.
    long[] shape = oldShape != null ? oldShape : new long[blockShape.length];
    this.fixedArray = column.variableWidth() ? null : ZarrArray.of(store, column.template().path(),
        column.template().metadata(column.type(), column.fill(column.type()), shape));
    this.fillBytes = fixedArray == null ? null : fixedArray.metadata().fillValue().bytes();
  }

  /** Starts a block: fill, or the stored elements inside the stored shape when appending. */
  void begin(long[] coords) {
    if (column.variableWidth()) {
      if (values == null) {
        values = new Object[NdArray.byteSize(DataType.INT8, blockShape)];
      } else {
        Arrays.fill(values, null);
      }
      maxLength = 0;
      return;
    }
    ArrayMetadata m = fixedArray.metadata();
    data = NdArray.filled(m.dataType(), blockShape, m.fillValue());
    if (oldShape != null && inside(coords, m.grid().gridShape())) {
      NdArray stored = fixedArray.readChunk(coords);
      int[] valid = m.grid().validExtent(coords);
      // Only the part inside the stored shape is data; beyond it the stored chunk may hold
      // anything, which must not become visible when the shape grows.
      NdCopy.copy(stored, new int[valid.length], data, new int[valid.length], valid);
    }
    le = data.buffer();
  }

  private static boolean inside(long[] coords, long[] grid) {
    for (int d = 0; d < coords.length; d++) {
      if (coords[d] >= grid[d]) {
        return false;
      }
    }
    return true;
  }

  /** Element {@code element} from the row: its value, or the fill value for a null. */
  void put(org.apache.spark.sql.catalyst.InternalRow row, int element) {
    if (column.variableWidth()) {
      if (column.isNull(row)) {
        values[element] = null;
        return;
      }
      Object v = column.variableValue(row);
      values[element] = v;
      maxLength = Math.max(maxLength, ValueColumn.length(v));
      return;
    }
    if (column.isNull(row)) {
      le.put(element * fillBytes.length, fillBytes);
      return;
    }
    column.put(row, le, element);
  }

  /**
   * Encodes the block and puts it at its key. A block that is all fill value is not stored (and a
   * stored one is deleted), as zarr-python 3 and zarrita do. Returns the element length used.
   */
  int flush(long[] coords) {
    if (column.variableWidth()) {
      int length = Math.max(1, maxLength);
      DataType t = column.type().kind() == DataType.Kind.UNICODE ? DataType.unicode(length) : DataType.bytes(length);
      NdArray block = NdArray.allocate(t, blockShape);
      ByteBuffer buf = block.buffer();
      boolean any = false;
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null && ValueColumn.length(values[i]) > 0) {
          ValueColumn.putVariable(values[i], buf, i, t);
          any = true;
        }
      }
      if (any) {
        ZarrArray a = ZarrArray.of(store, column.template().path(),
            column.template().metadata(t, FillValue.zero(t), new long[blockShape.length]));
        store.put(a.chunkKey(coords), a.encodeChunk(block));
      }
      return length;
    }
    String key = fixedArray.chunkKey(coords);
    // With a null (v2) fill value an unstored chunk is undefined to readers: store what was written.
    if (!fixedArray.metadata().fillValueNull() && data.isFilledWith(fixedArray.metadata().fillValue())) {
      if (oldShape != null) {
        store.delete(key);
      }
    } else {
      store.put(key, fixedArray.encodeChunk(data));
    }
    return column.type().byteSize();
  }

  ValueColumn column() {
    return column;
  }
}
