package io.rankstack.rerank;

/**
 * The constants of the reward r_RR ({@link Grpo#rewards}). ERank's exact constants are not
 * recoverable from the paper, so each is a parameter; the defaults weigh the three cases equally.
 *
 * @param relevantWeight reward of a relevant rollout at rank 1 (scaled by 1/rank), positive
 * @param penalty        penalty of a non-relevant rollout at rank 1 above a relevant one (scaled by 1/rank), non-negative
 * @param anchorWeight   weight of the squared error (on the 0..1 scale) to the SFT score, non-negative
 */
public record RewardParameters(double relevantWeight, double penalty, double anchorWeight) {
  public RewardParameters {
    if (!(relevantWeight > 0) || Double.isInfinite(relevantWeight)) {
      throw new IllegalArgumentException("illegal relevantWeight " + relevantWeight + ", must be positive and finite");
    }
    if (!(penalty >= 0) || Double.isInfinite(penalty)) {
      throw new IllegalArgumentException("illegal penalty " + penalty + ", must be non-negative and finite");
    }
    if (!(anchorWeight >= 0) || Double.isInfinite(anchorWeight)) {
      throw new IllegalArgumentException("illegal anchorWeight " + anchorWeight + ", must be non-negative and finite");
    }
  }

  /** relevantWeight 1, penalty 1, anchorWeight 1. */
  public static RewardParameters defaults() {
    return new RewardParameters(1, 1, 1);
  }
}
