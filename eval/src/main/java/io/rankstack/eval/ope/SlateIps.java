package io.rankstack.eval.ope;

import java.util.List;
import java.util.Objects;

/**
 * The three IPS estimators for slates, which differ only in which positions' weights a position's
 * reward is multiplied by. For impression i with slots k = 1..K (sorted by position), per-position
 * weights {@code w_ik = π(a_ik | x_i, k) / p_ik} and rewards {@code r_ik}, the estimate of the
 * expected total reward per impression is {@code (1/n) Σ_i Σ_k W_ik r_ik} with:
 * <ul>
 *   <li>{@link Kind#STANDARD} (standard IPS): {@code W_ik = Π_{j=1..K} w_ij}, the whole slate's
 *       weight. Assumes only that the slate's probabilities factorise over positions for both
 *       policies (so the product of per-position ratios is the slate's ratio) and overlap on whole
 *       slates. Unbiased under any user behaviour, but its variance grows exponentially in K.</li>
 *   <li>{@link Kind#INDEPENDENT} (independent IPS, Li et al., "Offline evaluation of ranking
 *       policies with click models", KDD 2018): {@code W_ik = w_ik}. Assumes the position-based
 *       model: the reward at position k depends only on the action at k (no interaction between
 *       slots). Lowest variance; biased when clicks depend on the other items.</li>
 *   <li>{@link Kind#REWARD_INTERACTION} (reward-interaction IPS, McInerney et al., "Counterfactual
 *       evaluation of slate recommendations with sequential reward interactions", KDD 2020):
 *       {@code W_ik = Π_{j=1..k} w_ij}. Assumes the cascade: the reward at position k depends on the
 *       actions at positions 1..k only (users scan top-down). Between the other two in bias and
 *       variance.</li>
 * </ul>
 * With one position per impression all three equal {@link InversePropensityScoring}.
 */
public final class SlateIps implements Estimator {

  /** Which weights multiply a position's reward. */
  public enum Kind {
    STANDARD("SIPS"), INDEPENDENT("IIPS"), REWARD_INTERACTION("RIPS");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private final TargetPolicy policy;
  private final Kind kind;

  public SlateIps(TargetPolicy policy, Kind kind) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String name() {
    return kind.label;
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    double sum = 0;
    for (LoggedImpression imp : log) {
      List<LoggedSlot> slots = imp.slots();
      double[] w = new double[slots.size()];
      double slateWeight = 1;
      for (int k = 0; k < w.length; k++) {
        w[k] = Weights.of(policy, imp.context(), slots.get(k));
        slateWeight *= w[k];
      }
      double prefix = 1;
      for (int k = 0; k < w.length; k++) {
        prefix *= w[k];
        double weight = switch (kind) {
          case STANDARD -> slateWeight;
          case INDEPENDENT -> w[k];
          case REWARD_INTERACTION -> prefix;
        };
        sum += weight * slots.get(k).reward();
      }
    }
    return sum / log.size();
  }
}
