package io.zarrspark.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zarrspark.core.CorruptChunkException;
import io.zarrspark.core.codec.builtin.Bz2Codec;
import io.zarrspark.core.codec.builtin.Lz4Codec;
import io.zarrspark.core.codec.builtin.LzmaCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** numcodecs lz4, bz2 and lzma beyond the shared contract: their headers and containers. */
class NumcodecsCompressorsTest {
  private static final byte[] DATA = BytesCodecContractTest.payload(20_000, 3);

  static byte[] array(ByteBuffer b) {
    return BytesCodecContractTest.array(b);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static void assertCorrupt(BytesToBytesCodec codec, byte[] in, long bound, String... fragments) {
    CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> codec.decode(ByteBuffer.wrap(in), bound));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void lz4HeaderIsTheLittleEndianSize() {
    Lz4Codec c = new Lz4Codec(1);
    byte[] enc = array(c.encode(ByteBuffer.wrap(DATA)));
    ByteBuffer header = ByteBuffer.wrap(enc).order(ByteOrder.LITTLE_ENDIAN);
    assertTrue(header.getInt(0) == DATA.length);
    // An empty chunk is the size 0 and a single empty-literal token, as numcodecs writes it.
    assertArrayEquals(new byte[5], array(c.encode(ByteBuffer.allocate(0))));
    assertArrayEquals(new byte[0], array(c.decode(ByteBuffer.wrap(new byte[5]), 0)));

    byte[] big = enc.clone();
    header = ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0, 1 << 30);
    assertCorrupt(c, big, 100_000, "1073741824", "100000");
    // With no bound, the size must still be one the data could expand to.
    assertCorrupt(c, big, -1, "1073741824", "can hold");
    header.putInt(0, -1);
    assertCorrupt(c, big, -1, "4294967295");
    header.putInt(0, DATA.length + 10);
    assertCorrupt(c, big, -1, "decodes to " + DATA.length, String.valueOf(DATA.length + 10));
    assertCorrupt(c, new byte[] {1, 0}, 10, "fewer than its 4-byte size header");
  }

  @Test
  void bz2DecodesConcatenatedStreamsAndRejectsTrailingJunk() {
    Bz2Codec c = new Bz2Codec(9);
    byte[] a = array(c.encode(ByteBuffer.wrap(DATA)));
    byte[] b = array(new Bz2Codec(1).encode(ByteBuffer.wrap(new byte[] {1, 2, 3})));
    byte[] both = array(c.decode(ByteBuffer.wrap(concat(a, b)), -1));
    assertArrayEquals(concat(DATA, new byte[] {1, 2, 3}), both);
    assertCorrupt(c, concat(a, new byte[] {'j', 'u', 'n', 'k'}), -1, "bz2");
    assertCorrupt(c, new byte[0], -1, "bz2");
  }

  @Test
  void lzmaWritesEveryCheckAndFilterChain() {
    for (int check : new int[] {-1, 0, 1, 4, 10}) {
      LzmaCodec c = new LzmaCodec(LzmaCodec.FORMAT_XZ, check, 1, null);
      byte[] enc = array(c.encode(ByteBuffer.wrap(DATA)));
      // The xz stream flags name the check: byte 7 of the stream header.
      assertTrue((enc[7] & 0x0f) == (check == -1 ? 4 : check), "check " + check);
      assertArrayEquals(DATA, array(c.decode(ByteBuffer.wrap(enc), DATA.length)));
    }
    LzmaCodec chain = (LzmaCodec) CompressorConfigTest.v2(
        "{'id':'lzma','filters':[{'id':3,'dist':4},{'id':33,'preset':1,'dict_size':65536,'lc':3,'lp':0,'pb':2}]}");
    assertArrayEquals(DATA, array(chain.decode(chain.encode(ByteBuffer.wrap(DATA)), DATA.length)));
    LzmaCodec alone = (LzmaCodec) CompressorConfigTest.v2(
        "{'id':'lzma','format':2,'filters':[{'id':4611686018427387905,'preset':6,'dict_size':1048576}]}");
    assertArrayEquals(DATA, array(alone.decode(alone.encode(ByteBuffer.wrap(DATA)), DATA.length)));
    LzmaCodec extreme = (LzmaCodec) CompressorConfigTest.v2("{'id':'lzma','preset':2147483657}");
    assertArrayEquals(DATA, array(extreme.decode(extreme.encode(ByteBuffer.wrap(DATA)), DATA.length)));
  }

  @Test
  void lzmaAutoFormatReadsBothContainers() {
    LzmaCodec auto = new LzmaCodec(LzmaCodec.FORMAT_AUTO, -1, -1, null);
    for (int format : new int[] {LzmaCodec.FORMAT_XZ, LzmaCodec.FORMAT_ALONE}) {
      byte[] enc = array(new LzmaCodec(format, -1, 2, null).encode(ByteBuffer.wrap(DATA)));
      assertArrayEquals(DATA, array(auto.decode(ByteBuffer.wrap(enc), DATA.length)));
    }
  }

  @Test
  void lzmaRefusesHugeDictionariesBeforeAllocating() {
    // An LZMA_ALONE header: properties, a 1 GiB dictionary, unknown size; then some bytes.
    byte[] alone = new byte[40];
    alone[0] = 0x5d;
    ByteBuffer.wrap(alone).order(ByteOrder.LITTLE_ENDIAN).putInt(1, 1 << 30).putLong(5, -1L);
    LzmaCodec c = new LzmaCodec(LzmaCodec.FORMAT_ALONE, -1, -1, null);
    assertCorrupt(c, alone, 4096, "KiB", "dictionary");
  }
}
