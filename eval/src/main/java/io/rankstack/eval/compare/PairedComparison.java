package io.rankstack.eval.compare;

import java.util.SplittableRandom;

/**
 * The paired comparison of two systems A and B over the same n queries: per-query differences
 * {@code d_i = b_i - a_i}, their summary, a Student-t confidence interval and two two-sided
 * significance tests (see {@link PairedTests} for every formula). A pure value: it is computed from
 * two aligned arrays and a seed, and the same inputs always give the same result.
 *
 * @param n                      number of pairs (queries), at least 1
 * @param meanA                  mean of A's scores
 * @param meanB                  mean of B's scores
 * @param meanDifference         {@code (1/n) sum (b_i - a_i)}
 * @param sdDifference           sample standard deviation of the differences (n - 1 denominator);
 *                               NaN when n = 1
 * @param interval               Student-t confidence interval for the mean difference
 * @param wins                   queries where B is better: {@code d_i > TIE}
 * @param ties                   queries with {@code |d_i| <= TIE}
 * @param losses                 queries where B is worse: {@code d_i < -TIE}
 * @param tTest                  two-sided paired t-test
 * @param randomisationP         two-sided randomisation (sign-flip) test p-value
 * @param randomisationExact     whether {@code randomisationP} is exact (all 2^n sign assignments
 *                               enumerated, done when {@code 2^n <= permutations}) rather than a
 *                               Monte Carlo estimate
 * @param permutations           number of random sign assignments requested
 * @param seed                   seed of the {@link SplittableRandom} that drew them
 */
public record PairedComparison(
    int n,
    double meanA,
    double meanB,
    double meanDifference,
    double sdDifference,
    PairedTests.Interval interval,
    int wins,
    int ties,
    int losses,
    PairedTests.TTestResult tTest,
    double randomisationP,
    boolean randomisationExact,
    int permutations,
    long seed) {

  /** Confidence level of {@link #interval()}. */
  public static final double CONFIDENCE = 0.95;

  /**
   * Two scores closer than this count as a tie in wins/ties/losses (only there: the tests use the
   * differences as they are). Equal rankings give bit-identical scores; this absorbs rounding when
   * different rankings reach the same value by different sums.
   */
  public static final double TIE = 1e-12;

  /** Default number of random sign assignments: at least 10,000 (Smucker et al. used 100,000). */
  public static final int DEFAULT_PERMUTATIONS = 10_000;

  /**
   * Fewest random sign assignments accepted: with N draws the Monte Carlo standard error of p is
   * {@code sqrt(p (1 - p) / N)}, about 0.007 at p = 0.05 and N = 1,000; fewer would blur the
   * conventional thresholds.
   */
  public static final int MIN_PERMUTATIONS = 1_000;

  /** Default seed of the randomisation test, fixed so that a comparison repeats exactly. */
  public static final long DEFAULT_SEED = 42L;

  /**
   * Compares aligned scores: {@code a[i]} and {@code b[i]} belong to the same query.
   *
   * @param permutations random sign assignments for the randomisation test, at least
   *                     {@link #MIN_PERMUTATIONS}; when {@code 2^n <= permutations} (and n is at
   *                     most {@link PairedTests#MAX_EXACT_PAIRS}) the exact test over all 2^n
   *                     assignments is used instead: it costs no more and has no sampling error
   * @param seed         seed for the sign assignments
   * @throws IllegalArgumentException when the arrays are empty, differ in length, hold a non-finite
   *                                  value, or permutations is below the minimum
   */
  public static PairedComparison of(double[] a, double[] b, int permutations, long seed) {
    checkPermutations(permutations);
    double[] d = PairedTests.differences(a, b);
    if (d.length == 0) {
      throw new IllegalArgumentException("nothing to compare: no queries");
    }
    checkFinite(a, "A");
    checkFinite(b, "B");
    int wins = 0;
    int ties = 0;
    int losses = 0;
    for (double v : d) {
      if (v > TIE) {
        wins++;
      } else if (v < -TIE) {
        losses++;
      } else {
        ties++;
      }
    }
    boolean exact = d.length <= PairedTests.MAX_EXACT_PAIRS && (1L << d.length) <= permutations;
    double randomisationP = exact
        ? PairedTests.exactRandomisationPValue(d)
        : PairedTests.randomisationPValue(d, permutations, new SplittableRandom(seed));
    return new PairedComparison(d.length, PairedTests.mean(a), PairedTests.mean(b), PairedTests.mean(d),
        PairedTests.standardDeviation(d), PairedTests.confidenceInterval(d, CONFIDENCE), wins, ties, losses,
        PairedTests.pairedTTest(d), randomisationP, exact, permutations, seed);
  }

  /** Checks a requested number of random sign assignments. */
  public static void checkPermutations(int permutations) {
    if (permutations < MIN_PERMUTATIONS) {
      throw new IllegalArgumentException("permutations must be at least " + MIN_PERMUTATIONS + ": " + permutations);
    }
  }

  private static void checkFinite(double[] x, String name) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("scores of " + name + " must be finite: " + v);
      }
    }
  }
}
