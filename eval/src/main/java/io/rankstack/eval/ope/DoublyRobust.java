package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * Doubly robust estimator (DR, Dudík, Langford and Li, ICML 2011) and its switch variant
 * (Wang, Agarwal and Dudík, ICML 2017, in the form of the Open Bandit Pipeline):
 * <pre>
 *   V̂_DR = (1/N) Σ_i [ q̂(x_i, k_i, π) + w_i 1{w_i ≤ τ} (r_i − q̂(x_i, k_i, a_i)) ]
 *   q̂(x, k, π) = Σ_a π(a | x, k) q̂(x, k, a),   w_i = π(a_i | x_i, k_i) / p_i
 * </pre>
 * With {@code τ = +∞} this is DR; {@code τ = 0} drops every correction and gives the
 * {@link DirectMethod}. The switch threshold trades the variance of large weights for the model's
 * bias on the slots where π is far from the logging policy.
 *
 * <p>Assumptions: DR (τ = ∞) is unbiased when either the propensities are correct (with overlap) or
 * the reward model is; its variance is IPS's with the rewards replaced by the model's residuals.
 * Switch-DR with finite τ is biased on the slots with {@code w > τ} by the model's error there.
 */
public final class DoublyRobust implements Estimator {
  private final TargetPolicy policy;
  private final RewardModel.Fitter fitter;
  private final double tau;

  /** Plain DR (τ = +∞). */
  public DoublyRobust(TargetPolicy policy, RewardModel.Fitter fitter) {
    this(policy, fitter, Double.POSITIVE_INFINITY);
  }

  /**
   * Switch-DR with threshold {@code tau}.
   *
   * @param tau the largest importance weight whose correction term is kept, ≥ 0 (+∞ for DR)
   */
  public DoublyRobust(TargetPolicy policy, RewardModel.Fitter fitter, double tau) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.fitter = Objects.requireNonNull(fitter, "fitter");
    if (!(tau >= 0)) {
      throw new IllegalArgumentException("switch threshold tau must be >= 0: " + tau);
    }
    this.tau = tau;
  }

  /** The switch threshold (+∞ for plain DR). */
  public double tau() {
    return tau;
  }

  @Override
  public String name() {
    return Double.isInfinite(tau) ? "DR" : "Switch-DR";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    RewardModel model = fitter.fit(log);
    ModelValue value = new ModelValue(policy, model);
    double sum = 0;
    long n = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        double w = Weights.of(policy, imp.context(), s);
        sum += value.at(imp.context(), s.position());
        if (w <= tau && w > 0) {
          sum += w * (s.reward() - model.predict(imp.context(), s.position(), s.action()));
        }
        n++;
      }
    }
    return sum / n;
  }
}
