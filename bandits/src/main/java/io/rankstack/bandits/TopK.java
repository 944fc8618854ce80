package io.rankstack.bandits;

/**
 * Top-K selection by score in O(L·K) worst case and O(L) typical time, allocation-free apart
 * from the result. Ties are broken towards the lower item id, so selection is deterministic.
 */
final class TopK {
  private TopK() {}

  /** The ids of the K largest scores, largest first (ties: lower id first). */
  static int[] indicesOfLargest(double[] scores, int k) {
    int[] ids = new int[k];
    double[] vals = new double[k];
    select(scores, scores.length, k, ids, vals);
    return ids;
  }

  /**
   * Fills {@code ids[0..k)} and {@code vals[0..k)} with the k largest of {@code scores[0..n)},
   * largest first (ties: lower id first). Requires k <= n.
   */
  static void select(double[] scores, int n, int k, int[] ids, double[] vals) {
    int size = 0;
    for (int e = 0; e < n; e++) {
      double s = scores[e];
      if (size == k && !(s > vals[k - 1])) {
        continue; // strictly greater needed: equal scores keep the lower id already held
      }
      int pos = size < k ? size++ : k - 1;
      while (pos > 0 && s > vals[pos - 1]) {
        vals[pos] = vals[pos - 1];
        ids[pos] = ids[pos - 1];
        pos--;
      }
      vals[pos] = s;
      ids[pos] = e;
    }
  }

  /**
   * As {@link #select} but over the candidate ids {@code cand[0..m)} only, which must be in
   * increasing order (so ties still go to the lower id).
   */
  static void selectAmong(int[] cand, int m, double[] scores, int k, int[] ids, double[] vals) {
    int size = 0;
    for (int c = 0; c < m; c++) {
      int e = cand[c];
      double s = scores[e];
      if (size == k && !(s > vals[k - 1])) {
        continue;
      }
      int pos = size < k ? size++ : k - 1;
      while (pos > 0 && s > vals[pos - 1]) {
        vals[pos] = vals[pos - 1];
        ids[pos] = ids[pos - 1];
        pos--;
      }
      vals[pos] = s;
      ids[pos] = e;
    }
  }
}
