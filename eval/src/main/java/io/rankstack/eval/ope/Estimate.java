package io.rankstack.eval.ope;

/**
 * An estimator's value on a log with its bootstrap percentile confidence interval.
 *
 * @param estimator  the estimator's name
 * @param value      the estimate on the whole log
 * @param lower      the interval's lower end ({@code (1 − level)/2} quantile of the resampled estimates)
 * @param upper      the interval's upper end ({@code (1 + level)/2} quantile)
 * @param level      the confidence level, e.g. 0.95
 * @param resamples  bootstrap resamples drawn
 * @param seed       the bootstrap's seed
 * @param impressions the number of logged impressions
 */
public record Estimate(String estimator, double value, double lower, double upper, double level, int resamples,
                       long seed, int impressions) {

  /** Whether {@code x} lies in {@code [lower, upper]}. */
  public boolean covers(double x) {
    return lower <= x && x <= upper;
  }
}
