package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.codec.CodecContext;
import io.zarrspark.core.util.Json;
import java.math.BigInteger;

/**
 * A Python number from a numcodecs configuration (FixedScaleOffset's offset and scale): an int or
 * a float, exactly as {@code json.loads} gives it. Whether it is an int matters: numpy promotes
 * {@code array - 1000} and {@code array - 1000.0} differently.
 */
final class PyScalar {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  final boolean isInt;
  /** The int's value; for ints of 2^63 and more, its raw unsigned 64 bits. */
  final long bits;
  /** An int of 2^63 or more (numpy holds it as uint64). */
  final boolean big;
  /** The float's value (unused for ints). */
  final double value;
  final JsonNode json;

  private PyScalar(boolean isInt, long bits, boolean big, double value, JsonNode json) {
    this.isInt = isInt;
    this.bits = bits;
    this.big = big;
    this.value = value;
    this.json = json;
  }

  /** A Python float. */
  static PyScalar ofFloat(double v) {
    return new PyScalar(false, 0, false, v, Json.NODES.numberNode(v));
  }

  /** Integer, Long, Short, Byte and BigInteger are Python ints; Float and Double Python floats. */
  static PyScalar of(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return ofFloat(n.doubleValue());
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return ofInt(BigInteger.valueOf(n.longValue()), Json.NODES.numberNode(n.longValue()));
    }
    if (n instanceof BigInteger) {
      return ofInt((BigInteger) n, Json.NODES.numberNode((BigInteger) n));
    }
    throw new IllegalArgumentException("a Python int or float is needed, got " + n.getClass().getSimpleName());
  }

  /** Reads {@code field}, failing with an error naming the codec. */
  static PyScalar of(JsonNode n, String field, CodecContext ctx) {
    if (n == null || n.isNull()) {
      throw ctx.invalid("missing '" + field + "'");
    }
    if (n.isIntegralNumber()) {
      try {
        return ofInt(n.bigIntegerValue(), n);
      } catch (IllegalArgumentException e) {
        throw ctx.invalid("'" + field + "': " + e.getMessage());
      }
    }
    if (n.isNumber()) {
      return new PyScalar(false, 0, false, n.doubleValue(), n);
    }
    throw ctx.invalid("'" + field + "' must be a number, got " + n);
  }

  private static PyScalar ofInt(BigInteger b, JsonNode json) {
    if (b.compareTo(MIN) < 0 || b.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(b + " is outside numpy's integer range");
    }
    return new PyScalar(true, b.longValue(), b.signum() > 0 && b.bitLength() == 64, b.doubleValue(), json);
  }

  /** numpy's min_scalar_type for this int, made signed when it fits and the array is signed or float. */
  NumpyType minIntType(NumpyType array) {
    if (bits < 0 && !big) {
      int size = bits >= Byte.MIN_VALUE ? 1 : bits >= Short.MIN_VALUE ? 2 : bits >= Integer.MIN_VALUE ? 4 : 8;
      return NumpyType.of('i', size);
    }
    int size = big || bits > 0xffffffffL ? 8 : bits > 0xffff ? 4 : bits > 0xff ? 2 : 1;
    boolean small = !big && bits <= (size == 8 ? Long.MAX_VALUE : (1L << (8 * size - 1)) - 1);
    return NumpyType.of(small && array.kind != 'u' && array.kind != 'b' ? 'i' : 'u', size);
  }

  /** numpy's min_scalar_type for this float (its range limits, not its precision, decide). */
  NumpyType minFloatType() {
    if ((value > -65000 && value < 65000) || !Double.isFinite(value)) {
      return NumpyType.of('f', 2);
    }
    return NumpyType.of('f', value > -3.4e38 && value < 3.4e38 ? 4 : 8);
  }

  /** This int as a value of integer type {@code t} (which promotion made wide enough). */
  long asLong(NumpyType t) {
    return t.wrap(bits);
  }

  /** This number converted to float type {@code t}. */
  double asDouble(NumpyType t) {
    return isInt ? t.fromLong(bits, big) : t.castDouble(value);
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
