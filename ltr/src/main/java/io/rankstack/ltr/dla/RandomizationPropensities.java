package io.rankstack.ltr.dla;

import io.rankstack.core.Shuffle;
import java.util.SplittableRandom;

/**
 * Examination propensities estimated by result randomisation (the top-k randomisation of Wang et
 * al., SIGIR 2016, and Joachims et al., WSDM 2017): on a slice of traffic the top k results are
 * shown in a uniformly random order, so every position sees the same expected relevance and the
 * click-through rate of position k is proportional to its examination probability under the PBM:
 * {@code E[CTR_k] = θ_k · E[α]}. The estimate is {@code θ̂_k / θ̂_1 = CTR_k / CTR_1}. Unbiased, at the
 * cost of showing the randomised slice worse rankings.
 */
public final class RandomizationPropensities {
  private final long[] impressions;
  private final long[] clicks;

  /** @param positions how many positions are randomised (and estimated) */
  public RandomizationPropensities(int positions) {
    if (positions < 1) {
      throw new IllegalArgumentException("illegal positions " + positions + ", must be >= 1");
    }
    impressions = new long[positions];
    clicks = new long[positions];
  }

  /** Uniformly random order of {@code n} items (Fisher–Yates): where each shown position's item comes from. */
  public static int[] randomOrder(int n, SplittableRandom random) {
    return Shuffle.permutation(n, random);
  }

  /** Records one randomised session's clicks by position (positions past the estimated ones are ignored). */
  public void add(boolean[] shownClicks) {
    for (int k = 0; k < Math.min(shownClicks.length, impressions.length); k++) {
      impressions[k]++;
      if (shownClicks[k]) {
        clicks[k]++;
      }
    }
  }

  /** Sessions recorded at position 1. */
  public long sessions() {
    return impressions[0];
  }

  /**
   * {@code θ̂_k / θ̂_1} per position (1 at position 1).
   *
   * @throws IllegalStateException when a position has no impression or no click yet (the ratio is undefined)
   */
  public double[] relativePropensities() {
    double[] p = new double[impressions.length];
    for (int k = 0; k < p.length; k++) {
      if (impressions[k] == 0 || clicks[k] == 0) {
        throw new IllegalStateException("position " + (k + 1) + " has " + impressions[k] + " randomised impressions and "
            + clicks[k] + " clicks: too little randomised traffic to estimate its propensity");
      }
    }
    double ctr0 = (double) clicks[0] / impressions[0];
    for (int k = 0; k < p.length; k++) {
      p[k] = ((double) clicks[k] / impressions[k]) / ctr0;
    }
    return p;
  }
}
