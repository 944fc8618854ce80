package io.rankstack.bandits.rl;

/**
 * An episodic learner for a {@link CascadingMdp}: {@link #plan} gives the policy for the next
 * episode, {@link #observe} records each step's cascade feedback, {@link #endEpisode} closes it.
 */
public interface CascadingRlAgent {
  /** The policy to follow in the next episode. */
  CascadingMdp.Policy plan();

  /** Records one step at 0-based step h in state s. */
  void observe(int h, int s, int[] list, CascadingMdp.Step step);

  /** Marks the end of an episode. */
  void endEpisode();
}
