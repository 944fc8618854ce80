package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** Known answers computed by hand (shown in comments) and checked against commons-math3's own tests. */
class PairedTestsTest {
  private static final double EPS = 1e-12;

  // d = {0.1, 0.2, -0.05, 0.3, 0.0}, n = 5
  //   mean = 0.55 / 5 = 0.11
  //   d - mean = {-0.01, 0.09, -0.16, 0.19, -0.11}; squares {0.0001, 0.0081, 0.0256, 0.0361, 0.0121}
  //   sum of squares = 0.082; variance = 0.082 / 4 = 0.0205; sd = sqrt(0.0205) = 0.143178210632...
  //   se = sd / sqrt(5) = sqrt(0.0041) = 0.064031242374...
  //   t = 0.11 / 0.064031242374 = 1.717911380774..., df = 4
  //   Student t with 4 df has CDF F(t) = 1/2 + (3/4) x - (1/4) x^3 with x = t / sqrt(4 + t^2), so the
  //   two-sided p = 2 (1 - F(|t|)) = 1 - (3/2) x + (1/2) x^3; x = 0.651583765535, p = 0.160943010697.
  //   95% CI: q = F^-1(0.975) = 2.776445105198 (tables: 2.7764), mean ± q se = [-0.067779229, 0.287779229].
  private static final double[] D = {0.1, 0.2, -0.05, 0.3, 0.0};

  @Test
  void meanAndStandardDeviationByHand() {
    assertEquals(0.11, PairedTests.mean(D), EPS);
    assertEquals(Math.sqrt(0.0205), PairedTests.standardDeviation(D), EPS);
  }

  @Test
  void pairedTTestByHand() {
    PairedTests.TTestResult r = PairedTests.pairedTTest(D);
    double t = 0.11 / Math.sqrt(0.0041);
    double x = t / Math.sqrt(4 + t * t);
    assertEquals(4, r.df());
    assertEquals(t, r.t(), 1e-12);
    assertEquals(1.717911380774, r.t(), 1e-11);
    assertEquals(1 - 1.5 * x + 0.5 * x * x * x, r.p(), 1e-12);
    assertEquals(0.160943010697, r.p(), 1e-11);
  }

  @Test
  void pairedTTestAgreesWithCommonsMathTTest() {
    double[] a = {0.40, 0.55, 0.35, 0.20, 0.70};
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] + D[i];
    }
    PairedTests.TTestResult r = PairedTests.pairedTTest(PairedTests.differences(a, b));
    TTest commons = new TTest();
    assertEquals(commons.pairedT(b, a), r.t(), 1e-9);
    assertEquals(commons.pairedTTest(b, a), r.p(), 1e-9);
    assertEquals(commons.pairedTTest(a, b), r.p(), 1e-9); // two-sided: the order does not matter
  }

  @Test
  void confidenceIntervalByHand() {
    double q = 2.776445105198;
    // The quantile checked through the closed-form CDF for 4 df above: F(q) = 0.975.
    double x = q / Math.sqrt(4 + q * q);
    assertEquals(0.975, 0.5 + 0.75 * x - 0.25 * x * x * x, 1e-12);
    PairedTests.Interval ci = PairedTests.confidenceInterval(D, 0.95);
    assertEquals(0.11 - q * Math.sqrt(0.0041), ci.lower(), 1e-11);
    assertEquals(0.11 + q * Math.sqrt(0.0041), ci.upper(), 1e-11);
    assertEquals(-0.067779229, ci.lower(), 1e-9);
    assertEquals(0.287779229, ci.upper(), 1e-9);
    assertEquals(0.95, ci.level());
  }

  @Test
  void degenerateDifferences() {
    // n = 1: no variance estimate.
    assertTrue(Double.isNaN(PairedTests.pairedTTest(new double[] {0.3}).p()));
    assertTrue(Double.isNaN(PairedTests.confidenceInterval(new double[] {0.3}, 0.95).lower()));
    // all zero: nothing to see.
    PairedTests.TTestResult zero = PairedTests.pairedTTest(new double[] {0, 0, 0});
    assertEquals(0.0, zero.t());
    assertEquals(1.0, zero.p());
    // a constant non-zero shift: sd = 0, t infinite, p = 0, CI a single point.
    PairedTests.TTestResult shift = PairedTests.pairedTTest(new double[] {-0.25, -0.25, -0.25});
    assertEquals(Double.NEGATIVE_INFINITY, shift.t());
    assertEquals(0.0, shift.p());
    PairedTests.Interval ci = PairedTests.confidenceInterval(new double[] {-0.25, -0.25, -0.25}, 0.95);
    assertEquals(-0.25, ci.lower(), EPS);
    assertEquals(-0.25, ci.upper(), EPS);
  }

  // Exact sign-flip test for d = {0.4, 0.3, 0.1, -0.2}: observed sum 0.6 (mean 0.15). All 16 sign
  // assignments s and sum s_i d_i; "*" marks |sum| >= 0.6:
  //   ++++  0.6 *    +-++  0.0      -+++ -0.2      --++ -0.8 *
  //   +++-  1.0 *    +-+-  0.4      -++-  0.2      --+- -0.4
  //   ++-+  0.4      +--+ -0.2      -+-+ -0.4      ---+ -1.0 *
  //   ++--  0.8 *    +---  0.2      -+--  0.0      ---- -0.6 *
  // 6 of 16: p = 6/16 = 0.375.
  private static final double[] SMALL = {0.4, 0.3, 0.1, -0.2};

  @Test
  void exactRandomisationByEnumeration() {
    assertEquals(6.0 / 16, PairedTests.exactRandomisationPValue(SMALL), EPS);
    // All differences of one sign: only the identity and its mirror image reach the observed sum.
    assertEquals(2.0 / 8, PairedTests.exactRandomisationPValue(new double[] {0.1, 0.2, 0.3}), EPS);
    // Nothing differs: every assignment ties.
    assertEquals(1.0, PairedTests.exactRandomisationPValue(new double[] {0, 0, 0, 0}), EPS);
    // Swapping A and B negates every difference and keeps p.
    assertEquals(6.0 / 16, PairedTests.exactRandomisationPValue(new double[] {-0.4, -0.3, -0.1, 0.2}), EPS);
  }

  @Test
  void floatingPointTiesStillCount() {
    // d = {0.3, 0.1, 0.2, -0.2}: the observed sum is 0.4, and flipping the last two signs ties it
    // (0.3 + 0.1 - 0.2 + 0.2). In floating point, summed left to right, the observed sum is
    // 0.4000000000000001 but "++--" gives 0.4 exactly, so a strict |s| >= |s_obs| would miss it (and its
    // mirror "--++"). Exact tallies: |s| >= 0.4 for ++++, +++-, ++--, +-+-, -+-+, --++, ---+, ---- (8).
    double[] d = {0.3, 0.1, 0.2, -0.2};
    assertEquals(8.0 / 16, PairedTests.exactRandomisationPValue(d), EPS);
  }

  @Test
  void monteCarloEstimateConvergesToExactValue() {
    // 200,000 draws: standard error sqrt(0.375 * 0.625 / 200000) ≈ 0.0011, so 0.005 is > 4 se.
    double mc = PairedTests.randomisationPValue(SMALL, 200_000, new SplittableRandom(7));
    assertEquals(0.375, mc, 0.005);
    // A larger n with irregular differences: 2^12 = 4096 assignments enumerated.
    double[] d = new double[12];
    SplittableRandom gen = new SplittableRandom(2026);
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.round((gen.nextDouble() - 0.35) * 100) / 100.0;
    }
    double exact = PairedTests.exactRandomisationPValue(d);
    double estimate = PairedTests.randomisationPValue(d, 100_000, new SplittableRandom(11));
    double se = Math.sqrt(exact * (1 - exact) / 100_000);
    assertEquals(exact, estimate, Math.max(5 * se, 1e-3), "exact " + exact + " vs Monte Carlo " + estimate);
  }

  @Test
  void monteCarloIsReproducibleFromItsSeed() {
    double[] d = {0.05, 0.12, -0.03, 0.2, 0.07, -0.01, 0.09, 0.0, 0.15, -0.08, 0.04, 0.11, 0.02, 0.06, -0.02};
    double p1 = PairedTests.randomisationPValue(d, 10_000, new SplittableRandom(42));
    double p2 = PairedTests.randomisationPValue(d, 10_000, new SplittableRandom(42));
    assertEquals(p1, p2, 0.0);
    // (count + 1) / (N + 1): a multiple of 1/10001, never 0.
    double count = p1 * 10_001 - 1;
    assertEquals(Math.rint(count), count, 1e-6);
    assertTrue(p1 > 0 && p1 <= 1);
    // Identical runs: every draw ties the observed 0, p = (N + 1) / (N + 1) = 1.
    assertEquals(1.0, PairedTests.randomisationPValue(new double[15], 10_000, new SplittableRandom(1)), 0.0);
  }

  @Test
  void monteCarloUsesMoreThan64Pairs() {
    // Signs come 64 to a long; 100 equal positive differences must still be a clear effect.
    double[] d = new double[100];
    java.util.Arrays.fill(d, 0.01);
    double p = PairedTests.randomisationPValue(d, 10_000, new SplittableRandom(3));
    assertEquals(1.0 / 10_001, p, EPS);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> PairedTests.differences(new double[2], new double[3]));
    assertThrows(IllegalArgumentException.class, () -> PairedTests.randomisationPValue(D, 0, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> PairedTests.exactRandomisationPValue(new double[25]));
    assertThrows(IllegalArgumentException.class, () -> PairedTests.confidenceInterval(D, 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> PairedTests.randomisationPValue(new double[] {Double.NaN, 1}, 10, new SplittableRandom(1)));
  }
}
