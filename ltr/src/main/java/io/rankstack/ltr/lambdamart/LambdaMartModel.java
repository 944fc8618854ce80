package io.rankstack.ltr.lambdamart;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained LambdaMART ensemble: {@code score(x) = Σ_{m=1..trees} η · f_m(x)} (plus XGBoost's base
 * score, the same for every document, so it never changes an order), with its {@link ModelInfo}.
 *
 * <p>Immutable once built; scoring is thread-safe (XGBoost's in-place prediction holds no per-call
 * state on the booster). {@link #close()} frees the native booster; it is idempotent.
 */
public final class LambdaMartModel implements AutoCloseable {
  /** {@link ModelInfo#kind()} of these models. */
  public static final String KIND = "lambdamart-xgboost";

  private final Booster booster;
  private final ModelInfo info;

  LambdaMartModel(Booster booster, ModelInfo info) {
    this.booster = Objects.requireNonNull(booster, "booster");
    this.info = Objects.requireNonNull(info, "info");
  }

  public ModelInfo info() {
    return info;
  }

  /** Number of features the model expects. */
  public int featureCount() {
    return info.features().size();
  }

  Booster booster() {
    return booster;
  }

  /**
   * Scores rows of a row-major matrix {@code x} ({@code rows * featureCount()} values).
   *
   * @throws IllegalArgumentException when the matrix size is not a multiple of the feature count
   */
  public float[] score(float[] x, int rows) {
    int d = featureCount();
    if (x.length != rows * d) {
      throw new IllegalArgumentException("expected " + rows + " x " + d + " = " + (rows * d) + " values, got " + x.length);
    }
    if (rows == 0) {
      return new float[0];
    }
    try {
      float[][] p = booster.inplace_predict(x, rows, d, Float.NaN);
      float[] out = new float[rows];
      for (int i = 0; i < rows; i++) {
        out[i] = p[i][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** The score of one feature vector. */
  public float score(float[] features) {
    return score(checked(features, "vector"), 1)[0];
  }

  /**
   * Rescores every candidate from its feature vector and returns the list ordered by the new scores
   * (descending, ties by document id: {@link RankedList#BY_SCORE_THEN_ID}); features are kept.
   *
   * @throws IllegalArgumentException when a candidate's vector has the wrong length
   */
  public RankedList rerank(RankedList list) {
    int n = list.size();
    int d = featureCount();
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      Candidate c = list.atRank(i + 1);
      System.arraycopy(checked(c.features(), c.docId()), 0, x, i * d, d);
    }
    float[] s = score(x, n);
    List<Candidate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(list.atRank(i + 1).withScore(s[i]));
    }
    return RankedList.sortedByScore(list.queryId(), out);
  }

  private float[] checked(float[] f, String what) {
    if (f.length != featureCount()) {
      throw new IllegalArgumentException(what + " has " + f.length + " features, the model expects " + featureCount());
    }
    return f;
  }

  @Override
  public void close() {
    booster.dispose();
  }
}
