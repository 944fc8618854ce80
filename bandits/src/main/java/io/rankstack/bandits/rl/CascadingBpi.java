package io.rankstack.bandits.rl;

import java.util.SplittableRandom;

/**
 * CascadingBPI: best-policy identification with an (ε, δ) stopping rule, built on
 * {@link CascadingVi}'s confidence bounds (our variant of Du et al. 2024's CascadingBPI). Each
 * episode plans optimistically, then bounds the greedy policy π_k from below with
 * {@link CascadingVi#lowerValues}; it stops at the first episode where
 * <pre>  Σ_s μ(s) (V̄_1(s) - V̲_1^{π_k}(s)) <= ε, </pre>
 * for the initial-state distribution μ, which is taken as known (the paper's setting has a fixed
 * initial state; a maximum over all states would never stop on states the user cannot reach), and
 * returns π_k. When every confidence bound holds (probability >= 1 - δ for the theoretical
 * constants), μᵀV*_1 <= μᵀV̄_1 and μᵀV^{π_k}_1 >= μᵀV̲_1^{π_k}, so π_k is ε-optimal from μ.
 * Otherwise it plays π_k for one episode to collect data and tries again.
 */
public final class CascadingBpi {
  private final double epsilon;
  private final long maxEpisodes;

  /** The identified policy, the episodes used, and the final certified gap. */
  public record Outcome(CascadingMdp.Policy policy, long episodes, double gap, boolean stopped) {}

  /**
   * @param epsilon ε > 0
   * @param maxEpisodes give up (stopped = false) after this many episodes
   */
  public CascadingBpi(double epsilon, long maxEpisodes) {
    if (!(epsilon > 0) || maxEpisodes < 1) {
      throw new IllegalArgumentException("illegal ε " + epsilon + " or episode budget " + maxEpisodes);
    }
    this.epsilon = epsilon;
    this.maxEpisodes = maxEpisodes;
  }

  /** Runs the identification on {@code mdp} (used only to simulate users and for its μ). */
  public Outcome identify(CascadingVi agent, CascadingMdp mdp, SplittableRandom rng) {
    double[] mu = mdp.initial();
    CascadingMdp.Policy policy = null;
    double gap = Double.POSITIVE_INFINITY;
    for (long k = 0; k < maxEpisodes; k++) {
      policy = agent.plan();
      double[] upper = agent.lastUpperValues();
      double[] lower = agent.lowerValues(policy);
      gap = 0;
      for (int s = 0; s < upper.length; s++) {
        gap += mu[s] * (upper[s] - lower[s]);
      }
      if (gap <= epsilon) {
        return new Outcome(policy, k, gap, true);
      }
      CascadingRlSimulator.playEpisode(agent, mdp, policy, rng);
    }
    return new Outcome(policy, maxEpisodes, gap, false);
  }
}
