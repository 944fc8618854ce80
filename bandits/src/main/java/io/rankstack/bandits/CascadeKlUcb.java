package io.rankstack.bandits;

import java.util.Arrays;

/**
 * CascadeKL-UCB (Kveton et al., ICML 2015, Algorithm 1 with the KL-UCB index): in round t show the
 * K items with the largest
 * <pre>  U_t(e) = max{ q ∈ [ŵ(e), 1] : T(e) · KL(ŵ(e) ‖ q) <= log t + c · log log t },  c = 3, </pre>
 * computed by {@link KlUcb#upperBound} (Newton with bisection safeguard; closed form at ŵ = 0; 1 at
 * ŵ = 1). Initialisation as {@link CascadeUcb1}: unobserved items have index +∞. Ties go to the
 * lower item id.
 *
 * <p>Speed: every index changes every round (through t), and a root per item per round would cost
 * O(L) Newton solves. Instead each item caches its exact index q0 at the exploration level r0 when it
 * was last solved, and the derivative {@code dq/dr = 1 / (T · ∂KL/∂q) = q0(1-q0) / (T (q0 - ŵ))}.
 * As the index is increasing and concave in r (the inverse of a convex increasing function),
 * {@code q0 <= U(r) <= min(1, q0 + (r - r0) dq/dr)}. Each round takes the K-th largest lower
 * bound θ and re-solves exactly only the items whose upper bound reaches θ; the selected list is
 * the same as recomputing every index exactly (the cache is derived data, not state).
 */
public final class CascadeKlUcb implements CascadingBandit {
  /** The paper's c in {@code log t + 3 log log t}. */
  public static final double DEFAULT_C = 3.0;
  private static final double SLACK = 1e-9;

  private final ItemStats stats;
  private final double c;
  private final double[] q0;
  private final double[] r0;
  private final double[] slope;
  private final boolean[] stale;
  private final int[] candidates;
  private final int[] ids;
  private final double[] vals;
  private long exactSolves;

  /** CascadeKL-UCB with c = 3. */
  public CascadeKlUcb(int numItems, int listSize) {
    this(numItems, listSize, DEFAULT_C);
  }

  /** @param c the constant in {@code log t + c log log t}, finite and >= 0 */
  public CascadeKlUcb(int numItems, int listSize, double c) {
    this(new ItemStats(numItems, listSize), c);
  }

  /** Restores a learner from its state (algorithm {@code KL_UCB}). */
  public static CascadeKlUcb restore(BanditState.Counts state) {
    if (state.algorithm() != BanditState.Algorithm.KL_UCB) {
      throw new IllegalArgumentException("not a CascadeKL-UCB state: " + state.algorithm());
    }
    return new CascadeKlUcb(new ItemStats(state), state.exploration());
  }

  private CascadeKlUcb(ItemStats stats, double c) {
    if (!Double.isFinite(c) || c < 0) {
      throw new IllegalArgumentException("illegal c " + c + ", must be finite and >= 0");
    }
    this.stats = stats;
    this.c = c;
    int n = stats.pulls.length;
    q0 = new double[n];
    r0 = new double[n];
    slope = new double[n];
    stale = new boolean[n];
    candidates = new int[n];
    ids = new int[stats.listSize];
    vals = new double[stats.listSize];
    Arrays.fill(stale, true);
  }

  /**
   * The CascadeKL-UCB index for empirical attraction ŵ, T >= 1 observations, round t >= 1.
   * Known answers: (0.5, 10, 100) gives 0.9584648; (0.2, 100, 1000) gives 0.4393920.
   */
  public static double index(double mean, long pulls, long t, double c) {
    if (pulls < 1) {
      throw new IllegalArgumentException("need T >= 1, got " + pulls);
    }
    return KlUcb.upperBound(mean, KlUcb.exploration(t, c) / pulls);
  }

  private void solve(int e, double r) {
    long n = stats.pulls[e];
    stale[e] = false;
    if (n == 0) {
      r0[e] = r;
      q0[e] = Double.POSITIVE_INFINITY;
      slope[e] = 0;
      return;
    }
    exactSolves++;
    double p = (double) stats.clicks[e] / n;
    // no warm start: the root must be a pure function of (ŵ, r/T) so that equal items tie exactly
    // and a restored learner (cold cache) selects exactly what the original would
    double q = KlUcb.upperBound(p, r / n);
    r0[e] = r;
    q0[e] = q;
    if (q >= 1) {
      slope[e] = 0;
    } else if (q <= p) {
      slope[e] = Double.POSITIVE_INFINITY;
    } else {
      slope[e] = q * (1 - q) / (n * (q - p));
    }
  }

  @Override
  public int[] select() {
    long t = stats.round + 1;
    double r = KlUcb.exploration(t, c);
    int n = q0.length;
    for (int e = 0; e < n; e++) {
      if (stale[e]) {
        solve(e, r);
      }
    }
    int k = ids.length;
    TopK.select(q0, n, k, ids, vals);
    double theta = vals[k - 1] - SLACK;
    int m = 0;
    for (int e = 0; e < n; e++) {
      double lower = q0[e];
      double dr = r - r0[e];
      double upper = dr == 0 || lower == Double.POSITIVE_INFINITY ? lower : Math.min(1.0, lower + dr * slope[e]);
      if (upper >= theta || Double.isNaN(upper)) {
        if (dr != 0) {
          solve(e, r);
        }
        candidates[m++] = e;
      }
    }
    TopK.selectAmong(candidates, m, q0, k, ids, vals);
    return ids.clone();
  }

  /** Exact root solves done so far (diagnostics for the lazy evaluation). */
  public long exactSolves() {
    return exactSolves;
  }

  @Override
  public void update(int[] list, int clickPosition) {
    stats.update(list, clickPosition, e -> stale[e] = true);
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
    return stats.snapshot(BanditState.Algorithm.KL_UCB, c, 0L);
  }
}
