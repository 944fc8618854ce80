package io.rankstack.bandits.rl;

import java.util.SplittableRandom;

/**
 * Runs an agent on a {@link CascadingMdp} for K episodes and accounts the expected regret of each
 * episode exactly: {@code μᵀV*_1 - μᵀV^{π_k}_1}, with π_k the policy the agent planned for it.
 */
public final class CascadingRlSimulator {
  private CascadingRlSimulator() {}

  /**
   * Cumulative regret after each episode, and the agent's time (planning, observing and the
   * simulated steps; the exact regret accounting is excluded).
   */
  public record Trace(double[] cumulativeRegret, double seconds) {
    public double totalRegret() {
      return cumulativeRegret[cumulativeRegret.length - 1];
    }
  }

  public static Trace run(CascadingRlAgent agent, CascadingMdp mdp, int episodes, SplittableRandom rng) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be >= 1");
    }
    double best = mdp.optimalPolicy().value();
    double[] cum = new double[episodes];
    double total = 0;
    long nanos = 0;
    for (int k = 0; k < episodes; k++) {
      long t0 = System.nanoTime();
      CascadingMdp.Policy policy = agent.plan();
      nanos += System.nanoTime() - t0;
      total += best - mdp.value(policy);
      cum[k] = total;
      t0 = System.nanoTime();
      playEpisode(agent, mdp, policy, rng);
      nanos += System.nanoTime() - t0;
    }
    return new Trace(cum, nanos / 1e9);
  }

  /** Plays one episode of {@code policy}, reporting every step to the agent. Returns the episode's reward. */
  public static double playEpisode(CascadingRlAgent agent, CascadingMdp mdp, CascadingMdp.Policy policy, SplittableRandom rng) {
    int s = mdp.initialState(rng);
    double reward = 0;
    for (int h = 0; h < mdp.horizon(); h++) {
      int[] list = policy.lists()[h][s];
      CascadingMdp.Step step = mdp.step(s, list, rng);
      agent.observe(h, s, list, step);
      reward += step.reward();
      s = step.nextState();
    }
    agent.endEpisode();
    return reward;
  }
}
