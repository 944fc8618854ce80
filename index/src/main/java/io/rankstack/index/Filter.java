package io.rankstack.index;

import java.util.Objects;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.NumericUtils;

/**
 * A condition a document must meet to be retrieved; it never changes a score (a Lucene FILTER
 * clause). A filter on a field no document has matches nothing.
 */
public sealed interface Filter {

  /** The Lucene query that matches the documents passing this filter. */
  Query toLuceneQuery();

  /** Documents whose keyword field {@code field} is exactly {@code value} (see {@link IndexConfig#keywordFields()}). */
  static Filter term(String field, String value) {
    return new TermFilter(field, value);
  }

  /** Documents whose numeric attribute {@code field} lies in [{@code min}, {@code max}], both inclusive. */
  static Filter range(String field, double min, double max) {
    return new RangeFilter(field, min, max);
  }

  /** Numeric attribute at least {@code min}. */
  static Filter atLeast(String field, double min) {
    return new RangeFilter(field, min, Double.POSITIVE_INFINITY);
  }

  /** Numeric attribute at most {@code max}. */
  static Filter atMost(String field, double max) {
    return new RangeFilter(field, Double.NEGATIVE_INFINITY, max);
  }

  /** Exact match on a keyword field. */
  record TermFilter(String field, String value) implements Filter {
    public TermFilter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Query toLuceneQuery() {
      return new TermQuery(new Term(field, value));
    }
  }

  /** Inclusive range on a numeric attribute; infinite bounds are open ends. */
  record RangeFilter(String field, double min, double max) implements Filter {
    public RangeFilter {
      Objects.requireNonNull(field, "field");
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException("illegal range [" + min + ", " + max + "] on '" + field + "': bounds must be numbers with min <= max");
      }
    }

    /** Points for selective ranges, doc values when the scored query leads; Lucene picks per segment. */
    @Override
    public Query toLuceneQuery() {
      return new IndexOrDocValuesQuery(
          DoublePoint.newRangeQuery(field, min, max),
          SortedNumericDocValuesField.newSlowRangeQuery(field,
              NumericUtils.doubleToSortableLong(min), NumericUtils.doubleToSortableLong(max)));
    }
  }
}
