package io.rankstack.eval.ope;

/** Importance weights {@code w = π(a | x, k) / p}. */
final class Weights {
  private Weights() {}

  static double of(TargetPolicy policy, String context, LoggedSlot slot) {
    return policy.probability(context, slot.position(), slot.action()) / slot.propensity();
  }
}
