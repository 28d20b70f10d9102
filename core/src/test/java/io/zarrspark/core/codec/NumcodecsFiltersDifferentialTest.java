package io.zarrspark.core.codec;

import static io.zarrspark.core.codec.NumcodecsFiltersTest.HEX;
import static io.zarrspark.core.codec.NumcodecsFiltersTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zarrspark.core.codec.builtin.BitRoundCodec;
import io.zarrspark.core.dtype.DataTypes;
import io.zarrspark.core.util.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of filter configurations and inputs (every dtype pair, NaN payloads, out-of-range
 * casts, Python int and float scalars) encoded and decoded by numcodecs itself, compared with
 * ours. It needs the peers' exact stack, /usr/bin/python3 with numpy 1.24 and numcodecs 0.11
 * (Debian bookworm's python3-numcodecs, which scripts/test.sh installs), and is skipped elsewhere:
 * numpy 2 promotes scalars differently, and other builds may vectorise casts differently.
 */
class NumcodecsFiltersDifferentialTest {
  private static final String PYTHON = "/usr/bin/python3";

  /** Writes {"numpy": version, "numcodecs": version, "cases": [...]} to argv[1]. */
  private static final String GENERATOR = """
      import json, random, sys, warnings
      import numpy as np, numcodecs
      warnings.simplefilter('ignore')
      rng = np.random.default_rng(7)
      random.seed(7)
      cases = []

      def vals(dt, n=48):
          dt = np.dtype(dt)
          if dt.kind == 'b':
              return rng.integers(0, 2, n).astype(dt)
          if dt.kind in 'iu':
              info = np.iinfo(dt)
              edge = [info.min, info.max, 0, 1, 2, info.max // 2, info.min // 2 + 1]
              r = rng.integers(info.min, info.max, n - len(edge), endpoint=True, dtype=dt.newbyteorder('='))
              return np.concatenate([np.array(edge, dtype=dt.newbyteorder('=')), r]).astype(dt)
          spec = [np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 127.5, 255.5, 32767.5,
                  65504.0, 2.0**31, 2.0**31 - 1, -2.0**31, 2.0**32 + 5, 2.0**63, 2.0**64, -2.0**63, 1e10,
                  -1e10, 3e9, 1e20, 123.456, -98.765, 0.1, 1e-8, 6e-8, 65519.99]
          raw = rng.integers(0, 256, dt.itemsize * 24, dtype='u1').view(dt)
          parts = [np.array(spec, 'f8'), raw, rng.standard_normal(24) * 1000, rng.standard_normal(24) * 3,
                   rng.integers(-200, 200, 16) / 2]
          return np.concatenate([np.asarray(p).astype(dt) for p in parts]).astype(dt)

      def add(kind, codec, data, encode=True, decode_input=None, **extra):
          c = dict(kind=kind, config=codec.get_config(), **extra)
          b = np.ascontiguousarray(data).tobytes()
          if encode:
              c['enc_in'] = b.hex()
              try:
                  # BitRound needs the typed array; the others see bytes, as zarr's filters do.
                  c['enc_out'] = np.ascontiguousarray(codec.encode(data if kind == 'bitround' else b)).tobytes().hex()
              except Exception as e:
                  c['enc_err'] = repr(e)
          if decode_input is not None:
              c['dec_in'] = decode_input.hex()
              c['dec_out'] = np.ascontiguousarray(codec.decode(decode_input)).tobytes().hex()
          cases.append(c)

      NUM = ['|b1', '|i1', '|u1', '<i2', '<u2', '<i4', '<u4', '<i8', '<u8', '<f2', '<f4', '<f8',
             '>i2', '>u4', '>i8', '>f2', '>f4', '>f8']
      for e in NUM:
          for d in NUM:
              add('astype', numcodecs.AsType(encode_dtype=e, decode_dtype=d), vals(d), decode_input=vals(e).tobytes())
      NUMERIC = [t for t in NUM if t[1] != 'b']
      for d in NUMERIC:
          for a in NUMERIC:
              c = numcodecs.Delta(dtype=d, astype=a)
              add('delta', c, vals(d), decode_input=vals(a).tobytes())
              for first in [2.7, -300.5, 3e9, 1e10, 1e20]:
                  add('delta', c, np.concatenate([np.array([first]).astype(d), vals(d)[1:]]).astype(d))
      scalars = [0, 1, 10, 100, 200, 1000, -1, -300, 100000, 2**40, 2**63, 0.5, 10.0, 100.0, 0.1, -3.25,
                 1e5, 70000.0, 1e40, 1000.5]
      for d in NUMERIC:
          for a in ['|u1', '<i2', '<u2', '<i4', '<u4', '<u8', '<f2', '<f4', '<f8', '>i4']:
              for k in range(8):
                  off, sc = random.choice(scalars), random.choice(scalars) or 3
                  c = numcodecs.FixedScaleOffset(offset=off, scale=sc, dtype=d, astype=a)
                  add('fso', c, vals(d), decode_input=vals(a).tobytes())
      for digits in [-3, -1, 0, 1, 2, 3, 5, 10, 20]:
          for d in ['<f2', '<f4', '<f8', '>f4']:
              for a in ['<f2', '<f4', '<f8', '>f8']:
                  c = numcodecs.Quantize(digits=digits, dtype=d, astype=a)
                  add('quantize', c, vals(d), decode_input=vals(a).tobytes())
      for t, mx in [('<f2', 10), ('<f4', 23), ('<f8', 52)]:
          for kb in sorted({0, 1, 2, 3, 5, 8, mx // 2, mx - 1, mx}):
              data = vals(t)
              add('bitround', numcodecs.BitRound(keepbits=kb), data, decode_input=data.tobytes(), type=t)
      for es in [0, 1, 2, 3, 4, 8, 16]:
          add('shuffle', numcodecs.Shuffle(elementsize=es), rng.integers(0, 256, 192, dtype='u1'),
              decode_input=rng.integers(0, 256, 192, dtype='u1').tobytes())
      for n in [0, 1, 7, 8, 9, 15, 16, 17, 333]:
          c = numcodecs.PackBits()
          data = rng.integers(0, 2, n).astype(bool)
          add('packbits', c, data, decode_input=np.ascontiguousarray(c.encode(data)).tobytes())
      labels = ['apple', 'banana', 'cherry', 'd' + chr(0xe9) + 'j' + chr(0xe0), 'toolongvalue', chr(0x1F600) + 'x', 'apple']
      pool = labels + ['', 'kiwi', 'appl', 'banana' + chr(0), 'd']
      for d in ['<U6', '>U6', '<U1', '<U12']:
          for a in ['|u1', '<i2', '>u4', '<i8', '|b1']:
              data = np.array([random.choice(pool) for _ in range(40)], dtype=d)
              codes = np.array([random.randint(0, 9) for _ in range(40)] + [-1, 255], 'i8').astype(a)
              add('categorize', numcodecs.Categorize(labels=labels, dtype=d, astype=a), data, decode_input=codes.tobytes())
      # Float to uint32 casts differ between numpy's vectorised blocks of four and the loop's tail.
      for n in range(1, 11):
          for v in [np.nan, 1e10, -1e10, np.inf, -3e9]:
              for src in ['<f8', '<f4', '>f8']:
                  data = np.full(n, v, src)
                  add('astype', numcodecs.AsType(encode_dtype='<u4', decode_dtype=src), data)
                  add('astype', numcodecs.AsType(encode_dtype=src, decode_dtype='<u4'), data, False, data.tobytes())
                  add('delta', numcodecs.Delta(dtype=src, astype='<u4'), data)
                  add('delta', numcodecs.Delta(dtype='<u4', astype=src), data, False, data.tobytes())
                  c = numcodecs.FixedScaleOffset(offset=0.5, scale=2, dtype='<u4', astype=src)
                  add('fso', c, data, False, data.tobytes())
                  add('fso', numcodecs.FixedScaleOffset(offset=0.5, scale=2, dtype=src, astype='<u4'), data)
      json.dump(dict(numpy=np.__version__, numcodecs=numcodecs.__version__, cases=cases), open(sys.argv[1], 'w'))
      """;

  @Test
  void agreesWithNumcodecs(@TempDir Path dir) throws Exception {
    JsonNode doc = generate(dir);
    String np = doc.path("numpy").asText();
    String nc = doc.path("numcodecs").asText();
    Assumptions.assumeTrue(np.startsWith("1.24.") && nc.startsWith("0.11."),
        "needs numpy 1.24 and numcodecs 0.11, found " + np + " and " + nc);
    List<String> failures = new ArrayList<>();
    int checks = 0;
    for (JsonNode c : doc.get("cases")) {
      ObjectNode conf = (ObjectNode) c.get("config");
      BytesToBytesCodec codec = c.get("kind").asText().equals("bitround")
          ? new BitRoundCodec(conf.get("keepbits").asInt(), DataTypes.parseV2(c.get("type"), "type"))
          : (BytesToBytesCodec) CodecRegistry.defaults().fromV2(conf, "differential");
      if (c.has("enc_in")) {
        checks++;
        String got = run(() -> hex(codec.encode(bytes(c.get("enc_in")))));
        // Where numcodecs fails (NaN or int64 overflow in a scalar assignment), we must fail too.
        String want = c.has("enc_err") ? "error" : c.get("enc_out").asText();
        if (!got.equals(want)) {
          failures.add("encode " + conf + " of " + c.get("enc_in").asText() + "\n  want " + want + "\n  got  " + got);
        }
      }
      if (c.has("dec_in")) {
        checks++;
        String got = run(() -> hex(codec.decode(bytes(c.get("dec_in")), -1)));
        if (!got.equals(c.get("dec_out").asText())) {
          failures.add("decode " + conf + " of " + c.get("dec_in").asText() + "\n  want " + c.get("dec_out").asText()
              + "\n  got  " + got);
        }
      }
    }
    assertTrue(checks > 5000, "only " + checks + " checks");
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " of " + checks + " differ");
  }

  private static JsonNode generate(Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is not installed");
    Path script = dir.resolve("generate.py");
    Path out = dir.resolve("cases.json");
    Files.writeString(script, GENERATOR, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(PYTHON, script.toString(), out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    Assumptions.assumeFalse(log.contains("No module named"), "numpy or numcodecs is missing: " + log);
    assertTrue(Files.exists(out), "the numcodecs generator failed:\n" + log);
    return Json.parse(ByteBuffer.wrap(Files.readAllBytes(out)), "numcodecs cases");
  }

  private static ByteBuffer bytes(JsonNode hex) {
    return ByteBuffer.wrap(HEX.parseHex(hex.asText()));
  }

  private static String run(java.util.function.Supplier<String> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return "error";
    }
  }
}
