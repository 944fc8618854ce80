package io.rankstack.ltr.tsp;

import java.util.ArrayList;
import java.util.List;

/** Test oracle: every permutation of 0..n-1, and the best path weight over them. */
final class BruteForce {
  private BruteForce() {}

  static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
    if (k == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (!used[v]) {
        used[v] = true;
        p[k] = v;
        permute(p, used, k + 1, out);
        used[v] = false;
      }
    }
  }

  static double bestWeight(double[][] a) {
    double best = Double.NEGATIVE_INFINITY;
    for (int[] p : permutations(a.length)) {
      best = Math.max(best, PathWeights.weight(a, p));
    }
    return best;
  }
}
