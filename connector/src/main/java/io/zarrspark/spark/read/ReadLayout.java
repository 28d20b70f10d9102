package io.zarrspark.spark.read;

import io.zarrspark.core.ZarrException;
import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.hierarchy.Node;
import io.zarrspark.core.hierarchy.Zarr;
import io.zarrspark.core.hierarchy.ZarrGroup;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.store.Store;
import io.zarrspark.core.store.StoreKeys;
import io.zarrspark.spark.ZarrOptions;
import io.zarrspark.spark.read.filter.CoordinateValues;
import io.zarrspark.spark.read.filter.DimensionValues;
import io.zarrspark.spark.read.filter.IndexValues;
import io.zarrspark.spark.read.vector.DimensionMappedVector;
import io.zarrspark.spark.read.vector.IndexVector;
import io.zarrspark.spark.read.vector.RowLayout;
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
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * What a read covers: data arrays of one set of dimensions, split by the first array's chunk
 * grid, with one column per dimension (a coordinate array's values where the group has one, else
 * the index) and one per array. Resolved once on the driver from metadata alone (consolidated
 * when present); serialisable for executors.
 */
public final class ReadLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] dimensionNames;
  private final long[] shape;
  private final int[] chunkShape;
  private final List<ArrayHandle> arrays;
  /** Per dimension, its coordinate array or null. */
  private final ArrayHandle[] coordinates;
  private final String groupAttributes;
  private final boolean chunkRows;
  private transient DimensionValues[] dimensionValues;

  private ReadLayout(String[] dimensionNames, long[] shape, int[] chunkShape, List<ArrayHandle> arrays,
      ArrayHandle[] coordinates, String groupAttributes, boolean chunkRows) {
    this.dimensionNames = dimensionNames;
    this.shape = shape;
    this.chunkShape = chunkShape;
    this.arrays = arrays;
    this.coordinates = coordinates;
    this.groupAttributes = groupAttributes;
    this.chunkRows = chunkRows;
  }

  public static ReadLayout resolve(Store store, String rootPath, ZarrOptions options) {
    Node node = Zarr.open(store, "");
    boolean cf = options.decodeCF();
    if (node instanceof Node.Array) {
      ZarrArray a = ((Node.Array) node).array();
      String name = StoreKeys.name(rootPath.replaceAll("/+$", "")).replaceAll("\\.zarr$", "");
      name = name.isEmpty() ? "value" : name;
      List<String> dims = dims(a);
      // A coordinate read alone: its dimension carries its name, so the index column gets a suffix.
      for (int i = 0; i < dims.size(); i++) {
        if (dims.get(i).equals(name)) {
          dims.set(i, name + "_index");
        }
      }
      return new ReadLayout(dims.toArray(new String[0]), a.shape(), a.grid().chunkShape(),
          List.of(new ArrayHandle(name, a, cf)), new ArrayHandle[a.shape().length], "{}", options.chunkLayout());
    }
    ZarrGroup g = ((Node.Group) node).group();
    Map<String, ZarrArray> byPath = new LinkedHashMap<>();
    for (ZarrArray a : g.arraysRecursive()) {
      byPath.put(a.path(), a);
    }
    Map<String, ZarrArray> coords = new LinkedHashMap<>();
    for (ZarrArray a : byPath.values()) {
      if (isCoordinate(a)) {
        coords.put(a.name(), a);
      }
    }
    List<ZarrArray> chosen = new ArrayList<>();
    if (!options.arrays().isEmpty()) {
      for (String n : options.arrays()) {
        ZarrArray a = byPath.get(StoreKeys.normalizePath(n));
        if (a == null) {
          throw new ZarrException("zarr: option arrays names '" + n + "', which is not an array of " + g
              + "; arrays: " + byPath.keySet());
        }
        chosen.add(a);
      }
    } else {
      for (ZarrArray a : byPath.values()) {
        if (!isCoordinate(a)) {
          chosen.add(a);
        }
      }
      if (chosen.isEmpty()) {
        chosen.addAll(byPath.values());
      }
    }
    if (chosen.isEmpty()) {
      throw new ZarrException("zarr: " + g + " contains no arrays");
    }
    Map<String, List<String>> sets = new LinkedHashMap<>();
    for (ZarrArray a : chosen) {
      sets.computeIfAbsent("dimensions " + dims(a) + " shape " + Arrays.toString(a.shape()), k -> new ArrayList<>())
          .add(a.path());
    }
    if (sets.size() > 1) {
      StringBuilder sb = new StringBuilder("zarr: the arrays of " + g + " do not share dimensions; read one set with "
          + "option(\"arrays\", \"a,b\"). Compatible sets:");
      sets.forEach((sig, names) -> sb.append("\n  ").append(sig).append(": ").append(String.join(",", names)));
      throw new ZarrException(sb.toString());
    }
    ZarrArray first = chosen.get(0);
    List<String> dims = dims(first);
    ArrayHandle[] coordinateHandles = new ArrayHandle[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      ZarrArray c = coords.get(dims.get(d));
      if (c != null && c.shape()[0] == first.shape()[d] && !chosen.contains(c)) {
        coordinateHandles[d] = new ArrayHandle(dims.get(d), c, cf);
      }
    }
    List<ArrayHandle> handles = new ArrayList<>();
    for (ZarrArray a : chosen) {
      String col = a.path().replace('/', '_');
      if (dims.contains(col)) {
        dims.set(dims.indexOf(col), col + "_index");
      }
      handles.add(new ArrayHandle(col, a, cf));
    }
    return new ReadLayout(dims.toArray(new String[0]), first.shape(), first.grid().chunkShape(), handles,
        coordinateHandles, g.attributes().toString(), options.chunkLayout());
  }

  /** A 1-D array whose only dimension bears its name: xarray's coordinate variable. */
  private static boolean isCoordinate(ZarrArray a) {
    List<String> d = a.metadata().dimensionNames().orElse(null);
    return a.shape().length == 1 && d != null && a.name().equals(d.get(0));
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

  /** Whether rows are chunks ({@code option("layout", "chunks")}) rather than elements. */
  public boolean chunkRows() {
    return chunkRows;
  }

  public StructType schema() {
    return chunkRows ? chunkSchema() : elementSchema();
  }

  /** One row per chunk: its grid coordinates, origin, in-bounds shape and each array's values. */
  private StructType chunkSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(new StructField("chunk", DataTypes.createArrayType(DataTypes.LongType, false), false, Metadata.empty()));
    fields.add(new StructField("origin", DataTypes.createArrayType(DataTypes.LongType, false), false, Metadata.empty()));
    fields.add(new StructField("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), false, Metadata.empty()));
    for (ArrayHandle h : arrays) {
      StructField f = h.field(h.column());
      fields.add(new StructField(f.name(), DataTypes.createArrayType(f.dataType(), f.nullable()), false, f.metadata()));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  private StructType elementSchema() {
    List<StructField> fields = new ArrayList<>();
    for (int d = 0; d < dimensionNames.length; d++) {
      fields.add(coordinates[d] != null ? coordinates[d].field(dimensionNames[d])
          : new StructField(dimensionNames[d], DataTypes.LongType, false, Metadata.empty()));
    }
    for (ArrayHandle h : arrays) {
      fields.add(h.field(h.column()));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** Whether any column can hold nulls (then COUNT(column) is not the row count). */
  public boolean hasNullableColumns() {
    for (StructField f : schema().fields()) {
      if (f.nullable()) {
        return true;
      }
    }
    return false;
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

  /** The group's attributes as JSON ("{}" for a lone array). */
  public String groupAttributes() {
    return groupAttributes;
  }

  /** Per dimension, the values its column shows, for translating filters; coordinates are read once. */
  public DimensionValues[] dimensionValues(Store store) {
    if (dimensionValues == null) {
      DimensionValues[] v = new DimensionValues[shape.length];
      for (int d = 0; d < v.length; d++) {
        v[d] = coordinates[d] == null ? new IndexValues(shape[d]) : coordinateValues(coordinates[d], store);
      }
      dimensionValues = v;
    }
    return dimensionValues;
  }

  private static CoordinateValues coordinateValues(ArrayHandle h, Store store) {
    NdArray all = h.open(store).readAll();
    int n = (int) all.size();
    RowLayout rows = new RowLayout(new int[] {n}, new int[][] {null});
    ColumnVector v = h.vector(all, rows, new int[] {n});
    Object[] values = new Object[n];
    org.apache.spark.sql.types.DataType t = h.sparkType();
    for (int i = 0; i < n; i++) {
      values[i] = v.isNullAt(i) ? null : comparable(v, i, t);
    }
    return new CoordinateValues(values);
  }

  private static Object comparable(ColumnVector v, int i, org.apache.spark.sql.types.DataType t) {
    if (t == DataTypes.FloatType) {
      return (double) v.getFloat(i);
    } else if (t == DataTypes.DoubleType) {
      return v.getDouble(i);
    } else if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
      return v.getLong(i);
    } else if (t == DataTypes.IntegerType) {
      return (long) v.getInt(i);
    } else if (t == DataTypes.ShortType) {
      return (long) v.getShort(i);
    } else if (t == DataTypes.ByteType) {
      return (long) v.getByte(i);
    }
    return null;
  }

  /** The column of dimension {@code dim} for a batch: computed index, or coordinate values. */
  public ColumnVector dimensionVector(int dim, long[] origin, RowLayout rows, int[] extent, Map<String, ZarrArray> opened) {
    if (coordinates[dim] == null) {
      return new IndexVector(dim, origin, rows);
    }
    ZarrArray c = opened.get(coordinates[dim].path());
    NdArray values = c.read(new long[] {origin[dim]}, new int[] {extent[dim]});
    RowLayout line = new RowLayout(new int[] {extent[dim]}, new int[][] {null});
    return new DimensionMappedVector(coordinates[dim].vector(values, line, new int[] {extent[dim]}), dim, rows);
  }

  /** Coordinate arrays, for opening on executors. */
  public List<ArrayHandle> coordinateHandles() {
    List<ArrayHandle> out = new ArrayList<>();
    for (ArrayHandle h : coordinates) {
      if (h != null) {
        out.add(h);
      }
    }
    return out;
  }

  /** Number of chunks of the split grid along each dimension. */
  public long[] gridShape() {
    long[] g = new long[shape.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = (shape[i] + chunkShape[i] - 1) / chunkShape[i];
    }
    return g;
  }
}
