package io.rankstack.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * One document in a ranked list: its identifier, the score the last stage gave it, and the feature
 * vector later stages (learning to rank) read.
 *
 * <p>The feature array is copied in and out, so a candidate is immutable; {@link #equals} and
 * {@link #hashCode} compare feature values, not array identity.
 *
 * @param docId    external document identifier
 * @param score    the score of the stage that produced this candidate; finite or NaN when unscored
 * @param features feature values, possibly empty, never null
 */
public record Candidate(String docId, double score, float[] features) {
  private static final float[] NO_FEATURES = new float[0];

  public Candidate {
    Objects.requireNonNull(docId, "docId");
    if (Double.isInfinite(score)) {
      throw new IllegalArgumentException("score of " + docId + " is infinite");
    }
    features = features == null || features.length == 0 ? NO_FEATURES : features.clone();
  }

  /** A candidate with a score and no features. */
  public Candidate(String docId, double score) {
    this(docId, score, NO_FEATURES);
  }

  @Override
  public float[] features() {
    return features.length == 0 ? NO_FEATURES : features.clone();
  }

  /** Number of features, without copying the vector. */
  public int featureCount() {
    return features.length;
  }

  /** Feature {@code i}, without copying the vector. */
  public float feature(int i) {
    return features[i];
  }

  /** The same candidate with another score (a stage that rescores keeps the features). */
  public Candidate withScore(double newScore) {
    return new Candidate(docId, newScore, features);
  }

  /** The same candidate with another feature vector. */
  public Candidate withFeatures(float[] newFeatures) {
    return new Candidate(docId, score, newFeatures);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c
        && docId.equals(c.docId)
        && Double.compare(score, c.score) == 0
        && Arrays.equals(features, c.features);
  }

  @Override
  public int hashCode() {
    return Objects.hash(docId, score) * 31 + Arrays.hashCode(features);
  }

  @Override
  public String toString() {
    return "Candidate[" + docId + ", " + score + (features.length == 0 ? "" : ", " + features.length + " features") + "]";
  }
}
