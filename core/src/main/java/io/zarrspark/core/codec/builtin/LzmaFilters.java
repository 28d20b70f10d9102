package io.zarrspark.core.codec.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tukaani.xz.ARMOptions;
import org.tukaani.xz.ARMThumbOptions;
import org.tukaani.xz.DeltaOptions;
import org.tukaani.xz.FilterOptions;
import org.tukaani.xz.IA64Options;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.PowerPCOptions;
import org.tukaani.xz.SPARCOptions;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.X86Options;

/**
 * Python lzma filter chains ({@code [{"id": 33, "preset": 6}, ...]}) as xz-java options. Only
 * encoding needs them: xz streams and LZMA_ALONE headers describe their own filters.
 */
final class LzmaFilters {
  private LzmaFilters() {}

  static final long LZMA1 = 0x4000000000000001L;
  static final long LZMA2 = 0x21;
  static final long DELTA = 0x03;
  static final long X86 = 0x04;
  static final long POWERPC = 0x05;
  static final long IA64 = 0x06;
  static final long ARM = 0x07;
  static final long ARMTHUMB = 0x08;
  static final long SPARC = 0x09;

  private static long id(JsonNode f) {
    JsonNode id = f == null ? null : f.get("id");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
      throw new IllegalArgumentException("each lzma filter must be an object with an integer \"id\", got " + f);
    }
    return id.longValue();
  }

  /** Checks the chain's shape as liblzma would before using it. */
  static void validate(JsonNode filters, int format) {
    if (!filters.isArray() || filters.isEmpty()) {
      throw new IllegalArgumentException("lzma filters must be a non-empty list or null, got " + filters);
    }
    if (format == LzmaCodec.FORMAT_ALONE) {
      if (filters.size() != 1 || id(filters.get(0)) != LZMA1) {
        throw new IllegalArgumentException("lzma format 2 (alone) needs exactly one LZMA1 filter, got " + filters);
      }
      return;
    }
    for (int i = 0; i < filters.size(); i++) {
      long id = id(filters.get(i));
      boolean last = i == filters.size() - 1;
      if (last != (id == LZMA2) || !(id == LZMA2 || id == DELTA || (id >= X86 && id <= SPARC))) {
        throw new IllegalArgumentException("lzma filter chain " + filters + " is not supported: it must be delta or"
            + " BCJ filters (ids 3-9) followed by one LZMA2 filter (id 33)");
      }
    }
  }

  static LZMA2Options lzma1(JsonNode filters) {
    return lzmaOptions(filters.get(0));
  }

  static FilterOptions[] xzChain(JsonNode filters) {
    List<FilterOptions> chain = new ArrayList<>();
    for (JsonNode f : filters) {
      long id = id(f);
      try {
        if (id == LZMA2) {
          chain.add(lzmaOptions(f));
        } else if (id == DELTA) {
          chain.add(new DeltaOptions(intOf(f, "dist", 1)));
        } else {
          chain.add(bcj(id, intOf(f, "start_offset", 0)));
        }
      } catch (UnsupportedOptionsException e) {
        throw new IllegalArgumentException("lzma filter " + f + ": " + e.getMessage(), e);
      }
    }
    return chain.toArray(new FilterOptions[0]);
  }

  private static FilterOptions bcj(long id, int start) throws UnsupportedOptionsException {
    if (id == X86) {
      X86Options o = new X86Options();
      o.setStartOffset(start);
      return o;
    } else if (id == POWERPC) {
      PowerPCOptions o = new PowerPCOptions();
      o.setStartOffset(start);
      return o;
    } else if (id == IA64) {
      IA64Options o = new IA64Options();
      o.setStartOffset(start);
      return o;
    } else if (id == ARM) {
      ARMOptions o = new ARMOptions();
      o.setStartOffset(start);
      return o;
    } else if (id == ARMTHUMB) {
      ARMThumbOptions o = new ARMThumbOptions();
      o.setStartOffset(start);
      return o;
    }
    SPARCOptions o = new SPARCOptions();
    o.setStartOffset(start);
    return o;
  }

  /** An LZMA1/LZMA2 filter's options: its preset first, then the fields Python lets override. */
  private static LZMA2Options lzmaOptions(JsonNode f) {
    try {
      long p = f.hasNonNull("preset") ? f.get("preset").longValue() : LZMA2Options.PRESET_DEFAULT;
      LZMA2Options o = new LZMA2Options((int) (p & 0x1f));
      if (f.hasNonNull("dict_size")) {
        o.setDictSize(intOf(f, "dict_size", 0));
      }
      if (f.hasNonNull("lc") || f.hasNonNull("lp")) {
        o.setLcLp(intOf(f, "lc", o.getLc()), intOf(f, "lp", o.getLp()));
      }
      if (f.hasNonNull("pb")) {
        o.setPb(intOf(f, "pb", 0));
      }
      if (f.hasNonNull("mode")) {
        // liblzma and xz-java number the modes alike: 1 fast, 2 normal.
        o.setMode(intOf(f, "mode", 0));
      }
      if (f.hasNonNull("nice_len")) {
        o.setNiceLen(intOf(f, "nice_len", 0));
      }
      if (f.hasNonNull("mf")) {
        // xz-java has only HC4 and BT4; the others change speed and ratio, not the format.
        o.setMatchFinder(intOf(f, "mf", 0) < 0x10 ? LZMA2Options.MF_HC4 : LZMA2Options.MF_BT4);
      }
      if (f.hasNonNull("depth")) {
        o.setDepthLimit(intOf(f, "depth", 0));
      }
      return o;
    } catch (UnsupportedOptionsException e) {
      throw new IllegalArgumentException("lzma filter " + f + ": " + e.getMessage(), e);
    }
  }

  private static int intOf(JsonNode f, String field, int dflt) {
    JsonNode n = f.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new IllegalArgumentException("lzma filter field '" + field + "' must be an integer, got " + n);
    }
    return n.intValue();
  }
}
