package io.rankstack.bandits.rl;

import java.util.Objects;

/**
 * CascadingVI (Du, Srikant and Chen, "Cascading Reinforcement Learning", ICLR 2024, Algorithm 1):
 * optimistic value iteration with empirical attraction q̂(s, a), empirical transitions p̂(·|s, a)
 * (after a click on a) and p̂(·|s, ⊥) (after no click), and a known reward r(s, a). Each episode
 * k plans backwards over h = H..1 with
 * <pre>
 *   q̄(s, a)  = min(1, q̂ + b_q),                           1 if never examined,
 *   w̄(s, a)  = min(r + (H - h), r + p̂ᵀV̄_{h+1} + b_p),     r + (H - h) if never clicked,
 *   w̄(s, ⊥)  = min(H - h, p̂_⊥ᵀV̄_{h+1} + b_p),             H - h if never seen,
 *   V̄_h(s)   = min(H - h + 1, max_A Q(q̄, w̄, w̄_⊥; A)),     the max by BestPerm (or brute force),
 * </pre>
 * and follows the maximising lists. Bonuses, with ℓ = log(S·N·H·max(k, 2) / δ), n the number of
 * samples and range R = H - h of V̄_{h+1}, scaled by {@code scale}:
 * <ul>
 *   <li>{@link Bonus#BERNSTEIN} (variance-aware, empirical Bernstein of Maurer and Pontil 2009):
 *       {@code b_q = sqrt(2 q̂(1-q̂) ℓ / n) + 7ℓ / (3 max(1, n-1))} and
 *       {@code b_p = sqrt(2 Var_p̂(V̄_{h+1}) ℓ / n) + 7Rℓ / (3 max(1, n-1))};</li>
 *   <li>{@link Bonus#HOEFFDING} (variance-unaware baseline): {@code b_q = sqrt(ℓ / 2n)} and
 *       {@code b_p = R·sqrt(ℓ / 2n)}.</li>
 * </ul>
 * The paper's exact constants are not reproduced (they are not recoverable from the text we had);
 * δ and the scale are parameters, defaults δ = 0.1 and scale = 1.
 *
 * <p>{@link Planner#BRUTE_FORCE} replaces BestPerm by enumeration of all ordered lists (the paper's
 * "oracle" baseline: same decisions up to ties, O(N^m) per state).
 *
 * <p>{@link #lowerValues} gives pessimistic values of a policy for the best-policy-identification
 * variant ({@link CascadingBpi}).
 */
public final class CascadingVi implements CascadingRlAgent {
  /** Which confidence bonus. */
  public enum Bonus { BERNSTEIN, HOEFFDING }

  /** Which planner maximises over lists. */
  public enum Planner { BEST_PERM, BRUTE_FORCE }

  private final int states;
  private final int items;
  private final int horizon;
  private final double[][] reward;
  private final Bonus bonus;
  private final Planner planner;
  private final double delta;
  private final double scale;
  private final BestPerm bestPerm;
  private final long[][] examined;
  private final long[][] clicked;
  private final long[][][] clickNext;
  private final long[] noClick;
  private final long[][] noClickNext;
  private long episodes;
  private double[][] lastUpper;
  private long planNanos;

  /**
   * @param reward the known reward r[s][a] in [0, 1] (S × N)
   * @param horizon H >= 1
   * @param maxLength m >= 1
   * @param delta δ in (0, 1)
   * @param scale bonus multiplier >= 0
   */
  public CascadingVi(double[][] reward, int horizon, int maxLength, Bonus bonus, Planner planner, double delta, double scale) {
    this.states = reward.length;
    this.items = reward[0].length;
    if (horizon < 1) {
      throw new IllegalArgumentException("illegal horizon " + horizon + ", must be >= 1");
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("illegal δ " + delta + ", must be in (0, 1)");
    }
    if (!(scale >= 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("illegal bonus scale " + scale + ", must be finite and >= 0");
    }
    this.horizon = horizon;
    this.reward = new double[states][];
    for (int s = 0; s < states; s++) {
      this.reward[s] = reward[s].clone();
    }
    this.bonus = Objects.requireNonNull(bonus, "bonus");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.delta = delta;
    this.scale = scale;
    this.bestPerm = new BestPerm(maxLength);
    examined = new long[states][items];
    clicked = new long[states][items];
    clickNext = new long[states][items][states];
    noClick = new long[states];
    noClickNext = new long[states][states];
  }

  /** CascadingVI with BestPerm, Bernstein bonuses, δ = 0.1, scale 1. */
  public static CascadingVi withDefaults(double[][] reward, int horizon, int maxLength) {
    return new CascadingVi(reward, horizon, maxLength, Bonus.BERNSTEIN, Planner.BEST_PERM, 0.1, 1.0);
  }

  private double logTerm() {
    return Math.log(states * (double) items * horizon * Math.max(2, episodes + 1) / delta);
  }

  private double bonusQ(double qhat, long n, double l) {
    if (bonus == Bonus.HOEFFDING) {
      return scale * Math.sqrt(l / (2.0 * n));
    }
    return scale * (Math.sqrt(2 * qhat * (1 - qhat) * l / n) + 7 * l / (3.0 * Math.max(1, n - 1)));
  }

  private double bonusP(double variance, long n, double range, double l) {
    if (bonus == Bonus.HOEFFDING) {
      return scale * range * Math.sqrt(l / (2.0 * n));
    }
    return scale * (Math.sqrt(2 * variance * l / n) + 7 * range * l / (3.0 * Math.max(1, n - 1)));
  }

  /** Mean and variance of v under the empirical distribution counts/n. */
  private static double[] meanVar(long[] counts, long n, double[] v) {
    double m = 0;
    double m2 = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        double p = counts[i] / (double) n;
        m += p * v[i];
        m2 += p * v[i] * v[i];
      }
    }
    return new double[] {m, Math.max(0, m2 - m * m)};
  }

  @Override
  public CascadingMdp.Policy plan() {
    long t0 = System.nanoTime();
    double l = logTerm();
    int[][][] lists = new int[horizon][states][];
    double[][] upper = new double[horizon + 1][states];
    double[] q = new double[items];
    double[] w = new double[items];
    for (int h = horizon - 1; h >= 0; h--) {
      double range = horizon - h - 1;
      double[] next = upper[h + 1];
      for (int s = 0; s < states; s++) {
        optimisticParameters(s, next, range, l, q, w);
        double wBot = optimisticBottom(s, next, range, l);
        BestPerm.Result r = planner == Planner.BEST_PERM ? bestPerm.solve(q, w, wBot) : bestPerm.bruteForce(q, w, wBot);
        lists[h][s] = r.list();
        upper[h][s] = Math.min(range + 1, r.value());
      }
    }
    lastUpper = upper;
    planNanos += System.nanoTime() - t0;
    return new CascadingMdp.Policy(lists);
  }

  private void optimisticParameters(int s, double[] next, double range, double l, double[] q, double[] w) {
    for (int a = 0; a < items; a++) {
      long n = examined[s][a];
      long c = clicked[s][a];
      if (n == 0) {
        q[a] = 1.0;
      } else {
        double qhat = c / (double) n;
        q[a] = Math.min(1.0, qhat + bonusQ(qhat, n, l));
      }
      if (c == 0) {
        w[a] = reward[s][a] + range;
      } else {
        double[] mv = meanVar(clickNext[s][a], c, next);
        w[a] = reward[s][a] + Math.min(range, mv[0] + bonusP(mv[1], c, range, l));
      }
    }
  }

  private double optimisticBottom(int s, double[] next, double range, double l) {
    long n = noClick[s];
    if (n == 0) {
      return range;
    }
    double[] mv = meanVar(noClickNext[s], n, next);
    return Math.min(range, mv[0] + bonusP(mv[1], n, range, l));
  }

  /**
   * The optimistic values V̄_1(s) of the last {@link #plan} (upper bounds on V*_1(s) when the
   * confidence bounds hold).
   */
  public double[] lastUpperValues() {
    if (lastUpper == null) {
      throw new IllegalStateException("plan() has not been called");
    }
    return lastUpper[0].clone();
  }

  /**
   * Pessimistic values V̲_1^π(s) of a policy: attraction may be anywhere in [q̂ - b_q, q̂ + b_q]
   * (all of [0, 1] when never examined), w̲(s, a) = r + max(0, p̂ᵀV̲_{h+1} - b_p) (r when never
   * clicked), w̲(s, ⊥) likewise; each list position takes the q that minimises
   * {@code q·w̲ + (1 - q)·V̲_rest}, which is exact for the minimum since the value is increasing in
   * V̲_rest and in w̲.
   */
  public double[] lowerValues(CascadingMdp.Policy policy) {
    double l = logTerm();
    double[] next = new double[states];
    for (int h = horizon - 1; h >= 0; h--) {
      double range = horizon - h - 1;
      double[] cur = new double[states];
      for (int s = 0; s < states; s++) {
        double v;
        long nb = noClick[s];
        if (nb == 0) {
          v = 0;
        } else {
          double[] mv = meanVar(noClickNext[s], nb, next);
          v = Math.max(0, mv[0] - bonusP(mv[1], nb, range, l));
        }
        int[] list = policy.lists()[h][s];
        for (int i = list.length - 1; i >= 0; i--) {
          int a = list[i];
          long n = examined[s][a];
          long c = clicked[s][a];
          double qLo;
          double qHi;
          if (n == 0) {
            qLo = 0;
            qHi = 1;
          } else {
            double qhat = c / (double) n;
            double b = bonusQ(qhat, n, l);
            qLo = Math.max(0, qhat - b);
            qHi = Math.min(1, qhat + b);
          }
          double wLo;
          if (c == 0) {
            wLo = reward[s][a];
          } else {
            double[] mv = meanVar(clickNext[s][a], c, next);
            wLo = reward[s][a] + Math.max(0, mv[0] - bonusP(mv[1], c, range, l));
          }
          v = Math.min(qLo * wLo + (1 - qLo) * v, qHi * wLo + (1 - qHi) * v);
        }
        cur[s] = v;
      }
      next = cur;
    }
    return next;
  }

  @Override
  public void observe(int h, int s, int[] list, CascadingMdp.Step step) {
    int observedCount = step.clickPosition() < 0 ? list.length : step.clickPosition() + 1;
    for (int i = 0; i < observedCount; i++) {
      examined[s][list[i]]++;
    }
    if (step.clickPosition() >= 0) {
      int a = list[step.clickPosition()];
      clicked[s][a]++;
      clickNext[s][a][step.nextState()]++;
    } else {
      noClick[s]++;
      noClickNext[s][step.nextState()]++;
    }
  }

  @Override
  public void endEpisode() {
    episodes++;
  }

  /** Nanoseconds spent in {@link #plan} so far. */
  public long planNanos() {
    return planNanos;
  }

  public long episodes() {
    return episodes;
  }
}
