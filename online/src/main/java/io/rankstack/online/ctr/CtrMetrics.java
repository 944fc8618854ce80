package io.rankstack.online.ctr;

import java.util.Arrays;

/** Offline metrics for click predictions. */
public final class CtrMetrics {
  private CtrMetrics() {}

  /**
   * ROC AUC: the probability that a random click scores above a random non-click, ties counting
   * one half (Mann–Whitney U over mid-ranks). NaN when one class is absent.
   */
  public static double auc(float[] scores, int[] labels) {
    int n = check(scores, labels);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (labels[order[t]] == 1) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Mean binary cross-entropy; probabilities are clipped to [1e-7, 1 − 1e-7]. */
  public static double logLoss(float[] p, int[] labels) {
    int n = check(p, labels);
    double s = 0;
    for (int i = 0; i < n; i++) {
      double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
      s -= labels[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / n;
  }

  private static int check(float[] p, int[] labels) {
    if (p.length != labels.length) {
      throw new IllegalArgumentException(p.length + " scores but " + labels.length + " labels");
    }
    return p.length;
  }
}
