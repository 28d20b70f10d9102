package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zarrspark.core.InvalidMetadataException;
import io.zarrspark.core.codec.builtin.BloscCodec;
import io.zarrspark.core.codec.builtin.BloscCodec.Shuffle;
import io.zarrspark.core.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Metadata of blosc, lz4, bz2 and lzma: what peers write parses, and is written back the same. */
class CompressorConfigTest {
  private static final CodecRegistry REGISTRY = CodecRegistry.defaults();

  static JsonNode json(String s) {
    return Json.parse(s.replace('\'', '"'), "test");
  }

  static Codec v2(String s) {
    return REGISTRY.fromV2(json(s), "test");
  }

  static Codec v3(String s) {
    return REGISTRY.fromV3(json(s), "test");
  }

  /** Exactly the compressor objects zarr-python 2.13 wrote into the fixtures. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{'id':'blosc','cname':'zstd','clevel':3,'shuffle':2,'blocksize':0}",
      "{'id':'blosc','cname':'lz4','clevel':5,'shuffle':-1,'blocksize':0}",
      "{'id':'blosc','cname':'lz4','clevel':7,'shuffle':1,'blocksize':1024}",
      "{'id':'lz4','acceleration':1}",
      "{'id':'bz2','level':9}",
      "{'id':'lzma','format':1,'check':-1,'preset':null,'filters':null}",
      "{'id':'lzma','format':2,'check':-1,'preset':2147483657,'filters':null}",
      "{'id':'lzma','format':1,'check':10,'preset':null,'filters':[{'id':3,'dist':4},{'id':33,'preset':1}]}"})
  void v2ConfigsRoundTrip(String config) {
    Codec c = v2(config);
    assertEquals(json(config), c.toV2Json().orElseThrow());
    assertTrue(c instanceof BytesToBytesCodec);
  }

  /** zarrita's v3 blosc entries, and the numcodecs.* names zarr-python 3 uses. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{'name':'blosc','configuration':{'cname':'zstd','clevel':1,'shuffle':'noshuffle','typesize':4,'blocksize':1024}}",
      "{'name':'blosc','configuration':{'cname':'lz4hc','clevel':5,'shuffle':'bitshuffle','typesize':1,'blocksize':0}}",
      "{'name':'numcodecs.lz4','configuration':{'acceleration':1}}",
      "{'name':'numcodecs.bz2','configuration':{'level':1}}",
      "{'name':'numcodecs.lzma','configuration':{'format':1,'check':4,'preset':6,'filters':null}}"})
  void v3ConfigsRoundTrip(String config) {
    assertEquals(json(config), v3(config).toV3Json());
  }

  @Test
  void bloscDefaultsAndAliases() {
    BloscCodec c = (BloscCodec) v2("{'id':'blosc'}");
    assertEquals("lz4", c.cname());
    assertEquals(5, c.clevel());
    assertEquals(Shuffle.SHUFFLE, c.shuffle());
    assertEquals(0, c.typesize());
    assertTrue(v3("{'name':'numcodecs.blosc','configuration':{'cname':'zlib','clevel':1,'shuffle':0}}") instanceof BloscCodec);
    // AUTOSHUFFLE has no v3 spelling: it is written resolved against the typesize.
    BloscCodec auto = ((BloscCodec) v2("{'id':'blosc','shuffle':-1}")).withTypesize(8);
    assertEquals("shuffle", auto.toV3Json().get("configuration").get("shuffle").textValue());
    assertEquals(8, auto.toV3Json().get("configuration").get("typesize").intValue());
    assertEquals(-1, auto.toV2Json().orElseThrow().get("shuffle").intValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'id':'blosc','cname':'lzo'}|cname",
      "{'id':'blosc','cname':5}|cname",
      "{'id':'blosc','clevel':10}|clevel",
      "{'id':'blosc','shuffle':3}|shuffle",
      "{'id':'blosc','blocksize':-1}|blocksize",
      "{'id':'bz2','level':0}|level",
      "{'id':'lzma','format':3}|FORMAT_RAW",
      "{'id':'lzma','format':7}|format",
      "{'id':'lzma','check':2}|check",
      "{'id':'lzma','format':2,'check':4}|check",
      "{'id':'lzma','preset':12}|preset",
      "{'id':'lzma','preset':'fast'}|preset",
      "{'id':'lzma','preset':6,'filters':[{'id':33}]}|both",
      "{'id':'lzma','filters':[{'id':33},{'id':3}]}|LZMA2",
      "{'id':'lzma','filters':[{'id':12345}]}|LZMA2",
      "{'id':'lzma','filters':[{'dist':1}]}|id",
      "{'id':'lzma','format':2,'filters':[{'id':33}]}|LZMA1"})
  void badV2ConfigsFailNamingTheField(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> v2(parts[0]));
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    assertTrue(e.getMessage().contains("test"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'name':'blosc','configuration':{'shuffle':'byteshuffle'}}|shuffle",
      "{'name':'blosc','configuration':{'shuffle':true}}|shuffle",
      "{'name':'blosc','configuration':{'typesize':0,'shuffle':'shuffle'}}|typesize",
      "{'name':'blosc','configuration':{'cname':'zstd','clevel':-1}}|clevel"})
  void badV3ConfigsFailNamingTheField(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> v3(parts[0]));
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
  }

  @Test
  void everyNameIsRegistered() {
    for (String id : new String[] {"blosc", "lz4", "bz2", "lzma"}) {
      assertTrue(REGISTRY.knowsV2(id), id);
    }
    for (String n : new String[] {"blosc", "numcodecs.blosc", "numcodecs.lz4", "numcodecs.bz2", "numcodecs.lzma"}) {
      assertTrue(REGISTRY.knowsV3(n), n);
    }
  }
}
