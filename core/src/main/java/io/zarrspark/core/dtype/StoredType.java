package io.zarrspark.core.dtype;

import java.nio.ByteOrder;

/** A v2 dtype: the element type and the byte order its chunks store it in. */
public record StoredType(DataType type, ByteOrder order) {}
