package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.ChunkSpec;
import io.zarrspark.core.codec.CodecChain;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.dtype.FillValue;
import io.zarrspark.core.grid.ChunkGrid;
import io.zarrspark.core.grid.ChunkKeyEncoding;
import io.zarrspark.core.util.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An array's metadata in a form common to v2 and v3: the v2 specifics (order, byte order,
 * compressor, filters) are expressed as an equivalent codec chain, so reading and writing
 * chunks needs no format switch. Immutable.
 */
public final class ArrayMetadata {
  private final ZarrFormat format;
  private final ChunkGrid grid;
  private final DataType dataType;
  private final FillValue fillValue;
  private final boolean fillValueNull;
  private final CodecChain codecs;
  private final ChunkKeyEncoding keyEncoding;
  private final ObjectNode attributes;
  private final List<String> dimensionNames;
  private final V2Layout v2Layout;

  ArrayMetadata(ZarrFormat format, ChunkGrid grid, DataType dataType, FillValue fillValue,
      boolean fillValueNull, CodecChain codecs, ChunkKeyEncoding keyEncoding, ObjectNode attributes,
      List<String> dimensionNames, V2Layout v2Layout) {
    this.format = format;
    this.grid = grid;
    this.dataType = dataType;
    this.fillValue = fillValue;
    this.fillValueNull = fillValueNull;
    this.codecs = codecs;
    this.keyEncoding = keyEncoding;
    this.attributes = attributes == null ? Json.newObject() : attributes.deepCopy();
    this.dimensionNames = dimensionNames == null ? null
        : Collections.unmodifiableList(new ArrayList<>(dimensionNames));
    this.v2Layout = v2Layout;
  }

  public ZarrFormat format() {
    return format;
  }

  public ChunkGrid grid() {
    return grid;
  }

  public long[] shape() {
    return grid.shape();
  }

  public int rank() {
    return grid.rank();
  }

  public int[] chunkShape() {
    return grid.chunkShape();
  }

  public DataType dataType() {
    return dataType;
  }

  public FillValue fillValue() {
    return fillValue;
  }

  /** True for a v2 array whose fill_value is null (unwritten elements are undefined; we read 0). */
  public boolean fillValueNull() {
    return fillValueNull;
  }

  public CodecChain codecs() {
    return codecs;
  }

  public ChunkKeyEncoding keyEncoding() {
    return keyEncoding;
  }

  /** A copy of the user attributes. */
  public ObjectNode attributes() {
    return attributes.deepCopy();
  }

  /**
   * Dimension names: v3 {@code dimension_names}, or for v2 the xarray convention
   * {@code _ARRAY_DIMENSIONS} attribute. Entries may be null.
   */
  public Optional<List<String>> dimensionNames() {
    if (dimensionNames != null) {
      return Optional.of(dimensionNames);
    }
    return Optional.empty();
  }

  /** The v2 layout, present for v2 arrays only. */
  public Optional<V2Layout> v2Layout() {
    return Optional.ofNullable(v2Layout);
  }

  /** The spec of a whole stored chunk. */
  public ChunkSpec chunkSpec() {
    return new ChunkSpec(grid.chunkShape(), dataType, fillValue);
  }

  /** This metadata with another shape (resize). */
  public ArrayMetadata withShape(long[] newShape, String where) {
    return new ArrayMetadata(format, grid.withShape(newShape, where), dataType, fillValue, fillValueNull,
        codecs, keyEncoding, attributes, dimensionNames, v2Layout);
  }

  /** This metadata with other attributes. */
  public ArrayMetadata withAttributes(ObjectNode newAttributes) {
    return new ArrayMetadata(format, grid, dataType, fillValue, fillValueNull, codecs, keyEncoding,
        newAttributes, dimensionNames, v2Layout);
  }

  @Override
  public String toString() {
    return "ArrayMetadata(v" + format.number() + ", shape=" + java.util.Arrays.toString(grid.shape())
        + ", chunks=" + java.util.Arrays.toString(grid.chunkShape()) + ", " + dataType + ", codecs=" + codecs + ")";
  }
}
