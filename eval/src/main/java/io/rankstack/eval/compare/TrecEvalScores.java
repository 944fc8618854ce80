package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.eval.trec.TrecEvalOptions;
import io.rankstack.eval.trec.TrecEvalResult;
import io.rankstack.eval.trec.TrecEvaluator;
import io.rankstack.eval.trec.TrecQrels;
import io.rankstack.eval.trec.TrecRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PerQueryScores} from the trec_eval-exact engine ({@link TrecEvaluator}) with
 * {@code -c} semantics, so that the per-query numbers {@code compare} tests are the very numbers
 * {@code rankstack-eval trec -q -c -m MEASURE} prints. Accepts any trec_eval measure with one
 * per-query value ({@code ndcg_cut.10}, {@code map}, {@code P.5}, {@code bpref}, {@code recip_rank},
 * {@code rbp}, …); a measure with several values ({@code P.5,10}) is rejected.
 */
public final class TrecEvalScores implements PerQueryScores {

  @Override
  public Map<String, Double> scores(Judgments qrels, Run run, String measure) {
    TrecEvaluator evaluator = evaluator(measure);
    TrecEvalResult result = evaluator.evaluate(TrecQrels.from(qrels), TrecRun.from(run));
    String name = singleValueName(result, measure);
    Map<String, Double> all = result.perQuery(name);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String q : PerQueryScores.evaluatedQueries(qrels)) {
      Double v = all.get(q);
      scores.put(q, v == null ? 0.0 : v);
    }
    return scores;
  }

  @Override
  public void checkMeasure(String measure) {
    evaluator(measure);
  }

  private static TrecEvaluator evaluator(String measure) {
    if (measure == null || measure.isBlank() || measure.startsWith("all_") || measure.equals("official")) {
      throw new IllegalArgumentException("compare needs one measure such as ndcg_cut.10 or map, not '" + measure + "'");
    }
    return new TrecEvaluator(TrecEvalOptions.defaults().withMeasures(measure).withCompleteRelInfo(true));
  }

  private static String singleValueName(TrecEvalResult result, String measure) {
    List<String> names = result.perQueryValueNames().stream().filter(n -> !n.equals("runid") && !n.equals("relstring")).toList();
    if (names.size() != 1) {
      throw new IllegalArgumentException("measure '" + measure + "' has " + names.size()
          + " per-query values " + names + "; compare needs exactly one (e.g. ndcg_cut.10, not ndcg_cut.10,20)");
    }
    return names.get(0);
  }
}
