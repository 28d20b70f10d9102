package io.zarrspark.core.ndarray;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense n-dimensional array of fixed-size elements held as little-endian bytes in C order.
 * This is the decoded form of a chunk and the result of a region read; engines wrap
 * {@link #data()} directly (no boxing, no per-element copies).
 */
public final class NdArray {
  /** Arrays larger than this cannot be held in one Java array. */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

  private final DataType type;
  private final int[] shape;
  private final byte[] data;
  /** For variable-length strings: the bytes the element handles point into; otherwise null. */
  private final StringHeap heap;

  private NdArray(DataType type, int[] shape, byte[] data, StringHeap heap) {
    this.type = type;
    this.shape = shape;
    this.data = data;
    this.heap = heap != null || type.kind() != DataType.Kind.VLEN_UTF8 ? heap : new StringHeap();
  }

  /** The byte size of an array of {@code shape}, or an exception if it cannot be held. */
  public static int byteSize(DataType type, int[] shape) {
    long n = Shapes.count(shape);
    if (n < 0 || n > MAX_BYTES / type.byteSize()) {
      throw new ZarrException("an array of shape " + Shapes.toString(shape) + " and type " + type
          + " exceeds the " + MAX_BYTES + "-byte limit of one buffer");
    }
    return (int) (n * type.byteSize());
  }

  /** A zero-filled array. */
  public static NdArray allocate(DataType type, int[] shape) {
    return new NdArray(type, shape.clone(), new byte[byteSize(type, shape)], null);
  }

  /** An array with every element set to {@code fill}. */
  public static NdArray filled(DataType type, int[] shape, FillValue fill) {
    NdArray a = allocate(type, shape);
    a.fill(fill);
    return a;
  }

  /** Wraps little-endian C-order bytes without copying. */
  public static NdArray wrap(DataType type, int[] shape, byte[] data) {
    return wrap(type, shape, data, null);
  }

  /**
   * Wraps element bytes and, for variable-length strings, the heap their handles point into
   * (null: a new empty heap). The handles are trusted: decoders validate them.
   */
  public static NdArray wrap(DataType type, int[] shape, byte[] data, StringHeap heap) {
    int expected = byteSize(type, shape);
    if (data.length != expected) {
      throw new ZarrException("buffer of " + data.length + " bytes for an array of shape "
          + Shapes.toString(shape) + " and type " + type + ", which needs " + expected);
    }
    return new NdArray(type, shape.clone(), data, heap);
  }

  public DataType type() {
    return type;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  public long size() {
    return Shapes.count(shape);
  }

  /** The backing bytes (little-endian, C order); shared, not copied. */
  public byte[] data() {
    return data;
  }

  /** The string heap of a variable-length string array; null for fixed-size types. */
  public StringHeap heap() {
    return heap;
  }

  /** A little-endian view of the backing bytes. */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Same bytes seen with another shape of the same element count. */
  public NdArray reshape(int[] newShape) {
    return wrap(type, newShape, data, heap);
  }

  public void fill(FillValue fill) {
    byte[] f = fill.bytes();
    if (fill.isZero()) {
      Arrays.fill(data, (byte) 0);
      return;
    }
    int es = f.length;
    if (data.length == 0) {
      return;
    }
    System.arraycopy(f, 0, data, 0, es);
    // Doubling copies: log2(n) arraycopy calls instead of n.
    for (int filled = es; filled < data.length; filled *= 2) {
      System.arraycopy(data, 0, data, filled, Math.min(filled, data.length - filled));
    }
  }

  /** Whether every element equals {@code fill} bit for bit. */
  public boolean isFilledWith(FillValue fill) {
    if (heap != null && fill.isZero()) {
      // The empty-string fill: any handle of length 0, whatever its offset.
      ByteBuffer b = buffer();
      for (int i = 4; i < data.length; i += StringHeap.HANDLE_BYTES) {
        if (b.getInt(i) != 0) {
          return false;
        }
      }
      return true;
    }
    byte[] f = fill.bytes();
    int es = f.length;
    if (fill.isZero()) {
      for (byte b : data) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < data.length; i += es) {
      if (!Arrays.equals(data, i, i + es, f, 0, es)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "NdArray(" + type + ", " + Shapes.toString(shape) + ")";
  }
}
