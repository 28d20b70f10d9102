package io.zarrspark.core.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A store on any Hadoop {@link FileSystem} (file://, hdfs://, s3a://, abfs://, gs://). Keys map
 * to files below the root; ranges use positional reads so that concurrent readers of one object
 * never share a stream position.
 */
public final class FileSystemStore implements Store {
  private final FileSystem fs;
  private final Path root;
  private final String description;

  public FileSystemStore(URI root, Configuration conf) {
    try {
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
      this.description = this.root.toString();
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
    try {
      FileStatus st = fs.getFileStatus(path);
      if (st.isDirectory()) {
        return Optional.empty();
      }
      long len = st.getLen();
      RangeChecks.check(description, key, len, 0, len);
      byte[] buf = new byte[(int) len];
      try (FSDataInputStream in = fs.open(path)) {
        in.readFully(0, buf);
      }
      return Optional.of(ByteBuffer.wrap(buf));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<ByteBuffer> getRange(String key, long offset, long length) {
    Path path = pathOf(key);
    try {
      FileStatus st = fs.getFileStatus(path);
      RangeChecks.check(description, key, st.getLen(), offset, length);
      byte[] buf = new byte[(int) length];
      try (FSDataInputStream in = fs.open(path)) {
        in.readFully(offset, buf);
      }
      return Optional.of(ByteBuffer.wrap(buf));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<List<ByteBuffer>> getRanges(String key, List<ByteRange> ranges) {
    Path path = pathOf(key);
    try {
      FileStatus st = fs.getFileStatus(path);
      for (ByteRange r : ranges) {
        RangeChecks.check(description, key, st.getLen(), r.offset(), r.length());
      }
      List<ByteBuffer> out = new ArrayList<>(ranges.size());
      // One open stream serves all ranges: one round trip to open instead of one per range.
      try (FSDataInputStream in = fs.open(path)) {
        for (ByteRange r : ranges) {
          byte[] buf = new byte[(int) r.length()];
          in.readFully(r.offset(), buf);
          out.add(ByteBuffer.wrap(buf));
        }
      }
      return Optional.of(out);
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<ByteBuffer> getSuffix(String key, long length) {
    Optional<Long> size = size(key);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    return getRange(key, size.get() - length, length);
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
