package io.zarrspark.core.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;

/**
 * What a v2 array declares that v3 expresses as codecs: memory order, byte order, and the
 * numcodecs compressor and filters as written (kept so the array's metadata round-trips).
 *
 * @param order 'C' or 'F'
 * @param byteOrder byte order of the stored elements
 * @param compressor the compressor object, or null
 * @param filters the filters list, or null
 */
public record V2Layout(char order, ByteOrder byteOrder, JsonNode compressor, JsonNode filters) {}
