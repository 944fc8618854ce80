package io.rankstack.ltr;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A linear ranker: {@code score(x) = Σ_j w_j · (x_j − μ_j) / σ_j}, with {@code μ, σ} each feature's
 * training mean and standard deviation (σ = 1 for constant features), and {@code w} fitted by
 * pointwise ridge regression of the grade on the standardised features:
 * <pre>  w = argmin_w Σ_i (y_i − ȳ − w·z_i)² + λ ‖w‖²  =  (ZᵀZ + λI)⁻¹ Zᵀ(y − ȳ)</pre>
 * solved exactly by Cholesky decomposition (no randomness; deterministic). The baseline every
 * learned ranker should beat. Immutable.
 */
public final class LinearRanker {
  private final double[] weights;
  private final double[] mean;
  private final double[] scale;
  private final String trainingData;

  private LinearRanker(double[] weights, double[] mean, double[] scale, String trainingData) {
    this.weights = weights;
    this.mean = mean;
    this.scale = scale;
    this.trainingData = trainingData;
  }

  /** Fits weights with ridge parameter {@code lambda} (at least 0; a small positive value keeps the system well posed). */
  public static LinearRanker train(LetorDataset data, double lambda) {
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("illegal lambda value: " + lambda + ", must be non-negative and finite");
    }
    int d = data.featureCount();
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("training data " + data.name() + " is empty");
    }
    double[] mu = new double[d];
    double[] sd = new double[d];
    double ybar = 0;
    for (LetorRow r : data.rows()) {
      for (int j = 0; j < d; j++) {
        mu[j] += r.feature(j);
      }
      ybar += r.grade();
    }
    ybar /= n;
    for (int j = 0; j < d; j++) {
      mu[j] /= n;
    }
    for (LetorRow r : data.rows()) {
      for (int j = 0; j < d; j++) {
        double z = r.feature(j) - mu[j];
        sd[j] += z * z;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (sd[j] < 1e-12) {
        sd[j] = 1;
      }
    }
    double[][] a = new double[d][d];
    double[] rhs = new double[d];
    double[] z = new double[d];
    for (LetorRow r : data.rows()) {
      for (int j = 0; j < d; j++) {
        z[j] = (r.feature(j) - mu[j]) / sd[j];
      }
      double y = r.grade() - ybar;
      for (int j = 0; j < d; j++) {
        rhs[j] += z[j] * y;
        for (int k = 0; k <= j; k++) {
          a[j][k] += z[j] * z[k];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += lambda + 1e-9;
    }
    return new LinearRanker(choleskySolve(a, rhs), mu, sd, data.name());
  }

  /** Solves A x = b for symmetric positive definite A given by its lower triangle. */
  private static double[] choleskySolve(double[][] a, double[] b) {
    int d = b.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = Math.sqrt(Math.max(s, 1e-12));
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[d];
    for (int i = 0; i < d; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < d; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The score of a feature vector (shorter vectors are read as 0-padded). */
  public double score(float[] x) {
    double s = 0;
    for (int j = 0; j < weights.length; j++) {
      double v = j < x.length ? x[j] : 0;
      s += weights[j] * (v - mean[j]) / scale[j];
    }
    return s;
  }

  /** Rescores the candidates from their features and orders them by the new scores. */
  public RankedList rerank(RankedList list) {
    List<Candidate> out = new ArrayList<>(list.size());
    for (Candidate c : list.candidates()) {
      out.add(c.withScore(score(c.features())));
    }
    return RankedList.sortedByScore(list.queryId(), out);
  }

  /** Weights on the standardised features, in vector order. */
  public double[] weights() {
    return weights.clone();
  }

  public String trainingData() {
    return trainingData;
  }

  @Override
  public String toString() {
    return "LinearRanker[" + weights.length + " features, trained on " + Objects.toString(trainingData) + "]";
  }
}
