package io.rankstack.eval.tsp;

import io.rankstack.core.metrics.RankingMetrics;
import java.util.List;
import java.util.Map;

/** The two nDCG@k variants the TSPRank experiment reports. */
enum GradedNdcg {
  /** trec_eval's {@code ndcg_cut}: gain = grade, discount log2(rank + 1) ({@link RankingMetrics#ndcg}). */
  LINEAR,
  /**
   * Burges et al. (ICML 2005) exponential gain: {@code DCG@k = sum_{r=1..k} (2^g(r) - 1) / log2(r + 1)},
   * divided by the same sum for the judged documents sorted by grade; 0 when none is relevant.
   */
  EXPONENTIAL;

  double at(List<String> ranking, Map<String, Integer> grades, int k) {
    if (this == LINEAR) {
      return RankingMetrics.ndcg(ranking, grades, k);
    }
    double dcg = 0;
    for (int r = 0; r < Math.min(k, ranking.size()); r++) {
      dcg += gain(grades.getOrDefault(ranking.get(r), 0)) / log2(r + 2);
    }
    int[] sorted = grades.values().stream().mapToInt(Integer::intValue).map(g -> -g).sorted().map(g -> -g).toArray();
    double ideal = 0;
    for (int r = 0; r < Math.min(k, sorted.length); r++) {
      ideal += gain(sorted[r]) / log2(r + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  private static double gain(int g) {
    return g <= 0 ? 0 : Math.pow(2, g) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
