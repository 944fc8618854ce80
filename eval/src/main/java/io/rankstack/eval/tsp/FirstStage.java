package io.rankstack.eval.tsp;

import java.nio.file.Path;
import java.util.List;

/**
 * The first-stage rankers the TSPRank experiment can rerank. Each gives one score per document of
 * the train and test files; the experiment sorts by score (ties by file line) and keeps the top k.
 */
final class FirstStage {
  private FirstStage() {}

  /** Scores per query, aligned with each query's documents. */
  record Scores(double[][] train, double[][] test, String description) {}

  /**
   * The sum of all features: an untrained baseline.
   */
  static Scores featureSum(List<LetorQueries.Query> train, List<LetorQueries.Query> test) {
    return new Scores(sum(train), sum(test), "feature-sum (untrained: score = sum of all 300 features)");
  }

  private static double[][] sum(List<LetorQueries.Query> qs) {
    double[][] out = new double[qs.size()][];
    for (int q = 0; q < qs.size(); q++) {
      float[][] x = qs.get(q).features();
      out[q] = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        for (float v : x[i]) {
          out[q][i] += v;
        }
      }
    }
    return out;
  }

  /**
   * Pointwise ridge regression of the grade on the features, fitted on the training file only:
   * {@code w = argmin sum (y - w·[x,1])^2 + lambda |w|^2} (the bias is not penalised), solved from
   * the normal equations {@code (X^T X + lambda I') w = X^T y} by Cholesky decomposition.
   */
  static Scores ridge(List<LetorQueries.Query> train, List<LetorQueries.Query> test, double lambda) {
    int d = train.get(0).features()[0].length + 1;
    double[][] g = new double[d][d];
    double[] b = new double[d];
    double[] row = new double[d];
    for (LetorQueries.Query q : train) {
      for (int i = 0; i < q.grades().length; i++) {
        for (int f = 0; f < d - 1; f++) {
          row[f] = q.features()[i][f];
        }
        row[d - 1] = 1;
        for (int r = 0; r < d; r++) {
          if (row[r] == 0) {
            continue;
          }
          b[r] += row[r] * q.grades()[i];
          for (int c = 0; c < d; c++) {
            g[r][c] += row[r] * row[c];
          }
        }
      }
    }
    for (int f = 0; f < d - 1; f++) {
      g[f][f] += lambda;
    }
    g[d - 1][d - 1] += 1e-9;
    double[] w = cholSolve(g, b);
    return new Scores(apply(train, w), apply(test, w),
        "ridge (pointwise least squares of grade on the 300 features + bias, lambda=" + lambda + ", fitted on train)");
  }

  private static double[][] apply(List<LetorQueries.Query> qs, double[] w) {
    double[][] out = new double[qs.size()][];
    for (int q = 0; q < qs.size(); q++) {
      float[][] x = qs.get(q).features();
      out[q] = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double s = w[w.length - 1];
        for (int f = 0; f < x[i].length; f++) {
          s += w[f] * x[i][f];
        }
        out[q][i] = s;
      }
    }
    return out;
  }

  static double[] cholSolve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (s <= 0) {
            throw new IllegalStateException("ridge normal equations are not positive definite at " + i);
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** Scores from files with one score per line of the train and test data files (e.g. LightGBM predictions). */
  static Scores fromFiles(List<LetorQueries.Query> train, List<LetorQueries.Query> test, Path trainScores, Path testScores) {
    return new Scores(split(train, LetorQueries.readScores(trainScores), trainScores),
        split(test, LetorQueries.readScores(testScores), testScores),
        "scores from files " + trainScores + " and " + testScores);
  }

  private static double[][] split(List<LetorQueries.Query> qs, double[] flat, Path file) {
    int total = qs.stream().mapToInt(q -> q.grades().length).sum();
    if (flat.length != total) {
      throw new IllegalArgumentException(file + ": " + flat.length + " scores, but the data file has " + total + " lines");
    }
    double[][] out = new double[qs.size()][];
    int k = 0;
    for (int q = 0; q < qs.size(); q++) {
      out[q] = new double[qs.get(q).grades().length];
      for (int i = 0; i < out[q].length; i++) {
        out[q][i] = flat[k++];
      }
    }
    return out;
  }
}
