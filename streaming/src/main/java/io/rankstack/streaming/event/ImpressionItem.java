package io.rankstack.streaming.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * One shown item of an impression. Immutable.
 *
 * @param docId      the document shown
 * @param position   1-based rank at which it was shown (≥ 1)
 * @param score      the ranker's score
 * @param features   the feature vector the ranker saw (may be empty; copied in and out)
 * @param propensity the logging policy's probability of this placement, in (0, 1], or NaN when
 *                   not logged
 */
public record ImpressionItem(String docId, int position, double score, double[] features, double propensity) {
  public ImpressionItem {
    Objects.requireNonNull(docId, "docId");
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1: " + position);
    }
    features = features == null ? new double[0] : features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }

  /** Number of features, without copying. */
  public int featureCount() {
    return features.length;
  }

  /** Feature {@code i}, without copying. */
  public double feature(int i) {
    return features[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImpressionItem that
        && docId.equals(that.docId)
        && position == that.position
        && Double.compare(score, that.score) == 0
        && Arrays.equals(features, that.features)
        && Double.compare(propensity, that.propensity) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(docId, position, score, Arrays.hashCode(features), propensity);
  }

  @Override
  public String toString() {
    return "ImpressionItem[docId=" + docId + ", position=" + position + ", score=" + score
        + ", features=" + Arrays.toString(features) + ", propensity=" + propensity + "]";
  }
}
