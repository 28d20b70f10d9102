package io.zarrspark.spark.read.filter;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * Turns Spark V2 predicates on dimension (and coordinate) columns into per-dimension index sets.
 * A translation is exact when the rows it selects are exactly those the predicate accepts; an
 * inexact one is a superset, good for pruning but left for Spark to evaluate again.
 */
public final class PredicateTranslator {
  private final Map<String, Integer> dimensionOf;
  private final DimensionValues[] values;

  public PredicateTranslator(Map<String, Integer> dimensionOf, DimensionValues[] values) {
    this.dimensionOf = dimensionOf;
    this.values = values;
  }

  /** Per-dimension constraints; dimensions absent from the map are unconstrained. */
  public record Translation(Map<Integer, IndexRanges> ranges, boolean exact) {
    static Translation unconstrained() {
      return new Translation(Map.of(), false);
    }
  }

  public Translation translate(Predicate p) {
    Translation t = visit(p);
    return t == null ? Translation.unconstrained() : t;
  }

  private Translation visit(Predicate p) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "AND": {
        Translation a = translate((Predicate) c[0]);
        Translation b = translate((Predicate) c[1]);
        Map<Integer, IndexRanges> m = new HashMap<>(a.ranges());
        b.ranges().forEach((d, r) -> m.merge(d, r, IndexRanges::intersect));
        return new Translation(m, a.exact() && b.exact());
      }
      case "OR": {
        Translation a = translate((Predicate) c[0]);
        Translation b = translate((Predicate) c[1]);
        // A union is a box only when both sides constrain the same single dimension.
        if (a.ranges().size() == 1 && a.ranges().keySet().equals(b.ranges().keySet())) {
          int d = a.ranges().keySet().iterator().next();
          return new Translation(Map.of(d, a.ranges().get(d).union(b.ranges().get(d), values[d].size())),
              a.exact() && b.exact());
        }
        return null;
      }
      case "NOT": {
        Translation a = translate((Predicate) c[0]);
        // Only for index dimensions: a coordinate may be null, and NOT(null) selects nothing.
        if (a.exact() && a.ranges().size() == 1) {
          int d = a.ranges().keySet().iterator().next();
          if (values[d] instanceof IndexValues) {
            return new Translation(Map.of(d, a.ranges().get(d).complement(values[d].size())), true);
          }
        }
        return null;
      }
      case "ALWAYS_TRUE":
        return new Translation(Map.of(), true);
      case "IS_NOT_NULL": {
        Integer d = dimension(c[0]);
        // Index columns are never null; coordinate columns may be (masked values).
        return d != null && values[d] instanceof IndexValues ? new Translation(Map.of(), true) : null;
      }
      case "IN": {
        Integer d = dimension(c[0]);
        if (d == null) {
          return null;
        }
        Object[] lits = new Object[c.length - 1];
        for (int i = 1; i < c.length; i++) {
          if (!(c[i] instanceof Literal)) {
            return null;
          }
          lits[i - 1] = ((Literal<?>) c[i]).value();
        }
        IndexRanges r = values[d].in(lits);
        return r == null ? null : new Translation(Map.of(d, r), true);
      }
      case "=":
      case "<=>":
      case "<>":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return comparison(p.name(), c[0], c[1]);
      default:
        return null;
    }
  }

  private Translation comparison(String op, Expression left, Expression right) {
    Integer d = dimension(left);
    Expression lit = right;
    String o = op;
    if (d == null) {
      d = dimension(right);
      lit = left;
      o = flip(op);
    }
    if (d == null || !(lit instanceof Literal) || ((Literal<?>) lit).value() == null) {
      return null;
    }
    IndexRanges r = values[d].compare(o, ((Literal<?>) lit).value());
    return r == null ? null : new Translation(Map.of(d, r), true);
  }

  private Integer dimension(Expression e) {
    if (e instanceof NamedReference && ((NamedReference) e).fieldNames().length == 1) {
      return dimensionOf.get(((NamedReference) e).fieldNames()[0]);
    }
    return null;
  }

  private static String flip(String op) {
    switch (op) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return op;
    }
  }
}
