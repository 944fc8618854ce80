package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing run B against run A on one measure: the per-query scores, how the query
 * set was formed, and the {@link PairedComparison} of the two score vectors. Built from runs and
 * judgments already read (no I/O here); {@link ComparisonFormat} renders it.
 *
 * @param settings         measure, permutations and seed
 * @param a                run A: where it came from and its tag
 * @param b                run B: where it came from and its tag
 * @param rows             one row per evaluated query, in qrels order
 * @param withoutRelevant  qrels queries left out because they have no relevant document
 * @param missingFromA     evaluated queries run A has no list for (scored as an empty ranking)
 * @param missingFromB     evaluated queries run B has no list for (scored as an empty ranking)
 * @param stats            the paired statistics of {@code rows}
 */
public record ComparisonReport(
    CompareSettings settings,
    RunInfo a,
    RunInfo b,
    List<QueryRow> rows,
    int withoutRelevant,
    int missingFromA,
    int missingFromB,
    PairedComparison stats) {

  /** A run's source (usually its file) and tag. */
  public record RunInfo(String source, String tag) {}

  /** One query's scores; {@link #difference()} is B - A. */
  public record QueryRow(String queryId, double a, double b) {
    public double difference() {
      return b - a;
    }
  }

  public ComparisonReport {
    rows = List.copyOf(rows);
  }

  /**
   * Scores both runs with {@code engine} over {@link PerQueryScores#evaluatedQueries} and compares
   * them.
   *
   * @throws IllegalArgumentException when no query of the qrels has a relevant document, or the
   *                                  engine rejects the measure
   * @throws IllegalStateException    when the engine breaks its contract (no score for an
   *                                  evaluated query)
   */
  public static ComparisonReport build(Judgments qrels, Run runA, String sourceA, Run runB, String sourceB,
                                       CompareSettings settings, PerQueryScores engine) {
    List<String> queries = PerQueryScores.evaluatedQueries(qrels);
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("no query in the qrels has a relevant document: nothing to compare");
    }
    Map<String, Double> scoresA = engine.scores(qrels, runA, settings.measure());
    Map<String, Double> scoresB = engine.scores(qrels, runB, settings.measure());
    List<QueryRow> rows = new ArrayList<>(queries.size());
    double[] a = new double[queries.size()];
    double[] b = new double[queries.size()];
    int missingA = 0;
    int missingB = 0;
    for (int i = 0; i < queries.size(); i++) {
      String q = queries.get(i);
      a[i] = score(scoresA, q, engine);
      b[i] = score(scoresB, q, engine);
      rows.add(new QueryRow(q, a[i], b[i]));
      missingA += runA.lists().containsKey(q) ? 0 : 1;
      missingB += runB.lists().containsKey(q) ? 0 : 1;
    }
    PairedComparison stats = PairedComparison.of(a, b, settings.permutations(), settings.seed());
    return new ComparisonReport(settings, new RunInfo(sourceA, runA.tag()), new RunInfo(sourceB, runB.tag()), rows,
        qrels.queryIds().size() - queries.size(), missingA, missingB, stats);
  }

  private static double score(Map<String, Double> scores, String query, PerQueryScores engine) {
    Double s = scores.get(query);
    if (s == null) {
      throw new IllegalStateException(engine.getClass().getName() + " returned no score for query " + query);
    }
    return s;
  }
}
