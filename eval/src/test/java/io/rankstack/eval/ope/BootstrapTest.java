package io.rankstack.eval.ope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static final TargetPolicy LOGGING = new PolicyTable.Builder().put("*", 1, "A", 1.0).build();

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] x = {1, 2, 3, 4, 5};
    assertEquals(2.0, Bootstrap.quantile(x, 0.25), 1e-12); // h = 4·0.25 = 1 → x[1]
    assertEquals(1.4, Bootstrap.quantile(x, 0.1), 1e-12);  // h = 0.4 → 1 + 0.4·(2 − 1)
    assertEquals(5.0, Bootstrap.quantile(x, 1.0), 1e-12);
  }

  @Test
  void twoRowLogGivesTheExactBootstrapRange() {
    // rewards 0 and 1, weight 1: a resample's mean is 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4,
    // so the 2.5% and 97.5% quantiles of 4,000 resamples are 0 and 1.
    List<LoggedImpression> log = List.of(LoggedImpression.single("", "A", 1, 1.0, 0),
        LoggedImpression.single("", "A", 1, 1.0, 1));
    Estimate e = new Bootstrap(4000, 0.95, 7).run(new InversePropensityScoring(LOGGING), log);
    assertEquals(0.5, e.value(), 1e-12);
    assertEquals(0.0, e.lower(), 1e-12);
    assertEquals(1.0, e.upper(), 1e-12);
    assertEquals(2, e.impressions());
  }

  @Test
  void constantRewardsGiveAPointInterval() {
    List<LoggedImpression> log = List.of(LoggedImpression.single("", "A", 1, 1.0, 1),
        LoggedImpression.single("", "A", 1, 1.0, 1), LoggedImpression.single("", "A", 1, 1.0, 1));
    Estimate e = new Bootstrap(200, 0.9, 1).run(new SelfNormalizedIps(LOGGING), log);
    assertEquals(1.0, e.lower(), 0);
    assertEquals(1.0, e.upper(), 0);
  }

  @Test
  void sameSeedSameResamples() {
    List<LoggedImpression> log = bernoulliLog(300, 0.3, new SplittableRandom(5));
    Estimator ips = new InversePropensityScoring(LOGGING);
    assertArrayEquals(new Bootstrap(50, 0.95, 11).resampledEstimates(ips, log),
        new Bootstrap(50, 0.95, 11).resampledEstimates(ips, log));
  }

  /**
   * Coverage: 200 logs of 200 Bernoulli(0.3) rewards, 95% percentile intervals from 400 resamples
   * each. The number covering 0.3 is Binomial(200, ≈0.95) if the intervals are right: mean 190, sd
   * 3.1; the check [176, 199] is ±4.5 sd around it, so it fails only for intervals that are
   * clearly too narrow or too wide.
   */
  @Test
  void percentileIntervalsCoverAtAboutTheirLevel() {
    SplittableRandom rng = new SplittableRandom(20261129L);
    Estimator ips = new InversePropensityScoring(LOGGING);
    int covered = 0;
    for (int t = 0; t < 200; t++) {
      List<LoggedImpression> log = bernoulliLog(200, 0.3, rng);
      if (new Bootstrap(400, 0.95, t).run(ips, log).covers(0.3)) {
        covered++;
      }
    }
    assertTrue(covered >= 176 && covered <= 199, "covered " + covered + " of 200");
  }

  static List<LoggedImpression> bernoulliLog(int n, double p, SplittableRandom rng) {
    List<LoggedImpression> log = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      log.add(LoggedImpression.single("", "A", 1, 1.0, rng.nextDouble() < p ? 1 : 0));
    }
    return log;
  }
}
