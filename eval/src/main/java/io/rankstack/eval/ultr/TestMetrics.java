package io.rankstack.eval.ultr;

import io.rankstack.core.metrics.RankingMetrics;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * nDCG@1/3/5/10 (linear gain, trec_eval's {@code ndcg_cut}) and ERR@10 of a scoring function on the
 * test set with its true grades, averaged over queries (queries without a relevant row count 0 for
 * nDCG, as in trec_eval).
 */
final class TestMetrics {
  static final String[] NAMES = {"nDCG@1", "nDCG@3", "nDCG@5", "nDCG@10", "ERR@10"};

  private TestMetrics() {}

  static double[] evaluate(LetorDataset test, int maxGrade, ToDoubleFunction<float[]> score) {
    double[] sum = new double[NAMES.length];
    int queries = 0;
    for (List<LetorRow> rows : test.byQuery().values()) {
      Map<String, Integer> grades = new HashMap<>();
      double[] s = new double[rows.size()];
      Integer[] idx = new Integer[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        grades.put("r" + i, rows.get(i).grade());
        s[i] = score.applyAsDouble(rows.get(i).features());
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
      List<String> ranking = new ArrayList<>();
      for (int i : idx) {
        ranking.add("r" + i);
      }
      sum[0] += RankingMetrics.ndcg(ranking, grades, 1);
      sum[1] += RankingMetrics.ndcg(ranking, grades, 3);
      sum[2] += RankingMetrics.ndcg(ranking, grades, 5);
      sum[3] += RankingMetrics.ndcg(ranking, grades, 10);
      sum[4] += RankingMetrics.err(ranking, grades, 10, maxGrade);
      queries++;
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= queries;
    }
    return sum;
  }
}
