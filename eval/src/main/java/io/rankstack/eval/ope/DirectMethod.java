package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * Direct method (DM): fits a reward model on the log and averages its prediction under the target
 * policy over the logged contexts,
 * <pre>
 *   V̂_DM = (1/N) Σ_i Σ_a π(a | x_i, k_i) q̂(x_i, k_i, a)
 * </pre>
 * over the N logged slots i (context x_i, position k_i). The logged actions and propensities are
 * not used.
 *
 * <p>Assumptions: the reward model is correct (then DM has low variance); otherwise DM is biased by
 * the model's error on the actions π prefers, and nothing in the estimate reveals it. Needs no
 * overlap between the policies.
 */
public final class DirectMethod implements Estimator {
  private final TargetPolicy policy;
  private final RewardModel.Fitter fitter;

  public DirectMethod(TargetPolicy policy, RewardModel.Fitter fitter) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.fitter = Objects.requireNonNull(fitter, "fitter");
  }

  @Override
  public String name() {
    return "DM";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    ModelValue value = new ModelValue(policy, fitter.fit(log));
    double sum = 0;
    long n = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        sum += value.at(imp.context(), s.position());
        n++;
      }
    }
    return sum / n;
  }
}
