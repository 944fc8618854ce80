package io.rankstack.index;

import io.rankstack.core.Query;
import java.util.List;
import java.util.Objects;

/**
 * One retrieval: the query, how many results, which fields with which weights, and filters.
 *
 * @param query   the query (its id names the result list, its text is analysed into terms)
 * @param k       the number of results wanted, at least 0
 * @param fields  fields to score and their weights
 * @param filters conditions every result must meet (all of them)
 */
public record SearchRequest(Query query, int k, FieldWeights fields, List<Filter> filters) {
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(fields, "fields");
    filters = List.copyOf(filters);
    if (k < 0) {
      throw new IllegalArgumentException("k must be non-negative: " + k);
    }
  }

  /** The top {@code k} for {@code query} over {@value IndexFields#CONTENTS}, unfiltered. */
  public static SearchRequest of(Query query, int k) {
    return new SearchRequest(query, k, FieldWeights.CONTENTS, List.of());
  }

  /** This request over other fields. */
  public SearchRequest withFields(FieldWeights newFields) {
    return new SearchRequest(query, k, newFields, filters);
  }

  /** This request with other filters. */
  public SearchRequest withFilters(Filter... newFilters) {
    return new SearchRequest(query, k, fields, List.of(newFilters));
  }

  /** This request with another {@code k}. */
  public SearchRequest withK(int newK) {
    return new SearchRequest(query, newK, fields, filters);
  }
}
