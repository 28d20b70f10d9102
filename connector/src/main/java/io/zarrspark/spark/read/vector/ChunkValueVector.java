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
 * A value column over decoded chunk bytes, read in place (little-endian). When rows are not the
 * whole buffer (an edge chunk, or a filter selecting inside the chunk), they map to their element
 * through the buffer's strides.
 */
public final class ChunkValueVector extends ColumnVector {
  private final DataType zarrType;
  private final ByteBuffer data;
  private final int elementSize;
  private final RowLayout layout;
  private final long[] bufferStrides;
  private final boolean contiguous;
  private final ChunkValueVector[] children;
  /** For datetime columns read as timestamps: microseconds per stored unit; else 0. */
  private final long microsPerUnit;

  /** Rows of {@code layout} over {@code buffer}, whose origin is the chunk origin. */
  public ChunkValueVector(org.apache.spark.sql.types.DataType sparkType, DataType zarrType, NdArray buffer,
      RowLayout layout, int[] extent) {
    this(sparkType, zarrType, buffer.buffer(), buffer.shape(), layout, extent, 0);
  }

  private ChunkValueVector(org.apache.spark.sql.types.DataType sparkType, DataType zarrType, ByteBuffer data,
      int[] bufferShape, RowLayout layout, int[] extent, int componentOffset) {
    super(sparkType);
    this.zarrType = zarrType;
    this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.elementSize = zarrType.byteSize();
    this.layout = layout;
    this.contiguous = layout.isIdentity() && Arrays.equals(bufferShape, extent);
    this.bufferStrides = new long[bufferShape.length];
    long s = 1;
    for (int d = bufferShape.length - 1; d >= 0; d--) {
      bufferStrides[d] = s;
      s *= bufferShape[d];
    }
    this.componentOffset = componentOffset;
    this.microsPerUnit = sparkType == org.apache.spark.sql.types.DataTypes.TimestampType
        ? io.zarrspark.spark.schema.SparkTypes.microsPerUnit(zarrType) : 0;
    if (zarrType.kind() == DataType.Kind.COMPLEX && componentOffset == 0) {
      org.apache.spark.sql.types.StructType st = (org.apache.spark.sql.types.StructType) sparkType;
      DataType part = zarrType.byteSize() == 16 ? DataType.FLOAT64 : DataType.FLOAT32;
      children = new ChunkValueVector[] {
          new ChunkValueVector(st.fields()[0].dataType(), zarrType, data, bufferShape, layout, extent, 1),
          new ChunkValueVector(st.fields()[1].dataType(), zarrType, data, bufferShape, layout, extent,
              1 + part.byteSize())};
    } else {
      children = null;
    }
  }

  /** 0 for the element itself; 1 + byte offset for a component of a complex element. */
  private final int componentOffset;

  /** Byte position of a row's element (plus the component offset). */
  private int position(int rowId) {
    long element = contiguous ? rowId : layout.offset(rowId, bufferStrides);
    return (int) (element * elementSize) + (componentOffset > 0 ? componentOffset - 1 : 0);
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
