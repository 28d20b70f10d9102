package io.zarrspark.spark.read.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.ndarray.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Rows read through the packed (gathered) path and the bulk getters agree with a plain walk of
 * the buffer in C order over the selected indices, for edge chunks and selections inside chunks.
 */
class ChunkValueVectorTest {
  private static final int[] SHAPE = {4, 5, 6};

  /** Element offsets of the rows, enumerated the slow, obvious way. */
  private static List<Integer> expectedOffsets(int[] extent, int[][] maps) {
    List<Integer> out = new ArrayList<>();
    for (int i : indices(extent[0], maps[0])) {
      for (int j : indices(extent[1], maps[1])) {
        for (int k : indices(extent[2], maps[2])) {
          out.add((i * SHAPE[1] + j) * SHAPE[2] + k);
        }
      }
    }
    return out;
  }

  private static int[] indices(int extent, int[] map) {
    if (map != null) {
      return map;
    }
    int[] all = new int[extent];
    for (int i = 0; i < extent; i++) {
      all[i] = i;
    }
    return all;
  }

  private static final int[][][] MAPS = {
      {null, null, null},
      {{0, 2}, null, {1, 2, 4}},
      {null, {3}, {0, 5}},
      {{1}, {0, 1, 2, 4}, null}};
  private static final int[][] EXTENTS = {{4, 5, 6}, {3, 4, 5}, {4, 5, 6}, {2, 5, 6}};

  @Test
  void rowsMatchTheBufferWalkForEdgesAndSelections() {
    NdArray buf = NdArray.allocate(DataType.INT32, SHAPE);
    for (int e = 0; e < 4 * 5 * 6; e++) {
      buf.buffer().putInt(e * 4, e * 7 - 50);
    }
    for (int[] extent : EXTENTS) {
      for (int[][] maps : MAPS) {
        if (!fits(extent, maps)) {
          continue;
        }
        RowLayout layout = new RowLayout(extent, maps);
        ChunkValueVector v = new ChunkValueVector(DataTypes.IntegerType, DataType.INT32, buf, layout, extent);
        List<Integer> offsets = expectedOffsets(extent, maps);
        assertEquals(offsets.size(), layout.rows());
        int[] bulk = v.getInts(0, layout.rows());
        for (int r = 0; r < layout.rows(); r++) {
          int expected = offsets.get(r) * 7 - 50;
          assertEquals(expected, v.getInt(r), "row " + r);
          assertEquals(expected, bulk[r], "bulk row " + r);
          // The layout's own mapping agrees with the enumeration too.
          long[] strides = {SHAPE[1] * SHAPE[2], SHAPE[2], 1};
          assertEquals((long) offsets.get(r), layout.offset(r, strides), "offset of row " + r);
        }
        if (layout.rows() > 2) {
          assertArrayEquals(new int[] {v.getInt(1), v.getInt(2)}, v.getInts(1, 2));
        }
      }
    }
  }

  private static boolean fits(int[] extent, int[][] maps) {
    for (int d = 0; d < 3; d++) {
      if (maps[d] != null && maps[d][maps[d].length - 1] >= extent[d]) {
        return false;
      }
    }
    return true;
  }

  @Test
  void bulkGettersEqualSingleGettersForEveryWidth() {
    Random rnd = new Random(7);
    int[] extent = {3, 4, 5};
    RowLayout layout = new RowLayout(extent, new int[][] {{0, 2}, null, {1, 2, 4}});
    DataType[] zarr = {DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.FLOAT32,
        DataType.FLOAT64, DataType.UINT16};
    org.apache.spark.sql.types.DataType[] spark = {DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
        DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType, DataTypes.IntegerType};
    for (int t = 0; t < zarr.length; t++) {
      NdArray buf = NdArray.allocate(zarr[t], SHAPE);
      rnd.nextBytes(buf.data());
      ChunkValueVector v = new ChunkValueVector(spark[t], zarr[t], buf, layout, extent);
      int n = layout.rows() - 1;
      if (spark[t] == DataTypes.ByteType) {
        byte[] b = v.getBytes(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(v.getByte(r + 1), b[r]);
        }
      } else if (spark[t] == DataTypes.ShortType) {
        short[] b = v.getShorts(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(v.getShort(r + 1), b[r]);
        }
      } else if (spark[t] == DataTypes.IntegerType) {
        int[] b = v.getInts(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(v.getInt(r + 1), b[r], zarr[t] + " row " + r);
        }
      } else if (spark[t] == DataTypes.LongType) {
        long[] b = v.getLongs(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(v.getLong(r + 1), b[r]);
        }
      } else if (spark[t] == DataTypes.FloatType) {
        float[] b = v.getFloats(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(Float.floatToRawIntBits(v.getFloat(r + 1)), Float.floatToRawIntBits(b[r]));
        }
      } else {
        double[] b = v.getDoubles(1, n);
        for (int r = 0; r < n; r++) {
          assertEquals(Double.doubleToRawLongBits(v.getDouble(r + 1)), Double.doubleToRawLongBits(b[r]));
        }
      }
    }
  }

  @Test
  void complexComponentsOfAnEdgeChunk() {
    NdArray buf = NdArray.allocate(DataType.COMPLEX64, SHAPE);
    for (int e = 0; e < 4 * 5 * 6; e++) {
      buf.buffer().putFloat(e * 8, e).putFloat(e * 8 + 4, -e);
    }
    int[] extent = {2, 3, 4};
    RowLayout layout = new RowLayout(extent, new int[][] {null, null, {1, 3}});
    StructType type = new StructType().add("real", DataTypes.FloatType).add("imag", DataTypes.FloatType);
    ChunkValueVector v = new ChunkValueVector(type, DataType.COMPLEX64, buf, layout, extent);
    List<Integer> offsets = expectedOffsets(extent, new int[][] {null, null, {1, 3}});
    for (int r = 0; r < layout.rows(); r++) {
      assertEquals((float) offsets.get(r), v.getChild(0).getFloat(r));
      assertEquals((float) -offsets.get(r), v.getChild(1).getFloat(r));
    }
  }

  @Test
  void localIndicesMatchTheEnumeration() {
    int[] extent = {3, 4, 5};
    int[][] maps = {{0, 2}, null, {1, 2, 4}};
    RowLayout layout = new RowLayout(extent, maps);
    int r = 0;
    for (int i : maps[0]) {
      for (int j = 0; j < 4; j++) {
        for (int k : maps[2]) {
          assertEquals(i, layout.local(r, 0));
          assertEquals(j, layout.local(r, 1));
          assertEquals(k, layout.local(r, 2));
          r++;
        }
      }
    }
    assertEquals(r, layout.rows());
  }
}
