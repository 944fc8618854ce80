package io.rankstack.server.experiment;

/**
 * The two-sided sign test (exact binomial test with p = 1/2) on wins against losses, ties left
 * out: {@code p = min(1, 2 · P[X <= min(w, l)])} with {@code X ~ Binomial(w + l, 1/2)}. Known
 * answers: 9 wins, 1 loss gives 0.021484375 (= 2 · 11/1024); 5 and 5 gives 1; 0 and 0 gives 1.
 */
public final class SignTest {
  private SignTest() {}

  /** The two-sided p-value. */
  public static double pValue(long wins, long losses) {
    if (wins < 0 || losses < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got " + wins + ", " + losses);
    }
    long n = wins + losses;
    if (n == 0) {
      return 1.0;
    }
    long k = Math.min(wins, losses);
    // Sum of C(n, i) / 2^n for i <= k, in log space so that large n does not overflow.
    double logHalfN = n * Math.log(0.5);
    double logC = 0; // log C(n, 0)
    double sum = 0;
    for (long i = 0; i <= k; i++) {
      if (i > 0) {
        logC += Math.log((double) (n - i + 1) / i);
      }
      sum += Math.exp(logC + logHalfN);
    }
    return Math.min(1.0, 2 * sum);
  }
}
