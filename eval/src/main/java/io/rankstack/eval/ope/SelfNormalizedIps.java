package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * Self-normalised IPS (SNIPS, Swaminathan and Joachims, NeurIPS 2015):
 * <pre>
 *   V̂_SNIPS = Σ_i w_i r_i / Σ_i w_i,   w_i = π(a_i | x_i, k_i) / p_i
 * </pre>
 * When every weight is 0 (π never takes a logged action) the estimate is undefined and NaN is
 * returned.
 *
 * <p>Assumptions: as {@link InversePropensityScoring}. SNIPS is biased (a ratio estimator) but
 * consistent, and usually has much lower variance; it is invariant to rescaling all weights, so
 * propensities known only up to a constant factor still give the right value. With π equal to the
 * logging policy every weight is 1 and SNIPS is the observed mean reward.
 */
public final class SelfNormalizedIps implements Estimator {
  private final TargetPolicy policy;

  public SelfNormalizedIps(TargetPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public String name() {
    return "SNIPS";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    double num = 0;
    double den = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        double w = Weights.of(policy, imp.context(), s);
        num += w * s.reward();
        den += w;
      }
    }
    return den == 0 ? Double.NaN : num / den;
  }
}
