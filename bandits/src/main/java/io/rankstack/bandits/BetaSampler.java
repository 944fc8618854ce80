package io.rankstack.bandits;

import java.util.SplittableRandom;

/**
 * Gamma and Beta variates: Gamma(a) for a >= 1 by Marsaglia and Tsang ("A simple method for
 * generating gamma variables", ACM TOMS 2000); Beta(a, b) = X / (X + Y) with X ~ Gamma(a),
 * Y ~ Gamma(b).
 */
final class BetaSampler {
  private BetaSampler() {}

  /** Gamma(shape, 1) for shape >= 1. */
  static double gamma(double shape, SplittableRandom rng) {
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** Beta(a, b) for a, b >= 1. */
  static double beta(double a, double b, SplittableRandom rng) {
    double x = gamma(a, rng);
    double y = gamma(b, rng);
    return x / (x + y);
  }
}
