package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.metrics.RankingMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link PerQueryScores} computed with core's {@link RankingMetrics} over each run's ranked list, in
 * the list's order (runs read with {@code TrecFormats.readRun} are ordered as trec_eval orders them).
 * Supports the measures {@link Measure} parses. Stateless; one instance serves any number of calls.
 */
public final class CoreMetricScores implements PerQueryScores {

  @Override
  public Map<String, Double> scores(Judgments qrels, Run run, String measure) {
    Measure m = Measure.parse(measure);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String q : PerQueryScores.evaluatedQueries(qrels)) {
      scores.put(q, m.score(run.of(q).docIds(), qrels.of(q)));
    }
    return scores;
  }

  @Override
  public void checkMeasure(String measure) {
    Measure.parse(measure);
  }
}
