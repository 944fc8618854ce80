package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * Inverse propensity scoring (IPS, Horvitz and Thompson 1952; for bandits e.g. Dudík, Langford and
 * Li, ICML 2011):
 * <pre>
 *   V̂_IPS = (1/N) Σ_i w_i r_i,   w_i = π(a_i | x_i, k_i) / p_i
 * </pre>
 * over the N logged slots i, with {@code p_i} the logged propensity.
 *
 * <p>Assumptions: the logged propensities are the logging policy's true probabilities, and the
 * logging policy gives every action the target policy may take a positive probability (overlap).
 * Then IPS is unbiased; its variance grows with the weights, i.e. with how far π is from the
 * logging policy.
 */
public final class InversePropensityScoring implements Estimator {
  private final TargetPolicy policy;

  public InversePropensityScoring(TargetPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public String name() {
    return "IPS";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    double sum = 0;
    long n = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        sum += Weights.of(policy, imp.context(), s) * s.reward();
        n++;
      }
    }
    return sum / n;
  }
}
