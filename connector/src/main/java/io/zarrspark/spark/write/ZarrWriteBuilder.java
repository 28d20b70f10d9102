package io.zarrspark.spark.write;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.hierarchy.Node;
import io.zarrspark.core.hierarchy.ZarrGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/**
 * Decides what the write does (create, overwrite or append) from how Spark asks for it and what
 * is stored, and resolves the layout on the driver, so option and schema errors fail before any
 * task runs.
 */
public final class ZarrWriteBuilder implements WriteBuilder, SupportsTruncate {
  private final WriteTarget target;
  private final LogicalWriteInfo info;
  private boolean truncate;

  public ZarrWriteBuilder(WriteTarget target, LogicalWriteInfo info) {
    this.target = target;
    this.info = info;
  }

  @Override
  public WriteBuilder truncate() {
    this.truncate = true;
    return this;
  }

  @Override
  public Write build() {
    Optional<Node> node = target.node();
    Map<String, String> raw = new HashMap<>(storedDefaults(node));
    raw.putAll(target.tableOptions());
    raw.putAll(info.options().asCaseSensitiveMap());
    WriteOptions options = WriteOptions.parse(raw);
    if (node.isEmpty() && target.holdsOtherData()) {
      throw WriteOptions.bad(target.path() + " exists and is not a Zarr group; refusing to write into it");
    }
    WriteLayout layout;
    boolean replace = truncate || target.createdByStatement();
    if (node.isPresent() && !replace) {
      if (!(node.get() instanceof Node.Group)) {
        throw WriteOptions.bad(target.path() + " is a Zarr array, not a group; append writes into groups that"
            + " format(\"zarr\") wrote (use mode overwrite to replace it)");
      }
      ZarrGroup g = ((Node.Group) node.get()).group();
      List<ZarrArray> arrays = new ArrayList<>();
      for (String name : g.childNames()) {
        Node child = g.child(name);
        if (child instanceof Node.Array) {
          arrays.add(((Node.Array) child).array());
        }
      }
      layout = WriteLayout.forAppend(target.path(), target.store(), info.schema(), options, g.format(), arrays);
    } else {
      WriteMode mode = node.isPresent() ? WriteMode.OVERWRITE : WriteMode.CREATE;
      layout = WriteLayout.forNewGroup(mode, target.path(), target.store(), info.schema(), options);
    }
    return new ZarrWrite(layout);
  }

  /**
   * A group being replaced keeps its dimensions and format unless the write says otherwise:
   * INSERT OVERWRITE passes no options at all.
   */
  private static Map<String, String> storedDefaults(Optional<Node> node) {
    Map<String, String> d = new HashMap<>();
    if (node.isEmpty() || !(node.get() instanceof Node.Group)) {
      return d;
    }
    ZarrGroup g = ((Node.Group) node.get()).group();
    d.put("zarrFormat", String.valueOf(g.format().number()));
    for (String name : g.childNames()) {
      Node child = g.child(name);
      if (child instanceof Node.Array) {
        ((Node.Array) child).array().metadata().dimensionNames().ifPresent(n -> {
          if (!n.contains(null)) {
            d.put("dimensions", String.join(",", n));
          }
        });
        break;
      }
    }
    return d;
  }
}
