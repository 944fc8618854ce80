package io.rankstack.eval.ultr;

import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.LinearRanker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The paper's logging setup: an initial ranker trained on a small random fraction of the training
 * queries (a ridge-regression {@link LinearRanker}) orders every training query's candidates, and
 * its top k (10) is the list users see.
 */
final class TopLists {
  /** One shown list: feature vectors and true grades, rank 1 first. */
  record Shown(String queryId, float[][] features, int[] grades) {}

  private TopLists() {}

  /** {@code max(1, round(fraction · queries))} training queries drawn with {@code seed}. */
  static Set<String> initialQueries(LetorDataset train, double fraction, long seed) {
    List<String> ids = new ArrayList<>(train.queryIds());
    Collections.shuffle(ids, new java.util.Random(seed));
    int n = (int) Math.max(1, Math.round(fraction * ids.size()));
    return new HashSet<>(ids.subList(0, n));
  }

  /** Each query's top {@code k} by {@code ranker} (ties by row order). */
  static List<Shown> top(LetorDataset data, LinearRanker ranker, int k) {
    List<Shown> out = new ArrayList<>();
    for (Map.Entry<String, List<LetorRow>> e : data.byQuery().entrySet()) {
      List<LetorRow> rows = e.getValue();
      double[] s = new double[rows.size()];
      Integer[] idx = new Integer[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        s[i] = ranker.score(rows.get(i).features());
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
      int n = Math.min(k, rows.size());
      float[][] f = new float[n][];
      int[] g = new int[n];
      for (int i = 0; i < n; i++) {
        f[i] = rows.get(idx[i]).features();
        g[i] = rows.get(idx[i]).grade();
      }
      out.add(new Shown(e.getKey(), f, g));
    }
    return out;
  }

  /** A seeded uniform choice of list per session: how many sessions each list gets. */
  static int[] sessionsPerList(int lists, long sessions, SplittableRandom random) {
    int[] n = new int[lists];
    for (long s = 0; s < sessions; s++) {
      n[random.nextInt(lists)]++;
    }
    return n;
  }
}
