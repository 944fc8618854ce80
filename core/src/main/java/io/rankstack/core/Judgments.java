package io.rankstack.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Relevance judgments (qrels): for each query, the integer grade assessors gave to each judged
 * document. A grade above zero means relevant; zero means judged not relevant; a document absent from
 * a query's map is unjudged. Negative grades are kept as given (some collections use them for "junk").
 *
 * @param grades grades by query id, then by document id; copied and unmodifiable
 */
public record Judgments(Map<String, Map<String, Integer>> grades) {
  public Judgments {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(grades, "grades").forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
    grades = Collections.unmodifiableMap(copy);
  }

  /** Query ids that have at least one judgment, in file order. */
  public Set<String> queryIds() {
    return grades.keySet();
  }

  /** The judged documents of a query with their grades; empty when the query has none. */
  public Map<String, Integer> of(String queryId) {
    return grades.getOrDefault(queryId, Map.of());
  }

  /** The grade of a document for a query, or {@code null} when it is unjudged. */
  public Integer grade(String queryId, String docId) {
    return of(queryId).get(docId);
  }

  /** Number of documents judged relevant (grade at least {@code minGrade}) for a query. */
  public int relevantCount(String queryId, int minGrade) {
    int n = 0;
    for (int g : of(queryId).values()) {
      if (g >= minGrade) {
        n++;
      }
    }
    return n;
  }

  /** Builds judgments one line at a time; a later grade for the same pair replaces the earlier one. */
  public static final class Builder {
    private final Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();

    public Builder add(String queryId, String docId, int grade) {
      grades.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).put(docId, grade);
      return this;
    }

    public Judgments build() {
      return new Judgments(grades);
    }
  }
}
