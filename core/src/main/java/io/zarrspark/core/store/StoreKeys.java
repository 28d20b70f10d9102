package io.zarrspark.core.store;

/**
 * Validation and composition of store keys. A key is a '/'-separated relative path; nothing a
 * metadata document or a user option contains may make a key resolve outside the store root.
 */
public final class StoreKeys {
  private StoreKeys() {}

  /** Returns {@code key} if it is a safe relative key, else throws naming the key. */
  public static String validate(String key) {
    if (key == null) {
      throw new InvalidKeyException("store key is null");
    }
    if (key.isEmpty()) {
      throw new InvalidKeyException("store key is empty");
    }
    if (key.startsWith("/")) {
      throw new InvalidKeyException("store key '" + key + "' is absolute; keys are relative to the store root");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' || c < 0x20) {
        // A backslash is a separator on some file systems; control characters are never valid names.
        throw new InvalidKeyException("store key '" + key + "' contains a forbidden character '" + c + "'");
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new InvalidKeyException("store key '" + key + "' has an empty path segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidKeyException("store key '" + key + "' escapes the store root through '" + segment + "'");
      }
    }
    return key;
  }

  /** Validates a node path: like a key, but the empty string names the store root. */
  public static String validatePath(String path) {
    String p = normalizePath(path);
    return p.isEmpty() ? p : validate(p);
  }

  /** Strips leading and trailing slashes, so "/a/b/" and "a/b" name the same node. */
  public static String normalizePath(String path) {
    if (path == null) {
      return "";
    }
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  /** Joins a node path and a relative name, validating the result. */
  public static String join(String path, String name) {
    String p = normalizePath(path);
    return validate(p.isEmpty() ? name : p + "/" + name);
  }

  /** The last segment of a path ("" for the root). */
  public static String name(String path) {
    String p = normalizePath(path);
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /** The parent path of a node ("" for a child of the root); the root has no parent. */
  public static String parent(String path) {
    String p = normalizePath(path);
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }
}
