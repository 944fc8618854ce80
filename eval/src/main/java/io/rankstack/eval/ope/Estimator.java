package io.rankstack.eval.ope;

import java.util.List;

/**
 * An off-policy estimator: the value of a target policy from a log collected by another policy. A
 * pure function of the log: it keeps no state between calls (the bootstrap calls it on resamples).
 */
public interface Estimator {

  /** Short name used in tables and charts, e.g. {@code IPS}. */
  String name();

  /**
   * The estimated value. Single-action estimators estimate the expected reward per logged slot
   * (each slot is one decision, its position part of the context); slate estimators estimate the
   * expected total reward per impression.
   *
   * @throws IllegalArgumentException when the log is empty
   */
  double estimate(List<LoggedImpression> log);

  /** Rejects an empty log with a message naming the estimator. */
  static void requireNonEmpty(List<LoggedImpression> log, String name) {
    if (log.isEmpty()) {
      throw new IllegalArgumentException(name + ": the log is empty");
    }
  }
}
