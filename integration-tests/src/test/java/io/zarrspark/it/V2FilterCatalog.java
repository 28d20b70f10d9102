package io.zarrspark.it;

import io.zarrspark.core.codec.BytesToBytesCodec;
import io.zarrspark.core.codec.CodecRegistry;
import io.zarrspark.core.codec.builtin.ZlibCodec;
import io.zarrspark.core.dtype.DataType;
import io.zarrspark.core.ndarray.NdArray;
import io.zarrspark.core.util.Json;
import java.util.List;

/**
 * v2 arrays core writes through numcodecs filters, so zarr-python checks our filter encodings.
 * Only lossless settings are used: the expected values are the values written. (Lossy filters,
 * quantize and bitround, are checked by core against numcodecs' own output instead.)
 */
final class V2FilterCatalog {
  private V2FilterCatalog() {}

  static BytesToBytesCodec filter(String json) {
    return (BytesToBytesCodec) CodecRegistry.defaults().fromV2(Json.parse(json, "filter"), "v2 filter catalog");
  }

  static void writeAll(CoreArrays w) {
    w.group("filters", "numcodecs filters written by core, lossless settings, with and without a compressor");
    long[] shape = {23, 7};
    int[] chunks = {8, 4};
    w.dense("filters/delta_i4", V2Catalog.b(shape, chunks, DataType.INT32)
        .filters(List.of(filter("{\"id\": \"delta\", \"dtype\": \"<i4\"}"))).compressor(new ZlibCodec(1)));
    // zarrita 0.7.5 ignores delta's astype (fixtures README).
    ManifestWriter.knownIssue(w.dense("filters/delta_astype_i2", V2Catalog.b(shape, chunks, DataType.INT16)
        .filters(List.of(filter("{\"id\": \"delta\", \"dtype\": \"<i2\", \"astype\": \"<i4\"}")))),
        V2Catalog.ZARRITA, "delta with astype: zarrita ignores astype");
    w.dense("filters/shuffle_f8", V2Catalog.b(shape, chunks, DataType.FLOAT64)
        .filters(List.of(filter("{\"id\": \"shuffle\", \"elementsize\": 8}"))).compressor(new ZlibCodec(5)));
    w.dense("filters/astype_i4_as_i8", V2Catalog.b(shape, chunks, DataType.INT32)
        .filters(List.of(filter("{\"id\": \"astype\", \"encode_dtype\": \"<i8\", \"decode_dtype\": \"<i4\"}"))));
    w.dense("filters/packbits_b1", V2Catalog.b(shape, chunks, DataType.BOOL)
        .filters(List.of(filter("{\"id\": \"packbits\"}"))).compressor(new ZlibCodec(1)));
    // Integer-valued doubles within int16: scale 1 and offset 0 make the round trip exact.
    NdArray ints = NdArray.allocate(DataType.FLOAT64, new int[] {23, 7});
    for (int k = 0; k < 23 * 7; k++) {
      ints.buffer().putDouble(k * 8, (k * 37 % 2001) - 1000);
    }
    w.dense("filters/fixedscaleoffset_f8_as_i2", V2Catalog.b(shape, chunks, DataType.FLOAT64)
        .filters(List.of(filter("{\"id\": \"fixedscaleoffset\", \"offset\": 0, \"scale\": 1, \"dtype\": \"<f8\","
            + " \"astype\": \"<i2\"}"))), ints);
    // Integers below 2^11 keep all their bits under keepbits 10, so the rounding is exact here;
    // core's own test checks the rounding of other values against numcodecs.
    NdArray small = NdArray.allocate(DataType.FLOAT32, new int[] {23, 7});
    for (int k = 0; k < 23 * 7; k++) {
      small.buffer().putFloat(k * 4, (k * 13 % 2047) - 1023);
    }
    w.dense("filters/bitround_f4", V2Catalog.b(shape, chunks, DataType.FLOAT32)
        .filters(List.of(filter("{\"id\": \"bitround\", \"keepbits\": 10}"))).compressor(new ZlibCodec(1)), small);
    w.dense("filters/delta_then_zlib_filter", V2Catalog.b(shape, chunks, DataType.INT64)
        .filters(List.of(filter("{\"id\": \"delta\", \"dtype\": \"<i8\"}"), new ZlibCodec(3))));
  }
}
