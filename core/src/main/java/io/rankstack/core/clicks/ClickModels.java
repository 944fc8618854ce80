package io.rankstack.core.clicks;

/** Shared checks and the standard parameters of the click models. */
public final class ClickModels {
  private ClickModels() {}

  /**
   * Examination probabilities by rank of the position-based model at η = 1, as estimated by Joachims
   * et al. (2017) and used by the DLA paper and ULTRA: ranks past the tenth reuse the last value.
   */
  public static final double[] DLA_EXAMINATION = {0.68, 0.61, 0.48, 0.34, 0.28, 0.20, 0.11, 0.10, 0.08, 0.06};

  static void checkProbability(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("illegal " + what + " probability " + p + ", must be in [0, 1]");
    }
  }

  static double at(double[] byRank, int rank) {
    return byRank[Math.min(rank, byRank.length - 1)];
  }
}
