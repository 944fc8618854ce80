package io.rankstack.bandits;

/**
 * CascadeUCB1 (Kveton et al., "Cascading Bandits: Learning to Rank in the Cascade Model", ICML
 * 2015, Algorithm 1 with the UCB1 index): in round t show the K items with the largest
 * <pre>  U_t(e) = ŵ(e) + sqrt(c · log t / T(e)),   c = 1.5 by default, </pre>
 * where ŵ(e) = S(e)/T(e) is the empirical attraction from T(e) observations. The index is not
 * clipped to 1 (as in the paper). Ties go to the lower item id.
 *
 * <p>Initialisation: an item never observed has index +∞, so the first rounds show unobserved
 * items in id order until each has been observed once; this is the paper's "observe each item
 * once" start, done online (items below a click stay unobserved and are shown again next round).
 *
 * <p>Cost per round: O(L) for selection (one multiply-add per item; ŵ and 1/sqrt(T) are cached
 * and refreshed only for the at most K items observed), O(K) for an update.
 */
public final class CascadeUcb1 implements CascadingBandit {
  /** The paper's constant in {@code sqrt(1.5 log t / T)}. */
  public static final double DEFAULT_EXPLORATION = 1.5;

  private final ItemStats stats;
  private final double exploration;
  private final double[] mean;
  private final double[] invSqrtPulls;
  private final int[] ids;
  private final double[] vals;
  private final double[] scores;

  /** CascadeUCB1 with the paper's constant 1.5. */
  public CascadeUcb1(int numItems, int listSize) {
    this(numItems, listSize, DEFAULT_EXPLORATION);
  }

  /**
   * @param exploration c in {@code sqrt(c log t / T)}, finite and >= 0
   */
  public CascadeUcb1(int numItems, int listSize, double exploration) {
    this(new ItemStats(numItems, listSize), exploration);
  }

  /** Restores a learner from its state (algorithm {@code UCB1}). */
  public static CascadeUcb1 restore(BanditState.Counts state) {
    if (state.algorithm() != BanditState.Algorithm.UCB1) {
      throw new IllegalArgumentException("not a CascadeUCB1 state: " + state.algorithm());
    }
    return new CascadeUcb1(new ItemStats(state), state.exploration());
  }

  private CascadeUcb1(ItemStats stats, double exploration) {
    if (!Double.isFinite(exploration) || exploration < 0) {
      throw new IllegalArgumentException("illegal exploration " + exploration + ", must be finite and >= 0");
    }
    this.stats = stats;
    this.exploration = exploration;
    int n = stats.pulls.length;
    this.mean = new double[n];
    this.invSqrtPulls = new double[n];
    this.scores = new double[n];
    this.ids = new int[stats.listSize];
    this.vals = new double[stats.listSize];
    for (int e = 0; e < n; e++) {
      refresh(e);
    }
  }

  /**
   * The UCB1 index {@code ŵ + sqrt(c · log t / T)} for T >= 1 and t >= 1.
   * Known answer: ŵ = 0.5, T = 10, t = 100, c = 1.5 gives 1.3311291.
   */
  public static double index(double mean, long pulls, long t, double exploration) {
    if (pulls < 1 || t < 1) {
      throw new IllegalArgumentException("need T >= 1 and t >= 1, got T = " + pulls + ", t = " + t);
    }
    return mean + Math.sqrt(exploration * Math.log(t) / pulls);
  }

  private void refresh(int e) {
    long n = stats.pulls[e];
    if (n == 0) {
      mean[e] = Double.POSITIVE_INFINITY;
      invSqrtPulls[e] = 0.0;
    } else {
      mean[e] = (double) stats.clicks[e] / n;
      invSqrtPulls[e] = 1.0 / Math.sqrt(n);
    }
  }

  @Override
  public int[] select() {
    long t = stats.round + 1;
    double c = Math.sqrt(exploration * Math.log(t));
    double[] s = scores;
    for (int e = 0; e < s.length; e++) {
      s[e] = mean[e] + c * invSqrtPulls[e];
    }
    TopK.select(s, s.length, ids.length, ids, vals);
    return ids.clone();
  }

  @Override
  public void update(int[] list, int clickPosition) {
    stats.update(list, clickPosition, this::refresh);
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
    return stats.snapshot(BanditState.Algorithm.UCB1, exploration, 0L);
  }
}
