package io.rankstack.ltr.tsp;

/**
 * TSPRank's training losses on a plain score matrix (Li et al., "TSPRank: Bridging Pairwise and
 * Listwise Methods with a Bilinear Travelling Salesman Model", KDD 2025, arXiv 2411.12064). The
 * DJL trainer ({@link TspRankTrainer}) builds the same objectives on differentiable arrays; these
 * pure functions define them and are what the known-answer tests check.
 *
 * <p>Notation: {@code g = (g_0, ..., g_{n-1})} is the gold order (rank 1 first), {@code A[i][j]} the
 * score for "j directly follows i", {@code E(g) = {(g_k, g_{k+1})}} the gold path's edges and
 * {@code W(p) = sum_k A[p_k][p_{k+1}]} a path's weight.
 */
public final class TspLosses {
  private TspLosses() {}

  /**
   * Local loss: row-wise softmax cross-entropy against each item's gold successor, averaged over the
   * n - 1 items that have one,
   * <pre>  L_local = -(1/(n-1)) sum_{k=0..n-2} log( exp(A[g_k][g_{k+1}]) / sum_{j != g_k} exp(A[g_k][j]) )</pre>
   * The diagonal is excluded from each softmax (an item never follows itself); the last gold item
   * has no successor and contributes no term. 0 for n = 1.
   */
  public static double local(double[][] a, int[] gold) {
    int n = PathWeights.checkMatrix(a);
    checkGold(gold, n);
    if (n == 1) {
      return 0;
    }
    double sum = 0;
    for (int k = 0; k + 1 < n; k++) {
      int i = gold[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          max = Math.max(max, a[i][j]);
        }
      }
      double z = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          z += Math.exp(a[i][j] - max);
        }
      }
      sum += -(a[i][gold[k + 1]] - max - Math.log(z));
    }
    return sum / (n - 1);
  }

  /**
   * The loss-augmented matrix of the global loss: {@code A'[i][j] = A[i][j] + margin} for every edge
   * (i, j) not on the gold path, {@code A[i][j]} on gold edges. The Hamming-type augmentation makes
   * {@code max_p W'(p) - W(g)} an upper bound on the number of non-gold edges of the decoded path
   * times the margin minus its score advantage (structured hinge, Taskar et al. 2004; Tsochantaridis
   * et al. 2005).
   */
  public static double[][] augmented(double[][] a, int[] gold, double margin) {
    int n = PathWeights.checkMatrix(a);
    checkGold(gold, n);
    double[][] aug = new double[n][];
    for (int i = 0; i < n; i++) {
      aug[i] = a[i].clone();
      for (int j = 0; j < n; j++) {
        if (i != j) {
          aug[i][j] += margin;
        }
      }
    }
    for (int k = 0; k + 1 < n; k++) {
      aug[gold[k]][gold[k + 1]] -= margin;
    }
    return aug;
  }

  /**
   * Global loss: structured max-margin with margin 1 per non-gold edge and exact loss-augmented
   * decoding,
   * <pre>  L_global = ( max_p W'(p) - W(g) ) / n,   W'(p) = W(p) + |{edges of p not in E(g)}|</pre>
   * It is 0 exactly when the gold path beats every other path by at least one per differing edge.
   *
   * @param decoder decodes the augmented matrix; pass an exact one (the result says if it was)
   */
  public static GlobalLoss global(double[][] a, int[] gold, PathDecoder decoder) {
    int n = PathWeights.checkMatrix(a);
    double[][] aug = augmented(a, gold, 1.0);
    DecodedPath best = decoder.decode(aug);
    double goldWeight = PathWeights.weight(a, gold);
    return new GlobalLoss((best.weight() - goldWeight) / n, best.order(), best.exact());
  }

  /**
   * The value of the global loss and the loss-augmented path that attains it (its edges carry the
   * gradient +1/n, the gold edges -1/n).
   *
   * @param loss {@code (W'(p*) - W(g)) / n}, non-negative when the decoding is exact
   * @param augmentedPath the best path p* under the augmented matrix
   * @param exact whether p* was decoded exactly
   */
  public record GlobalLoss(double loss, int[] augmentedPath, boolean exact) {
    public GlobalLoss {
      augmentedPath = augmentedPath.clone();
    }

    @Override
    public int[] augmentedPath() {
      return augmentedPath.clone();
    }
  }

  static void checkGold(int[] gold, int n) {
    PathWeights.checkPermutation(gold);
    if (gold.length != n) {
      throw new IllegalArgumentException("gold order has " + gold.length + " items, matrix has " + n);
    }
  }
}
