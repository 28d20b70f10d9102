package io.zarrspark.core.ndarray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Copies of rectangular regions between arrays of the same element type. */
public final class NdCopy {
  private NdCopy() {}

  /**
   * Copies the box of {@code extent} at {@code srcOffset} in {@code src} to {@code dstOffset} in
   * {@code dst}. The innermost dimensions that are copied whole are merged into one run, so a
   * chunk-aligned copy is a handful of {@code System.arraycopy} calls.
   */
  public static void copy(NdArray src, int[] srcOffset, NdArray dst, int[] dstOffset, int[] extent) {
    int rank = extent.length;
    if (src.rank() != rank || dst.rank() != rank) {
      throw new IllegalArgumentException("rank mismatch in region copy");
    }
    int es = src.type().byteSize();
    if (dst.type().byteSize() != es) {
      throw new IllegalArgumentException("element size mismatch in region copy");
    }
    for (int d = 0; d < rank; d++) {
      if (extent[d] == 0) {
        return;
      }
      if (srcOffset[d] < 0 || srcOffset[d] + extent[d] > src.dim(d)
          || dstOffset[d] < 0 || dstOffset[d] + extent[d] > dst.dim(d)) {
        throw new IndexOutOfBoundsException("region copy out of bounds in dimension " + d);
      }
    }
    byte[] s = src.data();
    byte[] t = dst.data();
    // String handles are only meaningful with their heap: between arrays with different heaps
    // the strings themselves are appended to the destination's heap and the handles rewritten.
    StringHeap rehome = src.heap() != null && dst.heap() != null && src.heap() != dst.heap() ? dst.heap() : null;
    if ((src.heap() == null) != (dst.heap() == null)) {
      throw new IllegalArgumentException("cannot copy between string and non-string arrays");
    }
    if (rank == 0) {
      run(s, 0, t, 0, es, src.heap(), rehome);
      return;
    }
    long[] ss = Shapes.strides(src.shape());
    long[] ds = Shapes.strides(dst.shape());
    // Merge trailing dimensions that are contiguous in both arrays.
    int inner = rank - 1;
    long run = extent[inner];
    while (inner > 0 && extent[inner] == src.dim(inner) && extent[inner] == dst.dim(inner)) {
      inner--;
      run *= extent[inner];
    }
    int runBytes = Math.toIntExact(run * es);
    int outer = inner;
    int[] idx = new int[outer];
    while (true) {
      long so = srcOffset[outer] * ss[outer];
      long dof = dstOffset[outer] * ds[outer];
      for (int d = 0; d < outer; d++) {
        so += (long) (srcOffset[d] + idx[d]) * ss[d];
        dof += (long) (dstOffset[d] + idx[d]) * ds[d];
      }
      for (int d = outer + 1; d < rank; d++) {
        so += (long) srcOffset[d] * ss[d];
        dof += (long) dstOffset[d] * ds[d];
      }
      run(s, (int) (so * es), t, (int) (dof * es), runBytes, src.heap(), rehome);
      int d = outer - 1;
      while (d >= 0) {
        if (++idx[d] < extent[d]) {
          break;
        }
        idx[d] = 0;
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }

  /** One contiguous run: raw bytes, or string handles re-pointed into {@code rehome}. */
  private static void run(byte[] s, int so, byte[] t, int to, int bytes, StringHeap srcHeap, StringHeap rehome) {
    if (rehome == null) {
      System.arraycopy(s, so, t, to, bytes);
      return;
    }
    ByteBuffer in = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < bytes; i += StringHeap.HANDLE_BYTES) {
      int len = in.getInt(so + i + 4);
      out.putInt(to + i, rehome.append(srcHeap.bytes(), in.getInt(so + i), len));
      out.putInt(to + i + 4, len);
    }
  }
}
