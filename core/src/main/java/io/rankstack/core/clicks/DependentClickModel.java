package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * The dependent click model (Guo, Liu and Wang, WSDM 2009): a cascade in which, after a click at rank
 * k, the user goes on examining with probability λ_k (and stops otherwise); without a click the user
 * always goes on. {@code P(E_1) = 1}, {@code P(C_k) = P(E_k)·α(y_k)},
 * {@code P(E_{k+1}) = P(E_k)·(1 − α(y_k) + α(y_k)·λ_k)}.
 */
public final class DependentClickModel implements ClickModel {
  private final AttractionScale attraction;
  private final double[] continueAfterClick;

  /**
   * @param attraction         click probability of an examined document by grade
   * @param continueAfterClick λ_k by rank (ranks past the vector reuse its last value), each in [0, 1]
   */
  public DependentClickModel(AttractionScale attraction, double[] continueAfterClick) {
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
    if (continueAfterClick.length == 0) {
      throw new IllegalArgumentException("need at least one continuation probability");
    }
    for (double l : continueAfterClick) {
      ClickModels.checkProbability(l, "continuation");
    }
    this.continueAfterClick = continueAfterClick.clone();
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      if (random.nextDouble() < attraction.probability(grades[k])) {
        clicks[k] = true;
        if (random.nextDouble() >= ClickModels.at(continueAfterClick, k)) {
          break;
        }
      }
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    double[] p = new double[grades.length];
    double examine = 1;
    for (int k = 0; k < grades.length; k++) {
      double a = attraction.probability(grades[k]);
      p[k] = examine * a;
      examine *= 1 - a + a * ClickModels.at(continueAfterClick, k);
    }
    return p;
  }

  @Override
  public String name() {
    return "dcm";
  }
}
