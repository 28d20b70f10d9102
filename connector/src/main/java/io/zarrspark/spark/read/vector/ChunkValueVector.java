package io.zarrspark.spark.read.vector;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.Float16;
import io.zarrspark.core.ndarray.NdArray;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A value column over decoded chunk bytes (little-endian), read in place when the batch's rows
 * are the whole buffer. Otherwise (an edge chunk, or a filter selecting inside the chunk) the
 * selected elements are first packed in row order by {@link RowGather}, so that reading a row is
 * always one multiplication, never a walk through the buffer's strides.
 */
public final class ChunkValueVector extends ColumnVector {
  private final DataType zarrType;
  private final ByteBuffer data;
  private final int elementSize;
  private final RowLayout layout;
  private final ChunkValueVector[] children;
  /** For datetime columns read as timestamps: microseconds per stored unit; else 0. */
  private final long microsPerUnit;
  /** Byte offset of the value inside its element: 0, or a complex element's component. */
  private final int componentShift;
  /**
   * For variable-length strings: the heap the (offset, length) row handles point into, read in
   * place; null otherwise. Set by the public constructor only (string columns have no children).
   */
  private byte[] heap;

  /** Rows of {@code layout} over {@code buffer}, whose origin is the chunk origin. */
  public ChunkValueVector(org.apache.spark.sql.types.DataType sparkType, DataType zarrType, NdArray buffer,
      RowLayout layout, int[] extent) {
    this(sparkType, zarrType, RowGather.rows(buffer, layout, extent, zarrType.byteSize()), layout, 0);
    this.heap = buffer.heap() == null ? null : buffer.heap().bytes();
  }

  /** {@code rows}: one element per row, in row order. */
  private ChunkValueVector(org.apache.spark.sql.types.DataType sparkType, DataType zarrType, ByteBuffer rows,
      RowLayout layout, int componentShift) {
    super(sparkType);
    this.zarrType = zarrType;
    this.data = rows.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.elementSize = zarrType.byteSize();
    this.layout = layout;
    this.componentShift = componentShift;
    this.microsPerUnit = sparkType == org.apache.spark.sql.types.DataTypes.TimestampType
        ? io.zarrspark.spark.schema.SparkTypes.microsPerUnit(zarrType) : 0;
    if (zarrType.kind() == DataType.Kind.COMPLEX && sparkType instanceof org.apache.spark.sql.types.StructType) {
      org.apache.spark.sql.types.StructType st = (org.apache.spark.sql.types.StructType) sparkType;
      DataType part = zarrType.byteSize() == 16 ? DataType.FLOAT64 : DataType.FLOAT32;
      children = new ChunkValueVector[] {
          new ChunkValueVector(st.fields()[0].dataType(), zarrType, data, layout, 0),
          new ChunkValueVector(st.fields()[1].dataType(), zarrType, data, layout, part.byteSize())};
    } else {
      children = null;
    }
  }

  /** Byte position of a row's value. */
  private int position(int rowId) {
    return rowId * elementSize + componentShift;
  }

  @Override
  public boolean hasNull() {
    return microsPerUnit > 0;
  }

  @Override
  public int numNulls() {
    int n = 0;
    if (microsPerUnit > 0) {
      for (int r = 0; r < layout.rows(); r++) {
        n += isNullAt(r) ? 1 : 0;
      }
    }
    return n;
  }

  /** Only NaT (in timestamp columns) is null. */
  @Override
  public boolean isNullAt(int rowId) {
    return microsPerUnit > 0 && data.getLong(position(rowId)) == io.zarrspark.core.dtype.TimeUnits.NAT;
  }

  @Override
  public void close() {}

  @Override
  public boolean getBoolean(int rowId) {
    return data.get(position(rowId)) != 0;
  }

  @Override
  public byte getByte(int rowId) {
    return data.get(position(rowId));
  }

  @Override
  public short getShort(int rowId) {
    int p = position(rowId);
    return zarrType.kind() == DataType.Kind.UINT ? (short) (data.get(p) & 0xff) : data.getShort(p);
  }

  @Override
  public int getInt(int rowId) {
    int p = position(rowId);
    return zarrType.kind() == DataType.Kind.UINT ? data.getShort(p) & 0xffff : data.getInt(p);
  }

  @Override
  public long getLong(int rowId) {
    int p = position(rowId);
    if (microsPerUnit > 0) {
      return Math.multiplyExact(data.getLong(p), microsPerUnit);
    }
    return zarrType.kind() == DataType.Kind.UINT ? data.getInt(p) & 0xffffffffL : data.getLong(p);
  }

  @Override
  public float getFloat(int rowId) {
    int p = position(rowId);
    return elementSize == 2 ? Float16.toFloat(data.getShort(p)) : data.getFloat(p);
  }

  @Override
  public double getDouble(int rowId) {
    return data.getDouble(position(rowId));
  }

  // Bulk reads: ColumnVector's defaults call the getter once per value; values stored as the
  // Java type they are read as (same width, signed, no unit) copy out of the packed rows at once.

  /** Whether values of {@code kind} and {@code size} bytes are returned exactly as stored. */
  private boolean plain(DataType.Kind kind, int size) {
    return zarrType.kind() == kind && elementSize == size && componentShift == 0 && microsPerUnit == 0;
  }

  private ByteBuffer range(int rowId, int count) {
    return data.slice(position(rowId), count * elementSize).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public byte[] getBytes(int rowId, int count) {
    if (!plain(DataType.Kind.INT, 1)) {
      return super.getBytes(rowId, count);
    }
    byte[] out = new byte[count];
    range(rowId, count).get(out);
    return out;
  }

  @Override
  public short[] getShorts(int rowId, int count) {
    if (!plain(DataType.Kind.INT, 2)) {
      return super.getShorts(rowId, count);
    }
    short[] out = new short[count];
    range(rowId, count).asShortBuffer().get(out);
    return out;
  }

  @Override
  public int[] getInts(int rowId, int count) {
    if (!plain(DataType.Kind.INT, 4)) {
      return super.getInts(rowId, count);
    }
    int[] out = new int[count];
    range(rowId, count).asIntBuffer().get(out);
    return out;
  }

  @Override
  public long[] getLongs(int rowId, int count) {
    if (!plain(DataType.Kind.INT, 8)) {
      return super.getLongs(rowId, count);
    }
    long[] out = new long[count];
    range(rowId, count).asLongBuffer().get(out);
    return out;
  }

  @Override
  public float[] getFloats(int rowId, int count) {
    if (!plain(DataType.Kind.FLOAT, 4)) {
      return super.getFloats(rowId, count);
    }
    float[] out = new float[count];
    range(rowId, count).asFloatBuffer().get(out);
    return out;
  }

  @Override
  public double[] getDoubles(int rowId, int count) {
    if (!plain(DataType.Kind.FLOAT, 8)) {
      return super.getDoubles(rowId, count);
    }
    double[] out = new double[count];
    range(rowId, count).asDoubleBuffer().get(out);
    return out;
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    long v = data.getLong(position(rowId));
    if (v >= 0) {
      return Decimal.apply(v, precision, scale);
    }
    // uint64 beyond 2^63: exact through BigInteger.
    return Decimal.apply(new java.math.BigDecimal(new BigInteger(Long.toUnsignedString(v))), precision, scale);
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    int p = position(rowId);
    if (heap != null) {
      return UTF8String.fromBytes(heap, data.getInt(p), data.getInt(p + 4));
    }
    StringBuilder sb = new StringBuilder(zarrType.length());
    for (int i = 0; i < zarrType.length(); i++) {
      int cp = data.getInt(p + 4 * i);
      if (cp == 0) {
        break; // numpy pads U<n> with NULs
      }
      sb.appendCodePoint(cp);
    }
    return UTF8String.fromBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] getBinary(int rowId) {
    int p = position(rowId);
    byte[] out = new byte[elementSize];
    data.get(p, out);
    if (zarrType.kind() == DataType.Kind.BYTES) {
      // numpy S<n> drops trailing NULs on read; so do we.
      int n = out.length;
      while (n > 0 && out[n - 1] == 0) {
        n--;
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    }
    return out;
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    if (children == null) {
      throw new UnsupportedOperationException(zarrType + " has no struct children");
    }
    return children[ordinal];
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    throw new UnsupportedOperationException("no array values in " + zarrType);
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    throw new UnsupportedOperationException("no map values in " + zarrType);
  }
}
