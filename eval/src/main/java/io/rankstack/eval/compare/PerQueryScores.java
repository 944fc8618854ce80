package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-query scores of one measure for one run: the only thing {@code compare} needs from a
 * metric engine. {@link CoreMetricScores} computes them with core's {@link RankingMetrics}; a
 * trec_eval-exact engine can replace it without touching the statistics or the command.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>The result holds a score for every query of {@link #evaluatedQueries(Judgments)}: each query
 *       of the qrels with at least one relevant document (grade at least
 *       {@link RankingMetrics#RELEVANT}). A query the run has no list for is scored as an empty
 *       ranking (0 for every supported measure), as {@code trec_eval -c} does. Callers ignore scores
 *       of any other query.</li>
 *   <li>Scores are finite. The same inputs give the same scores.</li>
 *   <li>An unknown or malformed measure name throws {@link IllegalArgumentException} with a message
 *       a user can act on (the CLI prints it and exits with code 2).</li>
 * </ul>
 *
 * <p><b>Experimental:</b> this interface may still change (for instance gain a method listing the
 * measures an engine supports) when the trec_eval-exact engine arrives.
 */
@FunctionalInterface
public interface PerQueryScores {

  /**
   * Scores each evaluated query of {@code qrels} under {@code measure} for {@code run}.
   *
   * @param measure a trec_eval measure name such as {@code ndcg_cut.10} or {@code map}
   * @return scores by query id
   */
  Map<String, Double> scores(Judgments qrels, Run run, String measure);

  /**
   * Checks a measure name before any file is read, so that a typo fails fast. Throws
   * {@link IllegalArgumentException} for a name {@link #scores} would reject; the default accepts
   * every name and leaves the check to {@link #scores}.
   */
  default void checkMeasure(String measure) {}

  /** The queries a comparison is over: those of {@code qrels} with a relevant document, in qrels order. */
  static List<String> evaluatedQueries(Judgments qrels) {
    List<String> ids = new ArrayList<>();
    for (String q : qrels.queryIds()) {
      if (qrels.relevantCount(q, RankingMetrics.RELEVANT) > 0) {
        ids.add(q);
      }
    }
    return ids;
  }
}
