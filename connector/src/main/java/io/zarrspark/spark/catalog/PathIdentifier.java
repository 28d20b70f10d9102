package io.zarrspark.spark.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.connector.catalog.Identifier;

/**
 * The identifier of a path-based read or write: the path as its name, and the options of the
 * {@code DataFrameReader}/{@code Writer}. Spark hands this object, unchanged, from
 * {@code extractIdentifier} to {@code loadTable}, which takes no options of its own; the options
 * are needed there because some of them ({@code arrays}, Hadoop {@code fs.*} settings) decide
 * which table is loaded. Equality is by name only, as for any identifier.
 */
public final class PathIdentifier implements Identifier {
  private final String path;
  private final Map<String, String> options;

  public PathIdentifier(String path, Map<String, String> options) {
    this.path = path;
    this.options = Map.copyOf(options);
  }

  @Override
  public String[] namespace() {
    return new String[0];
  }

  @Override
  public String name() {
    return path;
  }

  Map<String, String> options() {
    return options;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Identifier)) {
      return false;
    }
    Identifier i = (Identifier) o;
    return i.namespace().length == 0 && Objects.equals(i.name(), path);
  }

  @Override
  public int hashCode() {
    // As Spark's own identifiers hash: namespace array, then name.
    return Objects.hash(Arrays.hashCode(new String[0]), path);
  }

  @Override
  public String toString() {
    return "`" + path.replace("`", "``") + "`";
  }
}
