package io.zarrspark.spark.read.cf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.metadata.ArrayMetadata;
import io.zarrspark.core.metadata.V2Metadata;
import io.zarrspark.core.metadata.ZarrFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;

/**
 * The CF/xarray decoding of one array, as xarray's {@code open_zarr} applies it: mask
 * {@code _FillValue}/{@code missing_value} (for v2 arrays xarray takes {@code _FillValue} from the
 * array's fill_value), unpack {@code scale_factor}/{@code add_offset} into xarray's choice of
 * float type, decode "X since DATE" times, and {@code dtype: bool}.
 */
public final class CfEncoding implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the decoded column holds. */
  public enum Result { FLOAT, DOUBLE, TIMESTAMP, BOOLEAN, RAW }

  private final double[] maskValues;
  private final double scale;
  private final double offset;
  private final boolean hasScale;
  private final boolean hasOffset;
  private final CfTimeUnits time;
  private final Result result;
  private final DataType stored;

  private CfEncoding(double[] maskValues, boolean hasScale, boolean hasOffset, double scale, double offset,
      CfTimeUnits time, Result result, DataType stored) {
    this.maskValues = maskValues;
    this.hasScale = hasScale;
    this.hasOffset = hasOffset;
    this.scale = scale;
    this.offset = offset;
    this.time = time;
    this.result = result;
    this.stored = stored;
  }

  /** The decoding of an array, or empty when it carries no CF encoding (or decoding is off). */
  public static Optional<CfEncoding> of(ArrayMetadata m, boolean decodeCF) {
    if (!decodeCF) {
      return Optional.empty();
    }
    ObjectNode attrs = m.attributes();
    DataType t = m.dataType();
    boolean xarrayV2 = m.format() == ZarrFormat.V2 && attrs.has(V2Metadata.XARRAY_DIMENSIONS);
    boolean numeric = t.isIntegral() || t.kind() == DataType.Kind.FLOAT;
    if (!numeric && t.kind() != DataType.Kind.BOOL) {
      return Optional.empty();
    }
    List<Double> mask = new ArrayList<>();
    addMask(mask, attrs.get("missing_value"));
    if (xarrayV2 && !m.fillValueNull()) {
      // xarray's zarr backend reports the array's fill_value as _FillValue.
      mask.add(t.kind() == DataType.Kind.FLOAT ? m.fillValue().asDouble() : asNumber(m.fillValue().asLong(), t));
    } else {
      addMask(mask, attrs.get("_FillValue"));
    }
    mask.removeIf(v -> v.isNaN()); // xarray drops NaN fill values from the mask set
    boolean hasScale = attrs.has("scale_factor");
    boolean hasOffset = attrs.has("add_offset");
    double scale = hasScale ? number(attrs.get("scale_factor"), 1) : 1;
    double offset = hasOffset ? number(attrs.get("add_offset"), 0) : 0;
    JsonNode units = attrs.get("units");
    Optional<CfTimeUnits> time = units != null && units.isTextual()
        ? CfTimeUnits.parse(units.textValue(), attrs.path("calendar").isTextual() ? attrs.get("calendar").textValue() : null)
        : Optional.empty();
    boolean bool = "bool".equals(attrs.path("dtype").asText(null)) && t.isIntegral();
    if (mask.isEmpty() && !hasScale && !hasOffset && time.isEmpty() && !bool) {
      return Optional.empty();
    }
    // xarray's dtype after masking (maybe_promote), then _choose_float_dtype for unpacking.
    int size = t.byteSize();
    boolean isFloat = t.kind() == DataType.Kind.FLOAT;
    Result r;
    if (!mask.isEmpty() && !isFloat) {
      isFloat = true;
      size = size <= 2 ? 4 : 8;
    }
    if (hasScale || hasOffset) {
      if (isFloat && size <= 4) {
        r = Result.FLOAT;
      } else if (!isFloat && size <= 2 && !hasOffset) {
        r = Result.FLOAT;
      } else {
        r = Result.DOUBLE;
      }
    } else if (isFloat) {
      r = size <= 4 ? Result.FLOAT : Result.DOUBLE;
    } else {
      r = Result.RAW;
    }
    if (time.isPresent()) {
      r = Result.TIMESTAMP;
    } else if (bool && mask.isEmpty() && !hasScale && !hasOffset) {
      r = Result.BOOLEAN;
    }
    double[] mv = mask.stream().mapToDouble(Double::doubleValue).toArray();
    return Optional.of(new CfEncoding(mv, hasScale, hasOffset, scale, offset, time.orElse(null), r, t));
  }

  private static double asNumber(long raw, DataType t) {
    return t.kind() == DataType.Kind.UINT && raw < 0 ? Double.parseDouble(Long.toUnsignedString(raw)) : raw;
  }

  private static void addMask(List<Double> out, JsonNode v) {
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isArray()) {
      v.forEach(e -> addMask(out, e));
    } else if (v.isNumber()) {
      out.add(v.doubleValue());
    } else if (v.isTextual()) {
      String s = v.textValue();
      if (s.equals("NaN")) {
        out.add(Double.NaN);
      } else if (s.equals("Infinity") || s.equals("-Infinity")) {
        out.add(s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
    }
  }

  private static double number(JsonNode v, double dflt) {
    if (v != null && v.isArray() && v.size() == 1) {
      v = v.get(0);
    }
    return v != null && v.isNumber() ? v.doubleValue() : dflt;
  }

  public Result result() {
    return result;
  }

  public DataType stored() {
    return stored;
  }

  public boolean masks() {
    return maskValues.length > 0;
  }

  /** The Spark type of the decoded column (RAW keeps the stored type's mapping). */
  public org.apache.spark.sql.types.DataType sparkType(org.apache.spark.sql.types.DataType raw) {
    switch (result) {
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case TIMESTAMP:
        return DataTypes.TimestampType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      default:
        return raw;
    }
  }

  /** Whether a stored value is masked (becomes null). */
  public boolean isMasked(double stored) {
    for (double m : maskValues) {
      if (stored == m) {
        return true;
      }
    }
    return false;
  }

  /** The unpacked value of a stored one; xarray multiplies, then adds a non-zero offset. */
  public double unpack(double stored) {
    double v = hasScale ? stored * scale : stored;
    return hasOffset && offset != 0 ? v + offset : v;
  }

  /** float32 results are computed in float32, as numpy does in place on a float32 array. */
  public float unpackFloat(double stored) {
    float v = hasScale ? (float) stored * (float) scale : (float) stored;
    return hasOffset && offset != 0 ? v + (float) offset : v;
  }

  public CfTimeUnits time() {
    return time;
  }
}
