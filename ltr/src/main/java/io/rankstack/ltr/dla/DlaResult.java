package io.rankstack.ltr.dla;

import java.util.List;

/**
 * What a DLA or IPW training run produced: the ranker, the propensity model's logits (learned by
 * DLA, or the logarithms of the fixed propensities), and the loss per epoch.
 *
 * @param ranker            the ranker f (the only part used at serving time)
 * @param propensityLogits  one logit per position
 * @param learnedPropensity whether the propensities were learned (DLA) or given
 * @param epochs            per-epoch statistics
 */
public record DlaResult(DlaRanker ranker, double[] propensityLogits, boolean learnedPropensity, List<DlaTrainer.EpochStats> epochs) {
  public DlaResult {
    propensityLogits = propensityLogits.clone();
    epochs = List.copyOf(epochs);
  }

  @Override
  public double[] propensityLogits() {
    return propensityLogits.clone();
  }

  /** {@code P_o[0] / P_o[k]} for every position: the relative examination the model believes in. */
  public double[] propensityRatios() {
    double[] r = new double[propensityLogits.length];
    for (int k = 0; k < r.length; k++) {
      r[k] = Math.exp(propensityLogits[0] - propensityLogits[k]);
    }
    return r;
  }
}
