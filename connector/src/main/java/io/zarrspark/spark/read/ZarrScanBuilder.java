package io.zarrspark.spark.read;

import io.zarrspark.spark.ZarrOptions;
import io.zarrspark.spark.read.filter.IndexRanges;
import io.zarrspark.spark.read.filter.PredicateTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Pushdown: columns (an array not selected is never read), predicates on dimension and
 * coordinate columns (prune chunks, select inside chunks), LIMIT, and COUNT(*) answered from the
 * selection's size without reading a chunk.
 */
final class ZarrScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownV2Filters,
    SupportsPushDownLimit, SupportsPushDownAggregates {
  private final StoreSpec store;
  private final ReadLayout layout;
  private final ZarrOptions options;
  private StructType required;
  private final Map<Integer, IndexRanges> constraints = new HashMap<>();
  private Predicate[] pushed = new Predicate[0];
  private int limit = -1;
  private boolean countOnly;

  ZarrScanBuilder(StoreSpec store, ReadLayout layout, ZarrOptions options) {
    this.store = store;
    this.layout = layout;
    this.options = options;
    this.required = layout.schema();
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    // Keep the table's column order; Spark asks for a subset.
    List<StructField> kept = new ArrayList<>();
    for (StructField f : layout.schema().fields()) {
      if (requiredSchema.getFieldIndex(f.name()).isDefined()) {
        kept.add(f);
      }
    }
    this.required = new StructType(kept.toArray(new StructField[0]));
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    Map<String, Integer> dims = new HashMap<>();
    String[] names = layout.dimensionNames();
    for (int i = 0; i < names.length; i++) {
      dims.put(names[i], i);
    }
    PredicateTranslator translator = new PredicateTranslator(dims, layout.dimensionValues(store.open()));
    List<Predicate> used = new ArrayList<>();
    List<Predicate> postScan = new ArrayList<>();
    for (Predicate p : predicates) {
      PredicateTranslator.Translation t = translator.translate(p);
      if (!t.ranges().isEmpty() || t.exact()) {
        t.ranges().forEach((d, r) -> constraints.merge(d, r, IndexRanges::intersect));
        used.add(p);
      }
      // Exactly translated predicates are fully answered by the selection; others Spark re-checks.
      if (!t.exact()) {
        postScan.add(p);
      }
    }
    this.pushed = used.toArray(new Predicate[0]);
    return postScan.toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.clone();
  }

  @Override
  public boolean pushLimit(int n) {
    this.limit = n;
    return true;
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return isCount(aggregation);
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    countOnly = isCount(aggregation);
    return countOnly;
  }

  /** COUNT(*) or COUNT(column) without grouping: our columns are never null, so both are the row count. */
  private boolean isCount(Aggregation aggregation) {
    if (aggregation.groupByExpressions().length != 0 || aggregation.aggregateExpressions().length != 1) {
      return false;
    }
    AggregateFunc f = aggregation.aggregateExpressions()[0];
    return f instanceof CountStar || f instanceof Count && !((Count) f).isDistinct() && !layout.hasNullableColumns();
  }

  @Override
  public Scan build() {
    Selection selection = Selection.of(layout.shape(), layout.chunkShape(), constraints);
    if (countOnly) {
      return new CountScan(layout.chunkRows() ? selection.chunkCount() : selection.rowCount());
    }
    return new ZarrScan(store, layout, options, required, selection, limit);
  }
}
