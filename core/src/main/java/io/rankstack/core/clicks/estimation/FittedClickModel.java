package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;

/** A click model with parameters estimated from a log, able to predict the clicks of a session. */
public interface FittedClickModel {
  /**
   * {@code P(C_r = 1 | C_1..C_{r−1})} for every rank r of {@code session}, conditioned on the clicks
   * the session actually has above r: the quantity log-likelihood and perplexity are computed from.
   */
  double[] conditionalClickProbabilities(ClickSession session);

  /** A short name for reports. */
  String name();
}
