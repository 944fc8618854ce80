package io.rankstack.rerank;

/**
 * The constants of the reward r_RR ({@link Grpo#rewards}). ERank's exact constants are not
 * recoverable from the paper, so each is a parameter; the defaults weigh the three cases equally.
 *
 * @param relevantWeight reward of a relevant rollout at rank 1 (scaled by 1/rank), positive
 * @param penalty        penalty of a non-relevant rollout at rank 1 above a relevant one (scaled by 1/rank), non-negative
 * @param anchorWeight   weight of the squared error (on the 0..1 scale) to the SFT score, non-negative
 * @param tiesAgainstRelevant how a relevant rollout tied with non-relevant rollouts is rewarded. false:
 *                       the literal rule, every tied rollout shares the minimum rank, so a
 *                       relevant rollout tied with all others is "rank 1" and gets the full reward.
 *                       That makes "every document scores 0" a maximum of the reward for relevant
 *                       documents while non-relevant ones are pushed down to the lowest relevant
 *                       sample: the policy collapses to equal scores (observed on SciFact, see
 *                       docs/experiments/rerank.md). true (the default): a relevant rollout's rank also
 *                       counts the non-relevant rollouts tied with it, and a non-relevant rollout tied
 *                       with the lowest relevant one counts as ranked above it (penalised), because a
 *                       tie does not put the relevant document first in the final ranking
 */
public record RewardParameters(double relevantWeight, double penalty, double anchorWeight, boolean tiesAgainstRelevant) {
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

  /** The given weights with ties counted against relevant rollouts ({@code tiesAgainstRelevant} true). */
  public RewardParameters(double relevantWeight, double penalty, double anchorWeight) {
    this(relevantWeight, penalty, anchorWeight, true);
  }

  /** relevantWeight 1, penalty 1, anchorWeight 1, ties counted against relevant rollouts. */
  public static RewardParameters defaults() {
    return new RewardParameters(1, 1, 1, true);
  }
}
