package io.rankstack.core.fusion;

/**
 * How one list's scores are put on a common scale before they are combined (Fox and Shaw 1994;
 * Lee 1997 for min-max, Montague and Aslam 2001 for the z-score variant).
 */
public enum ScoreNormalization {
  /** Scores as they are. */
  NONE,
  /**
   * {@code (s − min) / (max − min)} over the list, so the best document scores 1 and the worst 0. A
   * list whose scores are all equal maps every score to 1 (each document is that list's best).
   */
  MIN_MAX,
  /**
   * {@code (s − mean) / sd} over the list, sd the population standard deviation. A list whose scores
   * are all equal maps every score to 0.
   */
  Z_SCORE;

  /** The normalised copy of {@code scores}. */
  public double[] apply(double[] scores) {
    int n = scores.length;
    double[] out = new double[n];
    if (n == 0 || this == NONE) {
      System.arraycopy(scores, 0, out, 0, n);
      return out;
    }
    if (this == MIN_MAX) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double s : scores) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      double range = max - min;
      for (int i = 0; i < n; i++) {
        out[i] = range == 0 ? 1.0 : (scores[i] - min) / range;
      }
      return out;
    }
    double mean = 0;
    for (double s : scores) {
      mean += s;
    }
    mean /= n;
    double var = 0;
    for (double s : scores) {
      var += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(var / n);
    for (int i = 0; i < n; i++) {
      out[i] = sd == 0 ? 0.0 : (scores[i] - mean) / sd;
    }
    return out;
  }
}
