package io.rankstack.bandits;

import java.util.SplittableRandom;

/**
 * Runs a {@link CascadingBandit} against a {@link CascadeModel} and accounts expected
 * (pseudo-)regret: round t adds {@code f(A*, w) - f(A_t, w)}, which does not depend on the simulated
 * click, so curves are far less noisy than realised-click regret.
 */
public final class CascadeSimulator {
  private CascadeSimulator() {}

  /** Cumulative regret sampled every {@code every} rounds, plus the realised click count. */
  public record Trace(double[] cumulativeRegret, int every, long clicks, long rounds) {
    public Trace {
      cumulativeRegret = cumulativeRegret.clone();
    }

    @Override
    public double[] cumulativeRegret() {
      return cumulativeRegret.clone();
    }

    /** Cumulative regret after the last round. */
    public double totalRegret() {
      return cumulativeRegret.length == 0 ? 0 : cumulativeRegret[cumulativeRegret.length - 1];
    }
  }

  /**
   * Plays {@code rounds} rounds; the user's clicks draw from {@code rng} (the learner's own
   * randomness is its own). Sample i of the trace is the cumulative regret after (i+1)·every rounds.
   */
  public static Trace run(CascadingBandit bandit, CascadeModel model, long rounds, int every, SplittableRandom rng) {
    if (rounds < 1 || every < 1 || rounds % every != 0) {
      throw new IllegalArgumentException("rounds (" + rounds + ") must be a positive multiple of every (" + every + ")");
    }
    if (bandit.numItems() != model.numItems() || bandit.listSize() != model.listSize()) {
      throw new IllegalArgumentException("bandit (L=" + bandit.numItems() + ", K=" + bandit.listSize()
          + ") does not match the model (L=" + model.numItems() + ", K=" + model.listSize() + ")");
    }
    double best = model.optimalReward();
    double[] trace = new double[(int) (rounds / every)];
    double cum = 0;
    long clicks = 0;
    for (long t = 1; t <= rounds; t++) {
      int[] list = bandit.select();
      cum += best - model.reward(list);
      int click = model.click(list, rng);
      if (click != CascadeModel.NO_CLICK) {
        clicks++;
      }
      bandit.update(list, click);
      if (t % every == 0) {
        trace[(int) (t / every) - 1] = cum;
      }
    }
    return new Trace(trace, every, clicks, rounds);
  }
}
