package io.rankstack.eval.bandit;

/** Mean and normal-approximation 95% confidence half-width over seeds. */
final class Stats {
  private Stats() {}

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** 1.96 · sd / sqrt(n), with the sample standard deviation (0 for one value). */
  static double halfWidth95(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return 1.96 * Math.sqrt(ss / (v.length - 1)) / Math.sqrt(v.length);
  }
}
