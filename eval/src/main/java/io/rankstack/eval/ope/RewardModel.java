package io.rankstack.eval.ope;

import java.util.List;

/**
 * A regression of the reward on (context, position, action), {@code q̂(x, k, a) ≈ E[r | x, k, a]},
 * as the direct method and the doubly robust estimators use it.
 */
@FunctionalInterface
public interface RewardModel {

  /** Predicted expected reward of {@code action} shown at {@code position} in {@code context}. */
  double predict(String context, int position, String action);

  /** Fits a reward model on a log; the estimators refit it on every bootstrap resample. */
  @FunctionalInterface
  interface Fitter {
    RewardModel fit(List<LoggedImpression> log);
  }
}
