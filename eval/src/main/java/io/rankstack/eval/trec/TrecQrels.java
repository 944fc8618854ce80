package io.rankstack.eval.trec;

import io.rankstack.core.Judgments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Relevance judgments as trec_eval holds them: queries in {@code strcmp} order of their ids, each
 * with its judged documents and integer grades. A grade {@code >= 0} is a judgment (relevant when at
 * least the relevance level, 1 by default); a negative grade means "in the pool but not judged".
 * Immutable.
 */
public final class TrecQrels {
  private final String source;
  private final Map<String, QueryJudgments> byQuery;

  TrecQrels(String source, List<QueryJudgments> queries) {
    this.source = Objects.requireNonNull(source, "source");
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(source + ": no judgments");
    }
    Map<String, QueryJudgments> m = new LinkedHashMap<>();
    String previous = null;
    for (QueryJudgments q : queries) {
      if (previous != null && CText.compare(previous, q.queryId()) >= 0) {
        throw new IllegalArgumentException("queries must be in strcmp order: " + previous + ", " + q.queryId());
      }
      previous = q.queryId();
      m.put(q.queryId(), q);
    }
    this.byQuery = Collections.unmodifiableMap(m);
  }

  /** Reads a TREC qrels file ({@code qid iter docno rel}); see {@link QrelsReader}. */
  public static TrecQrels read(Path file) {
    return QrelsReader.read(file);
  }

  /**
   * Adapts core judgments. Their queries and documents are re-ordered as trec_eval orders them;
   * the source is named {@code "judgments"} in messages.
   */
  public static TrecQrels from(Judgments judgments) {
    QrelsReader.Collector c = new QrelsReader.Collector("judgments");
    judgments.grades().forEach((q, docs) -> docs.forEach((d, g) -> c.add(q, d, g, 0)));
    return c.build();
  }

  /** Where the judgments came from (a file name), for messages. */
  public String source() {
    return source;
  }

  /** Query ids in the order trec_eval evaluates and prints them ({@code strcmp} order). */
  public List<String> queryIds() {
    return List.copyOf(byQuery.keySet());
  }

  /** The judged documents of a query with their grades, in document id order; empty when none. */
  public Map<String, Integer> judgments(String queryId) {
    QueryJudgments q = byQuery.get(queryId);
    return q == null ? Map.of() : q.asMap();
  }

  QueryJudgments query(String queryId) {
    return byQuery.get(queryId);
  }

  List<QueryJudgments> queries() {
    return new ArrayList<>(byQuery.values());
  }
}
