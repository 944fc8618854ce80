package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * The position-based model (Richardson et al. 2007; Craswell et al. 2008): a click needs the rank to
 * be examined and the document to attract, independently, {@code P(C_k = 1) = θ_k · α(y_k)}, with
 * {@code θ_k = base_k^η} (ranks past the base vector reuse its last value) and α from an
 * {@link AttractionScale}. Clicks at different ranks are independent.
 */
public final class PositionBasedModel implements ClickModel {
  private final double[] examination;
  private final AttractionScale attraction;
  private final double eta;

  /**
   * @param base       examination probabilities at η = 1, rank 1 first, each in [0, 1]
   * @param eta        severity of position bias, at least 0 (0 removes it)
   * @param attraction click probability of an examined document by grade
   */
  public PositionBasedModel(double[] base, double eta, AttractionScale attraction) {
    if (base.length == 0) {
      throw new IllegalArgumentException("need at least one examination probability");
    }
    if (!(eta >= 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("illegal eta " + eta + ", must be a non-negative finite value");
    }
    this.examination = new double[base.length];
    for (int i = 0; i < base.length; i++) {
      ClickModels.checkProbability(base[i], "examination");
      examination[i] = Math.pow(base[i], eta);
    }
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
    this.eta = eta;
  }

  /** The DLA paper's model: {@link ClickModels#DLA_EXAMINATION}, this η, {@link AttractionScale#DEFAULT}. */
  public static PositionBasedModel dla(double eta) {
    return new PositionBasedModel(ClickModels.DLA_EXAMINATION, eta, AttractionScale.DEFAULT);
  }

  /** {@code θ_k} for 0-based {@code rank}. */
  public double examination(int rank) {
    return ClickModels.at(examination, rank);
  }

  /** The severity η this model was built with. */
  public double eta() {
    return eta;
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      clicks[k] = random.nextDouble() < examination(k) * attraction.probability(grades[k]);
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    double[] p = new double[grades.length];
    for (int k = 0; k < grades.length; k++) {
      p[k] = examination(k) * attraction.probability(grades[k]);
    }
    return p;
  }

  @Override
  public String name() {
    return "pbm";
  }
}
