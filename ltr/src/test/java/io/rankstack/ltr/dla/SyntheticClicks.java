package io.rankstack.ltr.dla;

import io.rankstack.core.clicks.PositionBasedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny synthetic click data: queries of 10 documents with 6 Gaussian features, grade 0–4 from a
 * linear function of the first three, shown in a random order, clicked by the DLA paper's PBM.
 */
final class SyntheticClicks {
  static final int FEATURES = 6;

  record Query(float[][] features, int[] grades) {}

  private SyntheticClicks() {}

  static List<Query> queries(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Query> out = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      float[][] x = new float[10][FEATURES];
      int[] g = new int[10];
      for (int d = 0; d < 10; d++) {
        for (int j = 0; j < FEATURES; j++) {
          x[d][j] = (float) gaussian(r);
        }
        double rel = x[d][0] + 0.5 * x[d][1] - 0.5 * x[d][2] + 0.2 * gaussian(r);
        g[d] = rel < -0.5 ? 0 : rel < 0.3 ? 1 : rel < 1.0 ? 2 : rel < 1.6 ? 3 : 4;
      }
      out.add(new Query(x, g));
    }
    return out;
  }

  /** Each query's documents clicked in {@code sessions} sessions by {@code pbm}; counts summed per list. */
  static List<ClickedList> clicks(List<Query> queries, PositionBasedModel pbm, int sessions, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<ClickedList> out = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      double[] c = new double[10];
      for (int s = 0; s < sessions; s++) {
        boolean[] k = pbm.sample(queries.get(q).grades(), r);
        for (int i = 0; i < 10; i++) {
          c[i] += k[i] ? 1 : 0;
        }
      }
      out.add(new ClickedList("q" + q, queries.get(q).features(), c));
    }
    return out;
  }

  /** Mean nDCG@10 (linear gain) of the ranker over the queries. */
  static double ndcg10(DlaRanker ranker, List<Query> queries) {
    double sum = 0;
    for (Query q : queries) {
      double[] s = ranker.scores(q.features());
      Integer[] idx = new Integer[10];
      for (int i = 0; i < 10; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Double.compare(s[b], s[a]));
      int[] ideal = q.grades().clone();
      java.util.Arrays.sort(ideal);
      double dcg = 0;
      double idcg = 0;
      for (int i = 0; i < 10; i++) {
        dcg += q.grades()[idx[i]] / (Math.log(i + 2) / Math.log(2));
        idcg += ideal[9 - i] / (Math.log(i + 2) / Math.log(2));
      }
      sum += idcg == 0 ? 0 : dcg / idcg;
    }
    return sum / queries.size();
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
