package io.zarrspark.spark.read;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.hierarchy.Node;
import io.zarrspark.core.hierarchy.Zarr;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import io.zarrspark.spark.ZarrOptions;
import io.zarrspark.spark.schema.SparkTypes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a read covers: arrays of one shape, read together split by the first array's chunk grid,
 * with one column per dimension and one per array. Resolved once on the driver from metadata
 * alone (consolidated when present); serialisable for executors.
 */
public final class ReadLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] dimensionNames;
  private final long[] shape;
  private final int[] chunkShape;
  private final List<ArrayHandle> arrays;

  private ReadLayout(String[] dimensionNames, long[] shape, int[] chunkShape, List<ArrayHandle> arrays) {
    this.dimensionNames = dimensionNames;
    this.shape = shape;
    this.chunkShape = chunkShape;
    this.arrays = arrays;
  }

  public static ReadLayout resolve(Store store, String rootPath, ZarrOptions options) {
    Node node = Zarr.open(store, "");
    if (node instanceof Node.Array) {
      ZarrArray a = ((Node.Array) node).array();
      String name = StoreKeys.name(rootPath).replaceAll("\\.zarr$", "");
      return of(List.of(a), List.of(name.isEmpty() ? "value" : name), true);
    }
    ZarrGroup g = ((Node.Group) node).group();
    Map<String, ZarrArray> byName = new LinkedHashMap<>();
    for (ZarrArray a : g.arraysRecursive()) {
      byName.put(a.path(), a);
    }
    List<ZarrArray> chosen = new ArrayList<>();
    if (!options.arrays().isEmpty()) {
      for (String n : options.arrays()) {
        ZarrArray a = byName.get(StoreKeys.normalizePath(n));
        if (a == null) {
          throw new ZarrException("zarr: option arrays names '" + n + "', which is not an array of " + g
              + "; arrays: " + byName.keySet());
        }
        chosen.add(a);
      }
    } else {
      chosen.addAll(byName.values());
    }
    if (chosen.isEmpty()) {
      throw new ZarrException("zarr: " + g + " contains no arrays");
    }
    Map<String, List<String>> sets = new LinkedHashMap<>();
    for (ZarrArray a : chosen) {
      sets.computeIfAbsent(signature(a), k -> new ArrayList<>()).add(a.path());
    }
    if (sets.size() > 1) {
      StringBuilder sb = new StringBuilder("zarr: the arrays of " + g + " do not share dimensions; read one set with "
          + "option(\"arrays\", ...). Compatible sets:");
      sets.forEach((sig, names) -> sb.append("\n  ").append(sig).append(": ").append(String.join(",", names)));
      throw new ZarrException(sb.toString());
    }
    List<String> columns = new ArrayList<>();
    for (ZarrArray a : chosen) {
      columns.add(a.path().replace('/', '_'));
    }
    return of(chosen, columns, false);
  }

  private static String signature(ZarrArray a) {
    return "dims " + dims(a) + " shape " + Arrays.toString(a.shape());
  }

  private static List<String> dims(ZarrArray a) {
    List<String> out = new ArrayList<>();
    List<String> named = a.metadata().dimensionNames().orElse(null);
    for (int i = 0; i < a.shape().length; i++) {
      String n = named == null ? null : named.get(i);
      out.add(n == null ? "dim_" + i : n);
    }
    return out;
  }

  private static ReadLayout of(List<ZarrArray> arrays, List<String> columns, boolean single) {
    ZarrArray first = arrays.get(0);
    List<String> dims = dims(first);
    List<ArrayHandle> handles = new ArrayList<>();
    for (int i = 0; i < arrays.size(); i++) {
      String col = columns.get(i);
      if (dims.contains(col)) {
        // A 1-D array read alone whose dimension carries its own name (a coordinate variable).
        col = single ? col : col + "_values";
        dims.set(dims.indexOf(columns.get(i)), columns.get(i) + "_index");
      }
      handles.add(new ArrayHandle(col, arrays.get(i)));
    }
    return new ReadLayout(dims.toArray(new String[0]), first.shape(), first.grid().chunkShape(), handles);
  }

  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (String d : dimensionNames) {
      fields.add(new StructField(d, DataTypes.LongType, false, Metadata.empty()));
    }
    for (ArrayHandle h : arrays) {
      fields.add(new StructField(h.column(), SparkTypes.of(h.metadata().dataType()), false,
          SparkTypes.metadata(h.metadata().dataType(), h.path())));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  public String[] dimensionNames() {
    return dimensionNames.clone();
  }

  public long[] shape() {
    return shape.clone();
  }

  public int[] chunkShape() {
    return chunkShape.clone();
  }

  public List<ArrayHandle> arrays() {
    return arrays;
  }

  /** Number of chunks of the split grid. */
  public long[] gridShape() {
    long[] g = new long[shape.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = (shape[i] + chunkShape[i] - 1) / chunkShape[i];
    }
    return g;
  }
}
