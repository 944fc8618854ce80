package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The assembled comparison: known answers, and properties that hold for any pair of score vectors. */
class PairedComparisonTest {
  private static final double EPS = 1e-12;

  @Test
  void summaryByHand() {
    // a = {0.5, 0.2, 0.9, 0.4}, b = {0.7, 0.2, 0.6, 0.8}: d = {0.2, 0, -0.3, 0.4}
    // mean A = 2.0/4 = 0.5, mean B = 2.3/4 = 0.575, mean d = 0.3/4 = 0.075
    // wins 2 (0.2, 0.4), ties 1, losses 1. 2^4 = 16 <= 1000 draws: the exact test is used.
    PairedComparison c = PairedComparison.of(new double[] {0.5, 0.2, 0.9, 0.4}, new double[] {0.7, 0.2, 0.6, 0.8}, 1000, 1);
    assertEquals(4, c.n());
    assertEquals(0.5, c.meanA(), EPS);
    assertEquals(0.575, c.meanB(), EPS);
    assertEquals(0.075, c.meanDifference(), EPS);
    assertEquals(2, c.wins());
    assertEquals(1, c.ties());
    assertEquals(1, c.losses());
    assertTrue(c.randomisationExact());
    // d = {0.2, 0, -0.3, 0.4}, observed |sum| 0.3; the zero does not matter, so over the 8 signings
    // of {0.2, -0.3, 0.4}: 0.3, 0.7*, -0.5, -0.1, 0.1, 0.5, -0.7, -0.3 → |s| >= 0.3 in 6 of 8: p = 0.75.
    assertEquals(0.75, c.randomisationP(), EPS);
    assertEquals(new TTest().pairedTTest(new double[] {0.7, 0.2, 0.6, 0.8}, new double[] {0.5, 0.2, 0.9, 0.4}),
        c.tTest().p(), 1e-9);
  }

  @Test
  void largeNUsesTheSeededMonteCarloTest() {
    double[] a = new double[20];
    double[] b = new double[20];
    for (int i = 0; i < 20; i++) {
      a[i] = (i % 7) / 10.0;
      b[i] = a[i] + ((i % 3) - 0.8) / 10.0;
    }
    PairedComparison c = PairedComparison.of(a, b, 5000, 99);
    assertFalse(c.randomisationExact());
    assertEquals(c, PairedComparison.of(a, b, 5000, 99), "same seed, same result");
    double exact = PairedTests.exactRandomisationPValue(PairedTests.differences(a, b));
    assertEquals(exact, c.randomisationP(), 0.03);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[0], new double[0], 1000, 1));
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[] {1}, new double[] {1}, 999, 1));
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[] {1}, new double[2], 1000, 1));
    assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.of(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}, 1000, 1));
  }

  @Property(seed = "20261129", tries = 300)
  void swappingRunsNegatesTheDifferenceAndKeepsThePValues(@ForAll("pairs") double[][] ab, @ForAll long seed) {
    PairedComparison ab1 = PairedComparison.of(ab[0], ab[1], 1000, seed);
    PairedComparison ba = PairedComparison.of(ab[1], ab[0], 1000, seed);
    assertEquals(-ab1.meanDifference(), ba.meanDifference(), 1e-12);
    assertEquals(ab1.sdDifference(), ba.sdDifference(), 1e-12);
    assertEquals(ab1.tTest().p(), ba.tTest().p(), 1e-12);
    assertEquals(ab1.randomisationP(), ba.randomisationP(), 0.0);
    assertEquals(-ab1.interval().upper(), ba.interval().lower(), 1e-12);
    assertEquals(-ab1.interval().lower(), ba.interval().upper(), 1e-12);
    assertEquals(ab1.wins(), ba.losses());
    assertEquals(ab1.ties(), ba.ties());
  }

  @Property(seed = "20261129", tries = 300)
  void identicalRunsShowNoDifference(@ForAll("pairs") double[][] ab, @ForAll long seed) {
    PairedComparison c = PairedComparison.of(ab[0], ab[0].clone(), 1000, seed);
    assertEquals(0.0, c.meanDifference(), 0.0);
    assertEquals(1.0, c.tTest().p(), 0.0);
    assertEquals(1.0, c.randomisationP(), 0.0);
    assertEquals(0.0, c.interval().lower(), 0.0);
    assertEquals(0.0, c.interval().upper(), 0.0);
    assertEquals(c.n(), c.ties());
  }

  @Property(seed = "20261129", tries = 300)
  void intervalContainsTheMeanAndPValuesAreProbabilities(@ForAll("pairs") double[][] ab, @ForAll long seed) {
    PairedComparison c = PairedComparison.of(ab[0], ab[1], 1000, seed);
    assertTrue(c.interval().contains(c.meanDifference()), () -> c.interval() + " misses " + c.meanDifference());
    assertTrue(c.tTest().p() >= 0 && c.tTest().p() <= 1, () -> "t-test p " + c.tTest().p());
    assertTrue(c.randomisationP() > 0 && c.randomisationP() <= 1, () -> "randomisation p " + c.randomisationP());
    assertEquals(c.n(), c.wins() + c.ties() + c.losses());
    assertEquals(c.meanB() - c.meanA(), c.meanDifference(), 1e-12);
  }

  @Property(seed = "20261129", tries = 300)
  void tTestAgreesWithCommonsMath(@ForAll("pairs") double[][] ab) {
    PairedComparison c = PairedComparison.of(ab[0], ab[1], 1000, 1);
    if (c.sdDifference() > 1e-9) {
      assertEquals(new TTest().pairedTTest(ab[1], ab[0]), c.tTest().p(), 1e-9);
    }
  }

  /** Score vectors of 2..40 queries with two decimals, so that ties and equal differences occur. */
  @Provide
  Arbitrary<double[][]> pairs() {
    return Arbitraries.integers().between(2, 40).flatMap(n -> {
      Arbitrary<double[]> scores = Arbitraries.doubles().between(0, 1).ofScale(2).array(double[].class).ofSize(n);
      return Combinators.combine(scores, scores).as((a, b) -> new double[][] {a, b});
    });
  }
}
