package io.zarrspark.core.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Hadoop vectored reads ({@code FSDataInputStream.readVectored}, Hadoop 3.3.5+), reached through
 * reflection because core must also run on Hadoop 3.3.4 (Spark 3.5), which has neither the
 * method nor {@code FileRange}. Object stores turn one vectored call into parallel (and merged)
 * ranged GETs; local and HDFS streams read the ranges asynchronously.
 */
final class VectoredReads {
  private static final Method READ_VECTORED;
  private static final Method CREATE_RANGE;
  private static final Method GET_DATA;

  static {
    Method read = null;
    Method create = null;
    Method data = null;
    try {
      Class<?> fileRange = Class.forName("org.apache.hadoop.fs.FileRange", false, FSDataInputStream.class.getClassLoader());
      create = fileRange.getMethod("createFileRange", long.class, int.class);
      data = fileRange.getMethod("getData");
      read = FSDataInputStream.class.getMethod("readVectored", List.class, IntFunction.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      // Hadoop before 3.3.5: positional reads instead.
      read = null;
    }
    READ_VECTORED = read;
    CREATE_RANGE = create;
    GET_DATA = data;
  }

  private VectoredReads() {}

  /** Whether this Hadoop has vectored reads. */
  static boolean available() {
    return READ_VECTORED != null;
  }

  /**
   * Reads {@code ranges} (any order, overlaps allowed) with one vectored call and returns heap
   * buffers positioned at 0, in request order. Hadoop requires disjoint ranges, so overlapping
   * ones are merged and the requests are cut out of the merged buffers.
   */
  static List<ByteBuffer> read(FSDataInputStream in, List<ByteRange> ranges) throws IOException {
    Integer[] order = new Integer[ranges.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong(i -> ranges.get(i).offset()));
    List<ByteRange> merged = new ArrayList<>();
    int[] home = new int[ranges.size()];
    for (int i : order) {
      ByteRange r = ranges.get(i);
      if (r.length() == 0) {
        home[i] = -1;
        continue;
      }
      ByteRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r.offset() < last.end()) {
        merged.set(merged.size() - 1, new ByteRange(last.offset(), Math.max(last.end(), r.end()) - last.offset()));
      } else {
        merged.add(r);
      }
      home[i] = merged.size() - 1;
    }
    List<ByteBuffer> data = readDisjoint(in, merged);
    List<ByteBuffer> out = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      ByteRange r = ranges.get(i);
      if (home[i] < 0) {
        out.add(ByteBuffer.allocate(0));
        continue;
      }
      ByteRange m = merged.get(home[i]);
      ByteBuffer b = data.get(home[i]);
      if (r.equals(m) && b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.capacity()) {
        out.add(b);
      } else {
        byte[] copy = new byte[(int) r.length()];
        b.duplicate().position(b.position() + (int) (r.offset() - m.offset())).get(copy);
        out.add(ByteBuffer.wrap(copy));
      }
    }
    return out;
  }

  private static List<ByteBuffer> readDisjoint(FSDataInputStream in, List<ByteRange> ranges) throws IOException {
    try {
      List<Object> fileRanges = new ArrayList<>(ranges.size());
      for (ByteRange r : ranges) {
        fileRanges.add(CREATE_RANGE.invoke(null, r.offset(), (int) r.length()));
      }
      IntFunction<ByteBuffer> heap = ByteBuffer::allocate;
      READ_VECTORED.invoke(in, fileRanges, heap);
      List<ByteBuffer> out = new ArrayList<>(ranges.size());
      for (int k = 0; k < ranges.size(); k++) {
        CompletableFuture<?> f = (CompletableFuture<?>) GET_DATA.invoke(fileRanges.get(k));
        ByteBuffer b = (ByteBuffer) f.get();
        if (b.remaining() != ranges.get(k).length()) {
          throw new IOException("vectored read of " + ranges.get(k) + " returned " + b.remaining() + " bytes");
        }
        out.add(b);
      }
      return out;
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IOException("cannot call Hadoop vectored reads: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during a vectored read");
    }
  }

  /** The IOException behind a reflective or asynchronous failure, or the unchecked one. */
  private static IOException rethrow(Throwable t) {
    if (t instanceof UncheckedIOException) {
      t = t.getCause();
    }
    if (t instanceof IOException) {
      return (IOException) t;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new IOException(t);
  }
}
