package io.rankstack.bandits;

import java.util.SplittableRandom;

/**
 * Cascading Thompson sampling with Beta posteriors (the Bernoulli TS variant of cascading bandits;
 * see Cheung, Tan and Zhong, "Thompson Sampling Algorithms for Cascading Bandits", AISTATS 2019, and
 * Kveton et al. 2015 for the model): with a uniform Beta(1, 1) prior, item e's posterior after T(e)
 * observations with S(e) attractive ones is {@code Beta(1 + S(e), 1 + T(e) - S(e))}. Each round
 * draws θ(e) from every posterior and shows the K items with the largest θ (ties to the lower id).
 * No warm-up is needed (the prior is proper); the first round is a uniformly random list.
 *
 * <p>Randomness: round t draws from {@code new SplittableRandom(seed ^ (t · 0x9E3779B97F4A7C15))},
 * so the learner's behaviour is a function of (seed, counts, t) alone and a restored checkpoint
 * continues exactly as the original would.
 */
public final class CascadeThompson implements CascadingBandit {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final ItemStats stats;
  private final long seed;
  private final double[] scores;
  private final int[] ids;
  private final double[] vals;

  public CascadeThompson(int numItems, int listSize, long seed) {
    this(new ItemStats(numItems, listSize), seed);
  }

  /** Restores a learner from its state (algorithm {@code THOMPSON}). */
  public static CascadeThompson restore(BanditState.Counts state) {
    if (state.algorithm() != BanditState.Algorithm.THOMPSON) {
      throw new IllegalArgumentException("not a cascading Thompson sampling state: " + state.algorithm());
    }
    return new CascadeThompson(new ItemStats(state), state.seed());
  }

  private CascadeThompson(ItemStats stats, long seed) {
    this.stats = stats;
    this.seed = seed;
    this.scores = new double[stats.pulls.length];
    this.ids = new int[stats.listSize];
    this.vals = new double[stats.listSize];
  }

  @Override
  public int[] select() {
    long t = stats.round + 1;
    SplittableRandom rng = new SplittableRandom(seed ^ (t * GOLDEN));
    long[] pulls = stats.pulls;
    long[] clicks = stats.clicks;
    for (int e = 0; e < scores.length; e++) {
      scores[e] = BetaSampler.beta(1.0 + clicks[e], 1.0 + pulls[e] - clicks[e], rng);
    }
    TopK.select(scores, scores.length, ids.length, ids, vals);
    return ids.clone();
  }

  @Override
  public void update(int[] list, int clickPosition) {
    stats.update(list, clickPosition, e -> { });
  }

  @Override
  public int numItems() {
    return stats.pulls.length;
  }

  @Override
  public int listSize() {
    return stats.listSize;
  }

  @Override
  public long round() {
    return stats.round;
  }

  @Override
  public BanditState.Counts state() {
    return stats.snapshot(BanditState.Algorithm.THOMPSON, 0.0, seed);
  }
}
