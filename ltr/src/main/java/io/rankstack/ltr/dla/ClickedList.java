package io.rankstack.ltr.dla;

import java.util.Objects;

/**
 * One result list as logged, with its clicks: the feature vectors of the items in the order shown
 * (rank 1 first) and the clicks per rank. {@code clicks[k]} may be a count: the clicks of all
 * sessions that saw exactly this list, summed, which gives the same DLA loss as the sessions one by
 * one (see {@link DlaLoss}).
 *
 * @param queryId  the query
 * @param features one vector per rank, all of one width; copied
 * @param clicks   clicks per rank, each at least 0; copied
 */
public record ClickedList(String queryId, float[][] features, double[] clicks) {
  public ClickedList {
    Objects.requireNonNull(queryId, "queryId");
    if (features.length == 0 || features.length != clicks.length) {
      throw new IllegalArgumentException("list of query " + queryId + " has " + features.length + " items and " + clicks.length + " click counts");
    }
    float[][] copy = new float[features.length][];
    for (int k = 0; k < features.length; k++) {
      if (features[k].length != features[0].length) {
        throw new IllegalArgumentException("list of query " + queryId + ": item " + k + " has " + features[k].length + " features, item 0 has " + features[0].length);
      }
      copy[k] = features[k].clone();
    }
    features = copy;
    clicks = clicks.clone();
    for (double c : clicks) {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("list of query " + queryId + ": click count " + c + " must be a non-negative finite value");
      }
    }
  }

  /** Number of ranks. */
  public int size() {
    return clicks.length;
  }

  /** Feature vector width. */
  public int featureCount() {
    return features[0].length;
  }

  /** Feature j of the item at rank k, without copying. */
  public float feature(int k, int j) {
    return features[k][j];
  }

  /** Clicks at rank k, without copying. */
  public double clicksAt(int k) {
    return clicks[k];
  }
}
