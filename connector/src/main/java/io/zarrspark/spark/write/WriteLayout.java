package io.zarrspark.spark.write;

import io.zarrspark.core.array.ZarrArray;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.metadata.ZarrFormat;
import io.zarrspark.spark.read.StoreSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Everything a write needs, resolved once on the driver from the input schema, the options and
 * (for appends) the stored arrays: which columns are dimensions and which become arrays, each
 * array's type and metadata template, and the block geometry. Shipped to every task.
 */
public final class WriteLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final WriteMode mode;
  private final String path;
  private final StoreSpec store;
  private final ZarrFormat format;
  private final String[] dimNames;
  private final String[] dimColumns;
  private final int[] dimOrdinals;
  private final WriteTypes.Source[] dimSources;
  private final List<ValueColumn> columns;
  private final BlockGeometry geometry;
  private final long[] fixedShape;
  private final long[] oldShape;
  private final String groupAttributes;

  WriteLayout(WriteMode mode, String path, StoreSpec store, ZarrFormat format, String[] dimNames, StructType input,
      int[] dimOrdinals, WriteTypes.Source[] dimSources, List<ValueColumn> columns, BlockGeometry geometry, long[] fixedShape,
      long[] oldShape, String groupAttributes) {
    this.mode = mode;
    this.path = path;
    this.store = store;
    this.format = format;
    this.dimNames = dimNames;
    this.dimColumns = new String[dimOrdinals.length];
    for (int d = 0; d < dimOrdinals.length; d++) {
      dimColumns[d] = input.fields()[dimOrdinals[d]].name();
    }
    this.dimOrdinals = dimOrdinals;
    this.dimSources = dimSources;
    this.columns = columns;
    this.geometry = geometry;
    this.fixedShape = fixedShape;
    this.oldShape = oldShape;
    this.groupAttributes = groupAttributes;
  }

  /** A layout for a new group at the path (CREATE or OVERWRITE). */
  static WriteLayout forNewGroup(WriteMode mode, String path, StoreSpec store, StructType schema, WriteOptions o) {
    List<String> dims = o.dimensions();
    if (dims.isEmpty()) {
      throw WriteOptions.bad("option dimensions is required: the integral 0-based index columns, in dimension"
          + " order, e.g. .option(\"dimensions\", \"time,lat,lon\")");
    }
    int rank = dims.size();
    int[] dimOrdinals = dimOrdinals(schema, dims);
    long[] shape = o.shape();
    checkRank("shape", shape == null ? null : shape.length, rank);
    int[] chunks = o.chunks();
    int[] shards = o.shards();
    checkRank("chunks", chunks == null ? null : chunks.length, rank);
    checkRank("shards", shards == null ? null : shards.length, rank);
    Compression.check(o.format(), o.compression(), o.compressionLevel());

    List<StructField> values = new ArrayList<>();
    int widest = 1;
    for (StructField f : schema.fields()) {
      if (!containsIgnoreCase(dims, f.name())) {
        values.add(f);
        DataType t = WriteTypes.zarrType(f);
        widest = Math.max(widest, WriteTypes.variableWidth(t) ? AutoChunks.ASSUMED_STRING_BYTES : t.byteSize());
      }
    }
    if (values.isEmpty()) {
      throw WriteOptions.bad("no value column: every column is a dimension; a group needs at least one array");
    }
    if (chunks == null) {
      chunks = AutoChunks.of(rank, widest, shards != null ? toLongs(shards) : shape);
      if (shards != null) {
        chunks = AutoChunks.within(shards, chunks);
      }
    }
    if (shards != null) {
      for (int d = 0; d < rank; d++) {
        if (shards[d] % chunks[d] != 0) {
          throw WriteOptions.bad("shards " + Arrays.toString(shards) + " must be multiples of chunks "
              + Arrays.toString(chunks));
        }
      }
    }
    List<ValueColumn> columns = new ArrayList<>();
    for (StructField f : values) {
      DataType t = WriteTypes.zarrType(f);
      boolean variable = WriteTypes.variableWidth(t);
      FillValue fill = FillValues.parse(f.name(), t, variable, o.fillValue(f.name()));
      boolean nullFill = o.format() == ZarrFormat.V2 && o.fillValue(f.name()) == null
          && (t.isIntegral() || t.kind() == DataType.Kind.BOOL);
      ArrayTemplate tpl = ArrayTemplate.create(f.name(), o.format(), chunks, shards, o.compression(),
          o.compressionLevel(), dims, o.arrayAttributes(f.name()), nullFill);
      // Fails now, on the driver, for a codec or shape the array could not use.
      tpl.metadata(t, fill, new long[rank]);
      columns.add(new ValueColumn(f.name(), schema.fieldIndex(f.name()), WriteTypes.source(f), t, variable, fill, tpl));
    }
    int[] block = shards != null ? shards : chunks;
    return new WriteLayout(mode, path, store, o.format(), dims.toArray(new String[0]), schema, dimOrdinals,
        sources(schema, dimOrdinals), columns, new BlockGeometry(block, shape), shape, null,
        o.groupAttributes().toString());
  }

  /** A layout writing into the stored arrays of a group (APPEND). */
  static WriteLayout forAppend(String path, StoreSpec store, StructType schema, WriteOptions o, ZarrFormat format,
      List<ZarrArray> arrays) {
    if (arrays.isEmpty()) {
      throw WriteOptions.bad("the group at " + path + " has no arrays to append to");
    }
    ZarrArray first = arrays.get(0);
    int rank = first.shape().length;
    List<String> stored = first.metadata().dimensionNames().orElse(null);
    List<String> dims = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      String n = stored == null ? null : stored.get(d);
      dims.add(n == null ? "dim_" + d : n);
    }
    if (!o.dimensions().isEmpty() && !lower(o.dimensions()).equals(lower(dims))) {
      throw WriteOptions.bad("option dimensions " + o.dimensions() + " differs from the stored dimensions " + dims);
    }
    Map<String, ZarrArray> byName = new LinkedHashMap<>();
    for (ZarrArray a : arrays) {
      if (!Arrays.equals(a.shape(), first.shape()) || !Arrays.equals(a.grid().chunkShape(), first.grid().chunkShape())) {
        throw WriteOptions.bad("append needs the group's arrays to share one shape and chunk shape; '" + a.name()
            + "' has " + Arrays.toString(a.shape()) + " / " + Arrays.toString(a.grid().chunkShape()) + ", '"
            + first.name() + "' " + Arrays.toString(first.shape()) + " / " + Arrays.toString(first.grid().chunkShape()));
      }
      byName.put(a.name(), a);
    }
    StructType input = byNameOrPosition(schema, dims, byName.keySet());
    int[] dimOrdinals = dimOrdinals(input, dims);
    List<ValueColumn> columns = new ArrayList<>();
    for (StructField f : input.fields()) {
      if (containsIgnoreCase(dims, f.name())) {
        continue;
      }
      ZarrArray a = byName.get(f.name());
      if (a == null) {
        throw WriteOptions.bad("column '" + f.name() + "' is not an array of the group at " + path
            + "; append writes the stored arrays " + byName.keySet());
      }
      DataType t = a.metadata().dataType();
      WriteTypes.Source s = WriteTypes.source(f);
      WriteTypes.check(f.name(), t, s);
      columns.add(new ValueColumn(a.name(), input.fieldIndex(f.name()), s, t, false, a.metadata().fillValue(),
          ArrayTemplate.existing(a.path(), a.metadata())));
    }
    if (columns.isEmpty()) {
      throw WriteOptions.bad("no value column to append: give at least one of " + byName.keySet());
    }
    long[] shape = o.shape();
    checkRank("shape", shape == null ? null : shape.length, rank);
    return new WriteLayout(WriteMode.APPEND, path, store, format, dims.toArray(new String[0]), schema, dimOrdinals,
        sources(input, dimOrdinals), columns, new BlockGeometry(first.grid().chunkShape(), shape), shape,
        first.shape(), null);
  }

  /** INSERT INTO by position gives columns without the table's names; they are then taken in table order. */
  private static StructType byNameOrPosition(StructType schema, List<String> dims, java.util.Set<String> arrays) {
    List<String> expected = new ArrayList<>(dims);
    expected.addAll(arrays);
    boolean allKnown = true;
    for (StructField f : schema.fields()) {
      allKnown &= containsIgnoreCase(expected, f.name());
    }
    if (allKnown || schema.fields().length != expected.size()) {
      return schema;
    }
    StructField[] renamed = new StructField[expected.size()];
    for (int i = 0; i < renamed.length; i++) {
      StructField f = schema.fields()[i];
      renamed[i] = new StructField(expected.get(i), f.dataType(), f.nullable(), f.metadata());
    }
    return new StructType(renamed);
  }

  private static int[] dimOrdinals(StructType schema, List<String> dims) {
    int[] out = new int[dims.size()];
    for (int d = 0; d < out.length; d++) {
      int idx = -1;
      for (int i = 0; i < schema.fields().length; i++) {
        if (schema.fields()[i].name().equalsIgnoreCase(dims.get(d))) {
          idx = i;
        }
      }
      if (idx < 0) {
        throw WriteOptions.bad("dimension column '" + dims.get(d) + "' is not in the input columns "
            + Arrays.toString(schema.fieldNames()));
      }
      for (int e = 0; e < d; e++) {
        if (out[e] == idx) {
          throw WriteOptions.bad("dimension column '" + dims.get(d) + "' is given twice");
        }
      }
      out[d] = idx;
    }
    return out;
  }

  private static WriteTypes.Source[] sources(StructType schema, int[] ordinals) {
    WriteTypes.Source[] out = new WriteTypes.Source[ordinals.length];
    for (int d = 0; d < out.length; d++) {
      StructField f = schema.fields()[ordinals[d]];
      WriteTypes.Source s = WriteTypes.source(f);
      if (s != WriteTypes.Source.BYTE && s != WriteTypes.Source.SHORT && s != WriteTypes.Source.INT
          && s != WriteTypes.Source.LONG) {
        throw WriteOptions.bad("dimension column '" + f.name() + "' must be integral (tinyint, smallint, int or"
            + " bigint), got " + f.dataType().simpleString());
      }
      out[d] = s;
    }
    return out;
  }

  private static void checkRank(String what, Integer n, int rank) {
    if (n != null && n != rank) {
      throw WriteOptions.bad("option " + what + " has " + n + " entries for " + rank + " dimensions");
    }
  }

  private static long[] toLongs(int[] a) {
    return Arrays.stream(a).asLongStream().toArray();
  }

  private static boolean containsIgnoreCase(List<String> names, String n) {
    return names.stream().anyMatch(x -> x.equalsIgnoreCase(n));
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  /** Reads a row's indices into {@code out}; false when one is null (the caller reports it). */
  boolean indices(InternalRow row, long[] out) {
    for (int d = 0; d < dimOrdinals.length; d++) {
      Long v = index(row, d);
      if (v == null) {
        return false;
      }
      out[d] = v;
    }
    return true;
  }

  private Long index(InternalRow row, int d) {
    int o = dimOrdinals[d];
    if (row.isNullAt(o)) {
      return null;
    }
    switch (dimSources[d]) {
      case BYTE:
        return (long) row.getByte(o);
      case SHORT:
        return (long) row.getShort(o);
      case INT:
        return (long) row.getInt(o);
      default:
        return row.getLong(o);
    }
  }

  /** "(time=3, lat=null)": how errors name a row. */
  String describeRow(InternalRow row) {
    StringBuilder sb = new StringBuilder("(");
    for (int d = 0; d < dimOrdinals.length; d++) {
      sb.append(d == 0 ? "" : ", ").append(dimNames[d]).append('=').append(index(row, d));
    }
    return sb.append(')').toString();
  }

  public WriteMode mode() {
    return mode;
  }

  public String path() {
    return path;
  }

  StoreSpec store() {
    return store;
  }

  public ZarrFormat format() {
    return format;
  }

  public List<String> dimensionNames() {
    return List.of(dimNames);
  }

  /** The input's names of the dimension columns (an INSERT by position names them its own way). */
  List<String> dimensionColumns() {
    return List.of(dimColumns);
  }

  List<ValueColumn> columns() {
    return columns;
  }

  public BlockGeometry geometry() {
    return geometry;
  }

  /** The shape option, or null when the shape is max(index) + 1. */
  long[] fixedShape() {
    return fixedShape == null ? null : fixedShape.clone();
  }

  /** The stored shape before an append, or null. */
  long[] oldShape() {
    return oldShape == null ? null : oldShape.clone();
  }

  String groupAttributes() {
    return groupAttributes;
  }
}
