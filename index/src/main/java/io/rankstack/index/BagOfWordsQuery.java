package io.rankstack.index;

import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns query text into a Lucene query without any query syntax: the text is analysed into terms
 * and every distinct term becomes an optional (SHOULD) term clause, boosted by the number of times
 * it occurs in the query. This is Anserini's {@code BagOfWordsQueryGenerator}; characters such as
 * {@code + - : " ( ) *} need no escaping because nothing is parsed.
 *
 * <p>Over several fields the per-field queries are themselves SHOULD clauses, each boosted by its
 * field weight, so under BM25 the score is a weighted sum of per-field BM25 scores, each with that
 * field's own statistics (its average length, its document frequencies):
 * <pre>
 *   score(q, d) = Σ_field w_field · Σ_{t ∈ distinct terms of q} c(t, q) · BM25_field(t, d)
 * </pre>
 * (This is not BM25F, which would merge frequencies across fields before saturation.)
 */
public final class BagOfWordsQuery {
  private BagOfWordsQuery() {}

  /**
   * The query for {@code text} over {@code fields}; a {@link MatchNoDocsQuery} when analysis leaves
   * no terms (for example, only stop words).
   */
  public static Query build(Analyzer analyzer, String text, FieldWeights fields) {
    BooleanQuery.Builder outer = new BooleanQuery.Builder();
    Query only = null;
    int clauses = 0;
    for (Map.Entry<String, Float> e : fields.weights().entrySet()) {
      Query perField = forField(analyzer, e.getKey(), text);
      if (perField == null) {
        continue;
      }
      float w = e.getValue();
      Query weighted = w == 1f ? perField : new BoostQuery(perField, w);
      outer.add(weighted, BooleanClause.Occur.SHOULD);
      only = weighted;
      clauses++;
    }
    if (clauses == 0) {
      return new MatchNoDocsQuery("no query terms after analysis");
    }
    return clauses == 1 ? only : outer.build();
  }

  /** The bag of words over one field, or null when no terms remain. */
  static Query forField(Analyzer analyzer, String field, String text) {
    List<String> terms = DefaultEnglishAnalyzer.analyze(analyzer, field, text);
    if (terms.isEmpty()) {
      return null;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String t : terms) {
      counts.merge(t, 1, Integer::sum);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      Query tq = new TermQuery(new Term(field, c.getKey()));
      b.add(c.getValue() == 1 ? tq : new BoostQuery(tq, c.getValue()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }
}
