package io.zarrspark.core.bench;

import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.builtin.BloscCodec;
import io.zarrspark.core.codec.builtin.BloscCodec.Shuffle;
import io.zarrspark.core.codec.builtin.ZstdCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread decode throughput of blosc against plain zstd on smooth float32 data. Not a unit
 * test (timings belong nowhere near CI). Run after {@code mvn -pl core test-compile}:
 *
 * <pre>
 * mvn -o -q -pl core exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.zarrspark.core.bench.BloscDecodeBenchmark [-Dexec.args="64 4 15"]
 * </pre>
 *
 * Arguments: total MiB (64), chunk MiB (4), timed runs (15). Prints, per codec, the compression
 * ratio and the median (and best) decode rate in MB/s of decoded bytes (1 MB = 10^6 bytes).
 */
public final class BloscDecodeBenchmark {
  private BloscDecodeBenchmark() {}

  /** A smooth 2-D field, like a temperature grid: neighbours differ only in low mantissa bits. */
  static byte[] smoothField(int totalBytes) {
    int n = totalBytes / 4;
    int width = 4096;
    ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      int x = i % width;
      int y = i / width;
      b.putFloat((float) (280.0 + 15.0 * Math.sin(x / 300.0) * Math.cos(y / 470.0) + 0.002 * x - 0.001 * y));
    }
    return b.array();
  }

  static List<ByteBuffer> encodeChunks(BytesToBytesCodec codec, byte[] data, int chunk) {
    List<ByteBuffer> out = new ArrayList<>();
    for (int off = 0; off < data.length; off += chunk) {
      int len = Math.min(chunk, data.length - off);
      out.add(codec.encode(ByteBuffer.wrap(data, off, len).slice()));
    }
    return out;
  }

  /** Decodes every chunk once; returns the nanoseconds taken and checks the bytes decoded. */
  static long decodeAll(BytesToBytesCodec codec, List<ByteBuffer> chunks, int chunk, long expectBytes) {
    long t0 = System.nanoTime();
    long total = 0;
    for (ByteBuffer c : chunks) {
      total += codec.decode(c.duplicate(), chunk).remaining();
    }
    long t = System.nanoTime() - t0;
    if (total != expectBytes) {
      throw new IllegalStateException(codec + " decoded " + total + " bytes, expected " + expectBytes);
    }
    return t;
  }

  public static void main(String[] args) {
    int totalMiB = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int chunkMiB = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    byte[] data = smoothField(totalMiB << 20);
    int chunk = chunkMiB << 20;
    List<BytesToBytesCodec> codecs = List.of(
        new BloscCodec("lz4", 5, Shuffle.SHUFFLE, 4, 0),
        new BloscCodec("zstd", 5, Shuffle.SHUFFLE, 4, 0),
        new BloscCodec("lz4", 5, Shuffle.BITSHUFFLE, 4, 0),
        new BloscCodec("blosclz", 5, Shuffle.SHUFFLE, 4, 0),
        new ZstdCodec(3, false));
    System.out.printf(Locale.ROOT, "%d MiB of smooth float32 in %d MiB chunks; single thread; %s; %d timed runs%n",
        totalMiB, chunkMiB, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), runs);
    for (BytesToBytesCodec codec : codecs) {
      List<ByteBuffer> chunks = encodeChunks(codec, data, chunk);
      long encoded = chunks.stream().mapToLong(ByteBuffer::remaining).sum();
      // Check once that the round trip is exact before timing anything.
      ByteBuffer first = codec.decode(chunks.get(0).duplicate(), chunk);
      if (!first.equals(ByteBuffer.wrap(data, 0, Math.min(chunk, data.length)))) {
        throw new IllegalStateException(codec + " does not round-trip");
      }
      for (int i = 0; i < 5; i++) {
        decodeAll(codec, chunks, chunk, data.length);
      }
      long[] ns = new long[runs];
      for (int i = 0; i < runs; i++) {
        ns[i] = decodeAll(codec, chunks, chunk, data.length);
      }
      Arrays.sort(ns);
      System.out.printf(Locale.ROOT, "%-42s ratio %5.2f  decode median %7.0f MB/s  best %7.0f MB/s%n", codec,
          (double) data.length / encoded, data.length * 1e3 / ns[runs / 2], data.length * 1e3 / ns[0]);
    }
  }
}
