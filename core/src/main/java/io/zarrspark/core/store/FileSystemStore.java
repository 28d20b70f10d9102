package io.zarrspark.core.store;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FutureDataInputStreamBuilder;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A store on any Hadoop {@link FileSystem} (file://, hdfs://, s3a://, abfs://, gs://). Keys map
 * to files below the root; ranges use positional (or, on Hadoop 3.3.5+, vectored) reads so that
 * concurrent readers of one object never share a stream position.
 */
public final class FileSystemStore implements Store {
  /**
   * Configuration key: whether several ranges of one key are read with one Hadoop vectored read
   * (default true; only possible on Hadoop 3.3.5+). False reads them one by one on one stream.
   */
  public static final String VECTORED_READS = "zarrspark.store.vectored-reads";
  /** Reads larger than this check the file length before allocating their buffers. */
  static final long LARGE_READ = 16L << 20;
  /** The largest value one buffer holds (as RangeChecks). */
  private static final long MAX_VALUE = Integer.MAX_VALUE - 16;

  private final FileSystem fs;
  private final Path root;
  private final String description;
  private final boolean vectored;

  public FileSystemStore(URI root, Configuration conf) {
    try {
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
      this.description = this.root.toString();
      this.vectored = VectoredReads.available() && conf.getBoolean(VECTORED_READS, true);
    } catch (IOException e) {
      throw new StoreException("cannot open file system for " + root + ": " + e.getMessage(), e);
    }
  }

  public FileSystemStore(String root, Configuration conf) {
    this(new Path(root).toUri(), conf);
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public Path root() {
    return root;
  }

  /** Whether {@link #getRanges} uses Hadoop vectored reads (Hadoop 3.3.5+, {@link #VECTORED_READS}). */
  public boolean vectoredReads() {
    return vectored;
  }

  /** The file of a key. Hadoop paths cannot hold ':' (it reads as a scheme), so such keys are refused. */
  public Path pathOf(String key) {
    StoreKeys.validate(key);
    if (key.indexOf(':') >= 0) {
      throw new InvalidKeyException("store key '" + key + "' contains ':', which Hadoop file system paths cannot hold");
    }
    return new Path(root, new Path(null, null, key));
  }

  private Path pathOfNode(String prefix) {
    String p = StoreKeys.validatePath(prefix);
    return p.isEmpty() ? root : pathOf(p);
  }

  @Override
  public Optional<ByteBuffer> get(String key) {
    Path path = pathOf(key);
    // No getFileStatus first: opening is the existence check, and reading to the end gives the
    // length, so a whole-value read is one round trip fewer (a HEAD less on object stores).
    try (FSDataInputStream in = open(path, null, "whole-file, sequential")) {
      return Optional.of(ByteBuffer.wrap(readToEnd(in, "key '" + key + "' in " + description)));
    } catch (FileNotFoundException e) {
      // also a directory: Hadoop refuses to open one as a file
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  /**
   * The rest of the stream. Its {@code available()} (the remaining file length for local, HDFS
   * and S3A streams) sizes the buffer exactly, so the usual read has no copy; should the hint be
   * short the buffer grows by doubling, up to the limit of one buffer and never beyond.
   */
  static byte[] readToEnd(InputStream in, String what) throws IOException {
    int hint = Math.max(in.available(), 0);
    if (hint >= MAX_VALUE) {
      throw tooLarge(what);
    }
    byte[] buf = new byte[hint];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        int next = in.read();
        if (next < 0) {
          return buf;
        }
        if (buf.length >= MAX_VALUE) {
          throw tooLarge(what);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_VALUE, Math.max(2L * buf.length, 8192)));
        buf[n++] = (byte) next;
        continue;
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        return Arrays.copyOf(buf, n);
      }
      n += r;
    }
  }

  private static StoreException tooLarge(String what) {
    return new StoreException(what + " is larger than one buffer can hold (2 GiB)");
  }

  @Override
  public Optional<ByteBuffer> getRange(String key, long offset, long length) {
    RangeChecks.check(description, key, Long.MAX_VALUE, offset, length);
    return getRanges(key, List.of(new ByteRange(offset, length))).map(l -> l.get(0));
  }

  @Override
  public Optional<List<ByteBuffer>> getRanges(String key, List<ByteRange> ranges) {
    Path path = pathOf(key);
    long total = 0;
    for (ByteRange r : ranges) {
      RangeChecks.check(description, key, Long.MAX_VALUE, r.offset(), r.length());
      total += r.length();
    }
    try {
      // Small reads open the file straight away (a range past the end shows as EOF). Large ones
      // check the length first, so a bad offset in a corrupt shard index cannot make us allocate
      // gigabytes; handing the status to openFile spares object stores a second HEAD.
      FileStatus st = null;
      if (total > LARGE_READ) {
        st = fs.getFileStatus(path);
        for (ByteRange r : ranges) {
          RangeChecks.check(description, key, st.getLen(), r.offset(), r.length());
        }
      }
      try (FSDataInputStream in = open(path, st, "vector, random")) {
        if (vectored && ranges.size() > 1) {
          return Optional.of(VectoredReads.read(in, ranges));
        }
        // One open stream serves all ranges: one round trip to open instead of one per range.
        List<ByteBuffer> out = new ArrayList<>(ranges.size());
        for (ByteRange r : ranges) {
          byte[] buf = new byte[(int) r.length()];
          in.readFully(r.offset(), buf);
          out.add(ByteBuffer.wrap(buf));
        }
        return Optional.of(out);
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (EOFException e) {
      throw new StoreException("a byte range of " + ranges + " is outside key '" + key + "' in " + description
          + " (the value ends before it): " + e.getMessage(), e);
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<ByteBuffer> getSuffix(String key, long length) {
    Path path = pathOf(key);
    try {
      FileStatus st = fs.getFileStatus(path);
      if (st.isDirectory()) {
        return Optional.empty();
      }
      long len = st.getLen();
      RangeChecks.check(description, key, len, len - length, length);
      byte[] buf = new byte[(int) length];
      // The status is handed on, so the length costs no second round trip when opening.
      try (FSDataInputStream in = open(path, st, "random")) {
        in.readFully(len - length, buf);
      }
      return Optional.of(ByteBuffer.wrap(buf));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  /**
   * Opens through the openFile builder: a known status spares object stores their HEAD request,
   * and the read policy (an optional hint, ignored where unknown, as on Hadoop 3.3.4) lets them
   * pick whole-object or ranged GETs.
   */
  private FSDataInputStream open(Path path, FileStatus status, String readPolicy) throws IOException {
    FutureDataInputStreamBuilder b = fs.openFile(path).opt("fs.option.openfile.read.policy", readPolicy);
    if (status != null) {
      b = b.withFileStatus(status);
    }
    try {
      return b.build().get();
    } catch (IllegalArgumentException e) {
      if (status == null) {
        throw e;
      }
      // Before Hadoop 3.3.5 S3A refuses a status whose path differs in any way (a mounted or
      // view file system); the status is only a hint, so open without it.
      return open(path, null, readPolicy);
    } catch (ExecutionException e) {
      Throwable c = e.getCause() instanceof UncheckedIOException ? e.getCause().getCause() : e.getCause();
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IOException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while opening " + path);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      FileStatus st = fs.getFileStatus(pathOf(key));
      return st.isDirectory() ? Optional.empty() : Optional.of(st.getLen());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("stat", key, e);
    }
  }

  @Override
  public void put(String key, ByteBuffer value) {
    Path path = pathOf(key);
    ByteBuffer dup = value.duplicate();
    try (FSDataOutputStream out = fs.create(path, true)) {
      if (dup.hasArray()) {
        out.write(dup.array(), dup.arrayOffset() + dup.position(), dup.remaining());
      } else {
        byte[] tmp = new byte[dup.remaining()];
        dup.get(tmp);
        out.write(tmp);
      }
    } catch (IOException e) {
      throw failure("write", key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      fs.delete(pathOf(key), false);
    } catch (FileNotFoundException e) {
      // already gone: deleting a missing key is not an error
    } catch (IOException e) {
      throw failure("delete", key, e);
    }
  }

  @Override
  public void deletePrefix(String prefix) {
    Path p = pathOfNode(prefix);
    try {
      if (p.equals(root)) {
        for (FileStatus st : fs.listStatus(root)) {
          fs.delete(st.getPath(), true);
        }
      } else {
        fs.delete(p, true);
      }
    } catch (FileNotFoundException e) {
      // nothing to delete
    } catch (IOException e) {
      throw failure("delete", prefix, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    Path base = pathOfNode(prefix);
    String rootString = root.toUri().getPath();
    List<String> out = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
      while (it.hasNext()) {
        String p = it.next().getPath().toUri().getPath();
        out.add(relativize(rootString, p));
      }
    } catch (FileNotFoundException e) {
      return out;
    } catch (IOException e) {
      throw failure("list", prefix, e);
    }
    Collections.sort(out);
    return out;
  }

  @Override
  public List<String> listChildren(String prefix) {
    Path base = pathOfNode(prefix);
    List<String> out = new ArrayList<>();
    try {
      for (FileStatus st : fs.listStatus(base)) {
        out.add(st.getPath().getName());
      }
    } catch (FileNotFoundException e) {
      return out;
    } catch (IOException e) {
      throw failure("list", prefix, e);
    }
    Collections.sort(out);
    return out;
  }

  private static String relativize(String rootPath, String path) {
    String r = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    if (!path.startsWith(r)) {
      throw new StoreException("listed path " + path + " is not below the store root " + rootPath);
    }
    return path.substring(r.length());
  }

  private StoreException failure(String what, String key, IOException e) {
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt();
    }
    return new StoreException("cannot " + what + " key '" + key + "' in " + description + ": " + e, e);
  }

  @Override
  public String describe() {
    return description;
  }
}
