package io.rankstack.eval.rerank;

import io.rankstack.core.RankedList;
import java.util.HashMap;
import java.util.Map;

/**
 * The first-stage features that may enter the reranker's head, from a query's BM25 list (top 100):
 * {@code [z, rr]} with z the BM25 score standardised over the list (population std; 0 when the list
 * has no spread) and rr = 1/rank. A document outside the list (a relevant training document BM25
 * missed) gets the z of the list's lowest score, its best possible bound, and rr = 0.
 */
final class Bm25Features {
  static final int COUNT = 2;
  private final Map<String, float[]> byDoc = new HashMap<>();
  private final float[] missing;

  private Bm25Features(RankedList list) {
    int n = list == null ? 0 : list.size();
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 1; i <= n; i++) {
      mean += list.atRank(i).score();
      min = Math.min(min, list.atRank(i).score());
    }
    mean /= Math.max(1, n);
    double ss = 0;
    for (int i = 1; i <= n; i++) {
      ss += Math.pow(list.atRank(i).score() - mean, 2);
    }
    double std = Math.sqrt(ss / Math.max(1, n));
    for (int i = 1; i <= n; i++) {
      double z = std > 0 ? (list.atRank(i).score() - mean) / std : 0;
      byDoc.put(list.atRank(i).docId(), new float[] {(float) z, 1f / i});
    }
    missing = new float[] {n == 0 || std == 0 ? 0f : (float) ((min - mean) / std), 0f};
  }

  static Bm25Features of(RankedList list) {
    return new Bm25Features(list);
  }

  float[] features(String docId) {
    return byDoc.getOrDefault(docId, missing).clone();
  }
}
