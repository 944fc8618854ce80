package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * Cascade doubly robust estimator (Cascade-DR, Kiyohara et al., "Doubly robust off-policy
 * evaluation for ranking policies under the cascade behavior model", WSDM 2022). For impression i
 * with slots k = 1..K, prefix weights {@code w_i,1:k = Π_{j≤k} π(a_ij | x_i, j) / p_ij} and
 * {@code w_i,1:0 = 1}:
 * <pre>
 *   V̂ = (1/n) Σ_i Σ_k [ w_i,1:k (r_ik − q̂_k(a_ik)) + w_i,1:k−1 Σ_a π(a | x_i, k) q̂_k(a) ]
 * </pre>
 * the estimate of the expected total reward per impression.
 *
 * <p>Assumptions: the cascade (the reward at k depends on positions 1..k only, as for
 * {@link SlateIps.Kind#REWARD_INTERACTION}) and policies that factorise over positions. The paper's
 * reward model {@code q̂_k(x, a_1:k)} conditions on the whole prefix; here it is the fitted
 * {@link RewardModel} of (context, position, action) alone, i.e. the prefix enters only through the
 * weights. Unbiased when the propensities are correct, whatever the model; a good model lowers the
 * variance below RIPS's. With one position per impression it is {@link DoublyRobust}.
 */
public final class CascadeDoublyRobust implements Estimator {
  private final TargetPolicy policy;
  private final RewardModel.Fitter fitter;

  public CascadeDoublyRobust(TargetPolicy policy, RewardModel.Fitter fitter) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.fitter = Objects.requireNonNull(fitter, "fitter");
  }

  @Override
  public String name() {
    return "Cascade-DR";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    RewardModel model = fitter.fit(log);
    ModelValue value = new ModelValue(policy, model);
    double sum = 0;
    for (LoggedImpression imp : log) {
      double before = 1;
      for (LoggedSlot s : imp.slots()) {
        double upTo = before * Weights.of(policy, imp.context(), s);
        double q = model.predict(imp.context(), s.position(), s.action());
        sum += upTo * (s.reward() - q) + before * value.at(imp.context(), s.position());
        before = upTo;
      }
    }
    return sum / log.size();
  }
}
