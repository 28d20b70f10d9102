package io.zarrspark.core.grid;

import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.ndarray.Shapes;
import java.util.Arrays;

/**
 * The regular chunk grid: an array of {@code shape} cut into chunks of {@code chunkShape}; edge
 * chunks are stored whole and only their in-bounds part is meaningful.
 */
public final class ChunkGrid {
  private final long[] shape;
  private final int[] chunkShape;
  private final long[] gridShape;

  public ChunkGrid(long[] shape, int[] chunkShape, String where) {
    if (shape.length != chunkShape.length) {
      throw new InvalidMetadataException(where + ": chunk shape " + Arrays.toString(chunkShape)
          + " has " + chunkShape.length + " dimensions but the array shape " + Arrays.toString(shape)
          + " has " + shape.length);
    }
    this.shape = shape.clone();
    this.chunkShape = chunkShape.clone();
    this.gridShape = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new InvalidMetadataException(where + ": shape " + Arrays.toString(shape) + " has a negative extent");
      }
      if (chunkShape[i] <= 0) {
        throw new InvalidMetadataException(where + ": chunk shape " + Arrays.toString(chunkShape)
            + " must be positive in every dimension");
      }
      gridShape[i] = Math.floorDiv(shape[i] + chunkShape[i] - 1, chunkShape[i]);
    }
    if (Shapes.count(shape) < 0) {
      throw new InvalidMetadataException(where + ": shape " + Arrays.toString(shape) + " has more than 2^63 elements");
    }
  }

  public int rank() {
    return shape.length;
  }

  public long[] shape() {
    return shape.clone();
  }

  public long shape(int dim) {
    return shape[dim];
  }

  public int[] chunkShape() {
    return chunkShape.clone();
  }

  public int chunkShape(int dim) {
    return chunkShape[dim];
  }

  /** Number of chunks along each dimension. */
  public long[] gridShape() {
    return gridShape.clone();
  }

  /** Total number of chunks (Long.MAX_VALUE if it overflows). */
  public long chunkCount() {
    long n = Shapes.count(gridShape);
    return n < 0 ? Long.MAX_VALUE : n;
  }

  /** Array index of the first element of a chunk. */
  public long[] chunkOrigin(long[] chunkCoords) {
    long[] o = new long[chunkCoords.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = chunkCoords[i] * chunkShape[i];
    }
    return o;
  }

  /** The in-bounds extent of a chunk (smaller than the chunk shape for edge chunks). */
  public int[] validExtent(long[] chunkCoords) {
    int[] e = new int[chunkCoords.length];
    for (int i = 0; i < e.length; i++) {
      long start = chunkCoords[i] * chunkShape[i];
      e[i] = (int) Math.max(0, Math.min(chunkShape[i], shape[i] - start));
    }
    return e;
  }

  /** Whether chunk coordinates lie inside the grid; fails naming them if not. */
  public void checkChunk(long[] chunkCoords, String where) {
    if (chunkCoords.length != shape.length) {
      throw new IndexOutOfBoundsException(where + ": chunk coordinates " + Arrays.toString(chunkCoords)
          + " have " + chunkCoords.length + " dimensions, the array " + shape.length);
    }
    for (int i = 0; i < chunkCoords.length; i++) {
      if (chunkCoords[i] < 0 || chunkCoords[i] >= gridShape[i]) {
        throw new IndexOutOfBoundsException(where + ": chunk " + Arrays.toString(chunkCoords)
            + " is outside the chunk grid " + Arrays.toString(gridShape));
      }
    }
  }

  /** A grid with another array shape and the same chunks. */
  public ChunkGrid withShape(long[] newShape, String where) {
    return new ChunkGrid(newShape, chunkShape, where);
  }
}
