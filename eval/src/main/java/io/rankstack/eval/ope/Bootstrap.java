package io.rankstack.eval.ope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-parametric percentile bootstrap (Efron and Tibshirani 1993, ch. 13) over impressions: each of
 * B resamples draws n impressions with replacement from the n logged ones and re-runs the
 * estimator (including its reward-model fit), and the interval is the {@code (1 − level)/2} and
 * {@code (1 + level)/2} empirical quantiles of the B estimates (linear interpolation between order
 * statistics, the R-7 / NumPy default). Impressions, not slots, are the resampling unit, so slots
 * of one impression stay together.
 *
 * <p>Deterministic: resample b uses {@code new SplittableRandom(seed).split()} drawn in order, so the
 * same seed, log and estimator give the same interval. Resamples on which the estimate is NaN
 * (SNIPS with all weights 0) are dropped; if all are, the interval is NaN.
 */
public final class Bootstrap {
  /**
   * Default number of resamples: 1,000, the order Efron and Tibshirani (1993) advise for
   * percentile intervals, whose end points are tail quantiles and need more resamples than a
   * standard error does.
   */
  public static final int DEFAULT_RESAMPLES = 1000;
  /** Default confidence level. */
  public static final double DEFAULT_LEVEL = 0.95;
  /** Default seed. */
  public static final long DEFAULT_SEED = 20261129L;

  private final int resamples;
  private final double level;
  private final long seed;

  /**
   * @param resamples at least 2
   * @param level     confidence level in (0, 1)
   * @param seed      seed of the resampling
   */
  public Bootstrap(int resamples, double level, long seed) {
    if (resamples < 2) {
      throw new IllegalArgumentException("bootstrap resamples must be at least 2: " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
    }
    this.resamples = resamples;
    this.level = level;
    this.seed = seed;
  }

  /** The bootstrap with {@link #DEFAULT_RESAMPLES}, {@link #DEFAULT_LEVEL} and {@link #DEFAULT_SEED}. */
  public static Bootstrap defaults() {
    return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_SEED);
  }

  /** Runs {@code estimator} on the log and on every resample. */
  public Estimate run(Estimator estimator, List<LoggedImpression> log) {
    return summarise(estimator.name(), estimator.estimate(log), resampledEstimates(estimator, log), log.size());
  }

  /**
   * The estimate with the percentile interval of already computed resampled values (from
   * {@link #resampledEstimates} with this bootstrap).
   */
  public Estimate summarise(String name, double value, double[] values, int impressions) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double lower = finite.length == 0 ? Double.NaN : quantile(finite, (1 - level) / 2);
    double upper = finite.length == 0 ? Double.NaN : quantile(finite, (1 + level) / 2);
    return new Estimate(name, value, lower, upper, level, resamples, seed, impressions);
  }

  /** The estimator's value on each of the resamples, in draw order. */
  public double[] resampledEstimates(Estimator estimator, List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, estimator.name());
    SplittableRandom root = new SplittableRandom(seed);
    int n = log.size();
    double[] values = new double[resamples];
    List<LoggedImpression> sample = new ArrayList<>(n);
    for (int b = 0; b < resamples; b++) {
      SplittableRandom rng = root.split();
      sample.clear();
      for (int i = 0; i < n; i++) {
        sample.add(log.get(rng.nextInt(n)));
      }
      values[b] = estimator.estimate(sample);
    }
    return values;
  }

  /**
   * The q-quantile of sorted values by linear interpolation: position {@code h = (m − 1) q}, value
   * {@code x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])}.
   */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
