package io.rankstack.ltr.tsp;

/** Helpers shared by the decoders and losses: validation and path weights. */
public final class PathWeights {
  private PathWeights() {}

  /**
   * The weight of the open path {@code order} under {@code a}:
   * {@code W = sum_{k=0..n-2} a[order[k]][order[k+1]]} (0 for a path of one item).
   */
  public static double weight(double[][] a, int[] order) {
    double w = 0;
    for (int k = 0; k + 1 < order.length; k++) {
      w += a[order[k]][order[k + 1]];
    }
    return w;
  }

  /**
   * Checks that {@code a} is a non-empty square matrix with finite off-diagonal entries and returns
   * n.
   */
  public static int checkMatrix(double[][] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException("score matrix must be non-empty");
    }
    int n = a.length;
    for (int i = 0; i < n; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new IllegalArgumentException("score matrix must be square: row " + i + " has "
            + (a[i] == null ? "no" : a[i].length) + " entries, expected " + n);
      }
      for (int j = 0; j < n; j++) {
        if (i != j && !Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException("score matrix entry [" + i + "][" + j + "] is " + a[i][j]);
        }
      }
    }
    return n;
  }

  /** Checks that {@code order} is a permutation of 0..n-1, n at least 1. */
  public static void checkPermutation(int[] order) {
    if (order == null || order.length == 0) {
      throw new IllegalArgumentException("a path must have at least one item");
    }
    boolean[] seen = new boolean[order.length];
    for (int v : order) {
      if (v < 0 || v >= order.length || seen[v]) {
        throw new IllegalArgumentException("not a permutation of 0.." + (order.length - 1) + ": item " + v);
      }
      seen[v] = true;
    }
  }
}
