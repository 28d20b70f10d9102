package io.zarrspark.core.array;

import io.zarrspark.core.grid.ChunkGrid;
import java.util.function.Consumer;

/** Iteration over the chunks a region touches, with the intersection in both coordinate frames. */
final class RegionWalk {
  private RegionWalk() {}

  interface ChunkVisitor {
    /**
     * @param coords chunk coordinates
     * @param inChunk offset of the intersection inside the chunk
     * @param inRegion offset of the intersection inside the region
     * @param extent shape of the intersection
     */
    void visit(long[] coords, int[] inChunk, int[] inRegion, int[] extent);
  }

  static void forEachChunk(ChunkGrid grid, long[] offset, int[] shape, ChunkVisitor v) {
    int rank = shape.length;
    long[] lo = new long[rank];
    long[] hi = new long[rank];
    for (int d = 0; d < rank; d++) {
      if (shape[d] == 0) {
        return;
      }
      lo[d] = offset[d] / grid.chunkShape(d);
      hi[d] = (offset[d] + shape[d] - 1) / grid.chunkShape(d);
    }
    long[] c = lo.clone();
    int[] inChunk = new int[rank];
    int[] inRegion = new int[rank];
    int[] extent = new int[rank];
    while (true) {
      for (int d = 0; d < rank; d++) {
        long cs = grid.chunkShape(d);
        long cStart = c[d] * cs;
        long start = Math.max(cStart, offset[d]);
        long end = Math.min(cStart + cs, offset[d] + shape[d]);
        inChunk[d] = (int) (start - cStart);
        inRegion[d] = (int) (start - offset[d]);
        extent[d] = (int) (end - start);
      }
      v.visit(c.clone(), inChunk.clone(), inRegion.clone(), extent.clone());
      int d = rank - 1;
      while (d >= 0) {
        if (++c[d] <= hi[d]) {
          break;
        }
        c[d] = lo[d];
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }

  /** Visits every cell of a grid in C order (an empty grid visits nothing; rank 0 visits one). */
  static void forEachGridCell(long[] gridShape, Consumer<long[]> v) {
    for (long g : gridShape) {
      if (g == 0) {
        return;
      }
    }
    long[] c = new long[gridShape.length];
    while (true) {
      v.accept(c.clone());
      int d = gridShape.length - 1;
      while (d >= 0) {
        if (++c[d] < gridShape[d]) {
          break;
        }
        c[d] = 0;
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }
}
