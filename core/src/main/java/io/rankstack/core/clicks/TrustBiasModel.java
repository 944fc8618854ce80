package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * Position bias with trust bias (Agarwal et al., WWW 2019; the simulation of Vardasbi, Oosterhuis and
 * de Rijke, CIKM 2020, as ULTRA implements it): an examined document is perceived relevant with
 * probability α(y); users trust the ranking, so a perceived-relevant document is clicked with
 * ε⁺_k = 1 − (k + 2)/100 and a perceived-irrelevant one with ε⁻_k = ε⁻_1/(k + 1) (k 0-based):
 * {@code P(C_k = 1) = θ_k · (α(y)·ε⁺_k + (1 − α(y))·ε⁻_k)}.
 */
public final class TrustBiasModel implements ClickModel {
  private final PositionBasedModel position;
  private final AttractionScale attraction;
  private final double firstRankNoise;

  /**
   * @param position       supplies θ_k (its own attraction scale is not used)
   * @param attraction     α by grade
   * @param firstRankNoise ε⁻ at rank 1, in [0, 1] (ULTRA's file: 0.65)
   */
  public TrustBiasModel(PositionBasedModel position, AttractionScale attraction, double firstRankNoise) {
    this.position = java.util.Objects.requireNonNull(position, "position");
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
    ClickModels.checkProbability(firstRankNoise, "first-rank noise click");
    this.firstRankNoise = firstRankNoise;
  }

  private double clickGivenExamined(int rank, int grade) {
    double a = attraction.probability(grade);
    double plus = Math.max(0, 1 - (rank + 2) / 100.0);
    double minus = firstRankNoise / (rank + 1);
    return a * plus + (1 - a) * minus;
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      clicks[k] = random.nextDouble() < position.examination(k) * clickGivenExamined(k, grades[k]);
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    double[] p = new double[grades.length];
    for (int k = 0; k < grades.length; k++) {
      p[k] = position.examination(k) * clickGivenExamined(k, grades[k]);
    }
    return p;
  }

  @Override
  public String name() {
    return "trust";
  }
}
