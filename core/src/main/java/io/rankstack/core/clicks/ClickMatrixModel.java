package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * Clicks drawn from a measured click-probability matrix, {@code P(C_k = 1) = M[y][k]} (rows are
 * grades, columns ranks), independently per rank: for example the matrix ULTRA measured on the
 * TianGong-ST log. Ranks past the matrix reuse its last column; grades past it its last row.
 */
public final class ClickMatrixModel implements ClickModel {
  private final double[][] matrix;

  public ClickMatrixModel(double[][] matrix) {
    if (matrix.length == 0 || matrix[0].length == 0) {
      throw new IllegalArgumentException("click matrix must have at least one row and one column");
    }
    this.matrix = new double[matrix.length][];
    for (int y = 0; y < matrix.length; y++) {
      if (matrix[y].length != matrix[0].length) {
        throw new IllegalArgumentException("click matrix row " + y + " has " + matrix[y].length + " columns, row 0 has " + matrix[0].length);
      }
      for (double p : matrix[y]) {
        ClickModels.checkProbability(p, "click");
      }
      this.matrix[y] = matrix[y].clone();
    }
  }

  private double probability(int rank, int grade) {
    double[] row = matrix[Math.max(0, Math.min(grade, matrix.length - 1))];
    return ClickModels.at(row, rank);
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      clicks[k] = random.nextDouble() < probability(k, grades[k]);
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    double[] p = new double[grades.length];
    for (int k = 0; k < grades.length; k++) {
      p[k] = probability(k, grades[k]);
    }
    return p;
  }

  @Override
  public String name() {
    return "click-matrix";
  }
}
