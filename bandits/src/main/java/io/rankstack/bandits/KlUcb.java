package io.rankstack.bandits;

/**
 * Bernoulli KL divergence and the KL-UCB upper confidence bound (Garivier and Cappé, COLT 2011),
 * with robust root finding at the ends of [0, 1].
 */
public final class KlUcb {
  private KlUcb() {}

  /** Absolute tolerance of {@link #upperBound} on q. */
  public static final double TOLERANCE = 1e-13;

  /**
   * {@code KL(p‖q) = p log(p/q) + (1-p) log((1-p)/(1-q))} with {@code 0 log 0 = 0};
   * +∞ when q ∈ {0, 1} and p ≠ q.
   */
  public static double kl(double p, double q) {
    double a = p == 0 ? 0 : p * Math.log(p / q);
    double b = p == 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
    return a + b;
  }

  /**
   * {@code max{q ∈ [p, 1] : KL(p‖q) <= d}}, to within {@link #TOLERANCE}.
   *
   * <p>Ends: d <= 0 gives p; p = 1 gives 1; p = 0 has the closed form {@code 1 - exp(-d)} (as
   * {@code KL(0‖q) = -log(1-q)}). Otherwise KL(p‖·) is convex and increasing on [p, 1), so a
   * Newton iteration from Pinsker's bound {@code p + sqrt(d/2)} (which lies above the root) is
   * safeguarded by bisection inside the bracket [p, 1].
   */
  public static double upperBound(double p, double d) {
    return upperBound(p, d, Double.NaN);
  }

  /**
   * {@link #upperBound(double, double)} with a starting point for the Newton iteration (ignored
   * unless strictly inside (p, 1)); a close guess, such as a previous root extrapolated along its
   * tangent, saves most iterations. The result does not depend on the guess beyond the tolerance.
   */
  public static double upperBound(double p, double d, double guess) {
    if (!(p >= 0 && p <= 1) || Double.isNaN(d)) {
      throw new IllegalArgumentException("illegal KL-UCB arguments p = " + p + ", d = " + d);
    }
    if (d <= 0) {
      return p;
    }
    if (p >= 1) {
      return 1.0;
    }
    if (p == 0) {
      return -Math.expm1(-d);
    }
    double lo = p;
    double hi = 1.0;
    // start: the second-order expansion of KL(p‖p + x) = d, x ≈ sqrt(2vd) + d(1 - 2p)/3 with
    // v = p(1 - p), capped by Pinsker's bound p + sqrt(d/2) (which lies above the root)
    double x = guess > p && guess < 1 ? guess
        : Math.min(p + Math.sqrt(d / 2), p + Math.sqrt(2 * p * (1 - p) * d) + d * (1 - 2 * p) / 3);
    if (x >= 1) {
      x = 0.5 * (p + 1);
    }
    for (int it = 0; it < 200; it++) {
      double g = kl(p, x) - d;
      if (g > 0) {
        hi = x;
      } else {
        lo = x;
      }
      if (hi - lo <= TOLERANCE) {
        break;
      }
      double slope = (x - p) / (x * (1 - x));
      double next = slope > 0 ? x - g / slope : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - x) <= TOLERANCE * 0.5) {
        x = next;
        break;
      }
      x = next;
    }
    return Math.min(1.0, Math.max(p, x));
  }

  /**
   * The cascading KL-UCB exploration term {@code log t + c · log log t} (Kveton et al. 2015, c = 3).
   * For t < 3, where {@code log log t} is undefined or negative, the term {@code c log log t} is
   * dropped, so the function is 0 at t = 1 and increasing in t.
   */
  public static double exploration(long t, double c) {
    if (t < 1) {
      throw new IllegalArgumentException("illegal round " + t + ", must be >= 1");
    }
    double lt = Math.log(t);
    return t < 3 ? lt : lt + c * Math.log(lt);
  }
}
