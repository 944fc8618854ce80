package io.rankstack.rerank;

/**
 * ERank's hybrid of first-stage and reranker scores within one query:
 * {@code final = w × z(first) + (1 − w) × z(rerank)}, with {@code z(x) = (x − mean) / std} over the
 * query's candidates (population std) and w = 0.2 in the paper. A list whose scores are all equal
 * (std 0) contributes z = 0 for every candidate instead of dividing by zero, so the other score
 * decides alone.
 */
public final class HybridScores {
  /** The paper's weight of the first-stage score. */
  public static final double PAPER_FIRST_STAGE_WEIGHT = 0.2;

  private HybridScores() {}

  /** Fused scores of one query's candidates (same order as the inputs). */
  public static double[] fuse(double[] firstStage, double[] rerank, double firstStageWeight) {
    if (firstStage.length != rerank.length) {
      throw new IllegalArgumentException("first stage has " + firstStage.length + " scores, reranker " + rerank.length);
    }
    if (!(firstStageWeight >= 0 && firstStageWeight <= 1)) {
      throw new IllegalArgumentException("illegal firstStageWeight " + firstStageWeight + ", must be in [0, 1]");
    }
    double[] a = zScores(firstStage);
    double[] b = zScores(rerank);
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = firstStageWeight * a[i] + (1 - firstStageWeight) * b[i];
    }
    return out;
  }

  /** Per-list z-scores with the population standard deviation; all zeros when it is 0. */
  public static double[] zScores(double[] x) {
    double mean = 0;
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("score " + v + " is not finite");
      }
      mean += v;
    }
    mean /= Math.max(1, x.length);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(ss / Math.max(1, x.length));
    double[] z = new double[x.length];
    if (std > 0) {
      for (int i = 0; i < x.length; i++) {
        z[i] = (x[i] - mean) / std;
      }
    }
    return z;
  }
}
