package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * The dynamic Bayesian network model (Chapelle and Zhang, WWW 2009): examining from the top, the user
 * clicks an attractive document (α(y)); after a click the user is satisfied with probability σ(y) and
 * stops; otherwise (no click, or a click without satisfaction) the user goes on with perseverance γ.
 * {@code P(E_1) = 1}, {@code P(C_k) = P(E_k)·α_k}, {@code P(E_{k+1}) = γ·P(E_k)·(1 − α_k·σ_k)}.
 */
public final class DynamicBayesianNetworkModel implements ClickModel {
  private final AttractionScale attraction;
  private final AttractionScale satisfaction;
  private final double gamma;

  /**
   * @param attraction   α by grade
   * @param satisfaction σ by grade: probability that a click satisfies the user
   * @param gamma        perseverance γ in [0, 1]
   */
  public DynamicBayesianNetworkModel(AttractionScale attraction, AttractionScale satisfaction, double gamma) {
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
    this.satisfaction = java.util.Objects.requireNonNull(satisfaction, "satisfaction");
    ClickModels.checkProbability(gamma, "perseverance");
    this.gamma = gamma;
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      if (random.nextDouble() < attraction.probability(grades[k])) {
        clicks[k] = true;
        if (random.nextDouble() < satisfaction.probability(grades[k])) {
          break;
        }
      }
      if (random.nextDouble() >= gamma) {
        break;
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
      examine *= gamma * (1 - a * satisfaction.probability(grades[k]));
    }
    return p;
  }

  @Override
  public String name() {
    return "dbn";
  }
}
