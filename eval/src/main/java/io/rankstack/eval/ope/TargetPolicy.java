package io.rankstack.eval.ope;

import java.util.Map;

/**
 * The policy being evaluated, as per-position action probabilities {@code π(a | x, k)}. The slate
 * estimators read a slate's probability as the product over its positions, i.e. they assume the
 * policy factorises over positions (see each estimator's assumptions).
 */
public interface TargetPolicy {

  /** {@code π(action | context, position)}, in [0, 1]. */
  double probability(String context, int position, String action);

  /**
   * The whole distribution {@code π(· | context, position)}: action to probability, the
   * probabilities of the listed actions summing to 1 (actions not listed have probability 0). The
   * direct method and the doubly robust estimators sum their reward model over it.
   */
  Map<String, Double> distribution(String context, int position);
}
