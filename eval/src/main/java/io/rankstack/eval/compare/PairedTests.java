package io.rankstack.eval.compare;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two-sided tests of paired differences {@code d_i = b_i - a_i}, i = 1..n (one per query), as pure
 * functions: no I/O, no hidden state, randomness only through the {@link SplittableRandom} the caller
 * passes in.
 *
 * <p>Notation used in every formula below: n the number of pairs, {@code mean = (1/n) sum d_i},
 * {@code sd = sqrt(sum (d_i - mean)^2 / (n - 1))} the sample standard deviation and
 * {@code se = sd / sqrt(n)} the standard error of the mean.
 *
 * <p>The randomisation test is Fisher's sign-flip test as recommended for IR by Smucker, Allan and
 * Carterette, "A comparison of statistical significance tests for information retrieval
 * evaluation", CIKM 2007: under the null hypothesis that A and B are exchangeable on every query,
 * each difference is as likely to be {@code +d_i} as {@code -d_i}.
 */
public final class PairedTests {
  private PairedTests() {}

  /**
   * Relative tolerance for ties in the randomisation test: a permuted sum {@code s} counts as at
   * least as extreme as the observed {@code s_obs} when {@code |s| >= |s_obs| - TIE_TOLERANCE *
   * sum |d_i|}. Sums of the same numbers in different sign patterns differ from their exact values
   * by a few ulps of {@code sum |d_i|}; without the tolerance an assignment that ties the observed
   * one exactly could be missed through rounding.
   */
  public static final double TIE_TOLERANCE = 1e-9;

  /** The largest n for which {@link #exactRandomisationPValue} enumerates all 2^n assignments. */
  public static final int MAX_EXACT_PAIRS = 24;

  /** The result of a paired t-test: statistic, degrees of freedom and two-sided p-value. */
  public record TTestResult(double t, int df, double p) {}

  /** A two-sided confidence interval for the mean difference, at the given level (e.g. 0.95). */
  public record Interval(double lower, double upper, double level) {
    /** Whether {@code x} lies in {@code [lower, upper]}. */
    public boolean contains(double x) {
      return lower <= x && x <= upper;
    }
  }

  /** Element-wise differences {@code d_i = b_i - a_i}; the arrays must have the same length. */
  public static double[] differences(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired arrays differ in length: " + a.length + " and " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = b[i] - a[i];
    }
    return d;
  }

  /** Arithmetic mean {@code (1/n) sum x_i}; NaN for an empty array. */
  public static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /** Sample standard deviation {@code sqrt(sum (x_i - mean)^2 / (n - 1))}; NaN when n &lt; 2. */
  public static double standardDeviation(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  /**
   * Two-sided paired (one-sample) Student t-test of H0: the expected difference is 0.
   * {@code t = mean / se} with {@code df = n - 1}, and {@code p = 2 * F(-|t|)} where F is the CDF of
   * Student's t distribution with df degrees of freedom (commons-math3 {@link TDistribution}).
   *
   * <p>Degenerate cases: for n &lt; 2 every field but df is NaN (there is no variance estimate). When
   * every difference is equal ({@code sd = 0}): all zero gives {@code t = 0, p = 1}; a non-zero
   * constant gives {@code t = ±∞, p = 0}.
   */
  public static TTestResult pairedTTest(double[] d) {
    int n = d.length;
    if (n < 2) {
      return new TTestResult(Double.NaN, n - 1, Double.NaN);
    }
    double m = mean(d);
    double sd = standardDeviation(d);
    if (sd == 0) {
      return m == 0 ? new TTestResult(0, n - 1, 1) : new TTestResult(Math.copySign(Double.POSITIVE_INFINITY, m), n - 1, 0);
    }
    double t = m / (sd / Math.sqrt(n));
    double p = 2 * tDistribution(n - 1).cumulativeProbability(-Math.abs(t));
    return new TTestResult(t, n - 1, Math.min(1.0, p));
  }

  /**
   * Student-t confidence interval for the mean difference:
   * {@code mean ± q * se} with {@code q = F^{-1}((1 + level) / 2)} for Student's t with
   * {@code n - 1} degrees of freedom (q ≈ 2.776 for n = 5 at 95%). For n &lt; 2 both ends are NaN; when
   * {@code sd = 0} the interval is the single point {@code [mean, mean]}.
   *
   * @param level confidence level, strictly between 0 and 1
   */
  public static Interval confidenceInterval(double[] d, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
    }
    int n = d.length;
    if (n < 2) {
      return new Interval(Double.NaN, Double.NaN, level);
    }
    double m = mean(d);
    double sd = standardDeviation(d);
    double q = tDistribution(n - 1).inverseCumulativeProbability((1 + level) / 2);
    double half = q * sd / Math.sqrt(n);
    return new Interval(m - half, m + half, level);
  }

  /**
   * Monte Carlo two-sided randomisation (sign-flip) test. Draws {@code permutations} sign
   * assignments {@code s in {-1, +1}^n} uniformly, each sign by one bit of {@code rng}, and counts
   * those whose statistic is at least as extreme as the observed one:
   * {@code count = #{ |sum s_i d_i| >= |sum d_i| - TIE_TOLERANCE * sum |d_i| }} (the sum stands in
   * for the mean, n being fixed). Returns {@code p = (count + 1) / (permutations + 1)}: the observed
   * assignment is counted as one of the draws, so p is never 0 and is a valid p-value for any number
   * of draws (Phipson and Smyth, "Permutation p-values should never be zero", SAGMB 2010). Smucker et
   * al. (CIKM 2007) report {@code count / N} with N = 100,000; the two differ by at most
   * {@code 1 / (N + 1)}.
   *
   * @param permutations number of random sign assignments, at least 1
   * @param rng          the source of signs; the same seed gives the same p
   */
  public static double randomisationPValue(double[] d, int permutations, SplittableRandom rng) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be at least 1: " + permutations);
    }
    if (d.length == 0) {
      return Double.NaN;
    }
    double threshold = threshold(d);
    long count = 0;
    for (int p = 0; p < permutations; p++) {
      double sum = 0;
      long bits = 0;
      for (int i = 0; i < d.length; i++) {
        if ((i & 63) == 0) {
          bits = rng.nextLong();
        }
        sum += ((bits >>> (i & 63)) & 1L) == 0 ? d[i] : -d[i];
      }
      if (Math.abs(sum) >= threshold) {
        count++;
      }
    }
    return (count + 1.0) / (permutations + 1.0);
  }

  /**
   * Exact two-sided randomisation (sign-flip) test: enumerates all 2^n sign assignments and returns
   * {@code p = #{ s : |sum s_i d_i| >= |sum d_i| - TIE_TOLERANCE * sum |d_i| } / 2^n}. The identity
   * assignment is among them, so {@code p >= 2 / 2^n} when some {@code d_i != 0} (its mirror image
   * also counts) and {@code p = 1} when all differences are zero.
   *
   * @throws IllegalArgumentException when n exceeds {@link #MAX_EXACT_PAIRS}
   */
  public static double exactRandomisationPValue(double[] d) {
    int n = d.length;
    if (n > MAX_EXACT_PAIRS) {
      throw new IllegalArgumentException("exact randomisation test enumerates 2^n assignments; n = " + n
          + " exceeds " + MAX_EXACT_PAIRS);
    }
    if (n == 0) {
      return Double.NaN;
    }
    double threshold = threshold(d);
    long assignments = 1L << n;
    long count = 0;
    for (long mask = 0; mask < assignments; mask++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += ((mask >>> i) & 1L) == 0 ? d[i] : -d[i];
      }
      if (Math.abs(sum) >= threshold) {
        count++;
      }
    }
    return (double) count / assignments;
  }

  /** {@code |sum d_i| - TIE_TOLERANCE * sum |d_i|}: the bar a permuted |sum| must reach. */
  private static double threshold(double[] d) {
    double sum = 0;
    double abs = 0;
    for (double v : d) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("differences must be finite: " + v);
      }
      sum += v;
      abs += Math.abs(v);
    }
    return Math.abs(sum) - TIE_TOLERANCE * abs;
  }

  /**
   * Student's t with df degrees of freedom. It is never sampled, so it gets no random generator; its
   * quantiles are solved to 1e-14 rather than commons-math3's default 1e-9.
   */
  private static TDistribution tDistribution(int df) {
    return new TDistribution(null, df, 1e-14);
  }
}
