package io.zarrspark.core.codec;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.ndarray.Shapes;

/** What a codec knows of the chunk it encodes: its shape, element type and fill value. */
public final class ChunkSpec {
  private final int[] shape;
  private final DataType type;
  private final FillValue fill;

  public ChunkSpec(int[] shape, DataType type, FillValue fill) {
    this.shape = shape.clone();
    this.type = type;
    this.fill = fill;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public DataType type() {
    return type;
  }

  public FillValue fill() {
    return fill;
  }

  public long numElements() {
    return Shapes.count(shape);
  }

  /** Size of the chunk's decoded bytes; fails clearly if one buffer cannot hold it. */
  public int byteSize() {
    return NdArray.byteSize(type, shape);
  }

  public ChunkSpec withShape(int[] newShape) {
    return new ChunkSpec(newShape, type, fill);
  }

  @Override
  public String toString() {
    return type + Shapes.toString(shape);
  }
}
