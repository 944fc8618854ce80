package io.rankstack.bandits.rl;

import java.util.SplittableRandom;

/**
 * CascadingBPI: best-policy identification with an (ε, δ) stopping rule, built on
 * {@link CascadingVi}'s confidence bounds (our variant of Du et al. 2024's CascadingBPI). Each
 * episode plans optimistically, then bounds the greedy policy π_k from below with
 * {@link CascadingVi#lowerValues}; it stops at the first episode where
 * <pre>  max_s (V̄_1(s) - V̲_1^{π_k}(s)) <= ε, </pre>
 * and returns π_k. When every confidence bound holds (probability >= 1 - δ for the theoretical
 * constants), V*_1(s) <= V̄_1(s) and V^{π_k}_1(s) >= V̲_1^{π_k}(s), so π_k is ε-optimal in every
 * initial state. Otherwise it plays π_k for one episode to collect data and tries again.
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

  public Outcome identify(CascadingVi agent, CascadingMdp mdp, SplittableRandom rng) {
    CascadingMdp.Policy policy = null;
    double gap = Double.POSITIVE_INFINITY;
    for (long k = 0; k < maxEpisodes; k++) {
      policy = agent.plan();
      double[] upper = agent.lastUpperValues();
      double[] lower = agent.lowerValues(policy);
      gap = 0;
      for (int s = 0; s < upper.length; s++) {
        gap = Math.max(gap, upper[s] - lower[s]);
      }
      if (gap <= epsilon) {
        return new Outcome(policy, k, gap, true);
      }
      CascadingRlSimulator.playEpisode(agent, mdp, policy, rng);
    }
    return new Outcome(policy, maxEpisodes, gap, false);
  }
}
