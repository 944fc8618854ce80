package io.rankstack.eval.trec;

/** Math functions trec_eval takes from libm, where Java lacks a direct equivalent. */
final class CMath {
  private static final double INV_LN2 = 1.4426950408889634; // 1 / ln 2, correctly rounded

  private CMath() {}

  /**
   * {@code log2}: exact for powers of two, otherwise within about an ulp of the true value (glibc's
   * is within 0.55 ulp). Computed as {@code e + log(m) / ln 2} with {@code x = m * 2^e},
   * {@code m} in {@code [sqrt(1/2), sqrt(2))}, so the integer part is exact.
   */
  static double log2(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return Math.log(x) * INV_LN2;
    }
    int e = Math.getExponent(x);
    if (e < Double.MIN_EXPONENT) { // subnormal
      return Math.log(x) * INV_LN2;
    }
    double m = Math.scalb(x, -e);
    if (m > 1.4142135623730951) {
      m /= 2;
      e++;
    }
    if (m == 1.0) {
      return e;
    }
    return e + Math.log1p(m - 1) * INV_LN2;
  }
}
