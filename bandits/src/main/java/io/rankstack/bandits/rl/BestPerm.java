package io.rankstack.bandits.rl;

import java.util.Arrays;

/**
 * BestPerm (Du, Srikant and Chen, "Cascading Reinforcement Learning", ICLR 2024, arXiv 2401.08961):
 * the list of at most m items maximising the cascade value
 * <pre>
 *   Q(A) = Σ_i Π_{j<i} (1 - q(a_j)) · q(a_i) · w(a_i)  +  Π_j (1 - q(a_j)) · w(⊥)
 * </pre>
 * in O(N·m + N log N). Only items with w > w(⊥) can help (a suffix value never exceeds
 * max(w) over what follows and w(⊥)), and an optimal list orders them by w descending; so keep
 * those J items sorted by w descending and solve
 * <pre>
 *   F[i][k] = max{ F[i+1][k],  q_i·w_i + (1 - q_i)·F[i+1][k-1] },   F[J+1][k] = F[i][0] = w(⊥),
 * </pre>
 * then backtrack from F[1][m]. Ties in the recursion prefer skipping the item (shorter lists); ties
 * in w keep the lower item id first.
 *
 * <p>Known answer: q = [0.9, 0.5, 0.3, 0.6, 0.2], w = [0.2, 1.0, 0.8, 0.5, 0.9], w(⊥) = 0.3,
 * m = 3 gives value 0.77 with list (1, 4, 2).
 */
public final class BestPerm {
  /** What to return when no item has w > w(⊥). */
  public enum WhenNoneBeatsBottom {
    /** The empty list, value w(⊥) (the user sees nothing and transitions as with no click). */
    EMPTY_LIST,
    /** The single item maximising q·w + (1 - q)·w(⊥), for surfaces that must show something. */
    BEST_SINGLE_ITEM
  }

  /** An optimal list and its value. */
  public record Result(int[] list, double value) {
    public Result {
      list = list.clone();
    }

    @Override
    public int[] list() {
      return list.clone();
    }

    @Override
    public String toString() {
      return "Result[" + Arrays.toString(list) + ", " + value + "]";
    }
  }

  private final int maxLength;
  private final WhenNoneBeatsBottom whenNone;

  /**
   * @param maxLength m >= 1, the most items a list may hold
   * @param whenNone the rule when no item beats ⊥
   */
  public BestPerm(int maxLength, WhenNoneBeatsBottom whenNone) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("illegal list length m = " + maxLength + ", must be >= 1");
    }
    this.maxLength = maxLength;
    this.whenNone = java.util.Objects.requireNonNull(whenNone, "whenNone");
  }

  /** BestPerm returning the empty list when no item beats ⊥. */
  public BestPerm(int maxLength) {
    this(maxLength, WhenNoneBeatsBottom.EMPTY_LIST);
  }

  public int maxLength() {
    return maxLength;
  }

  /** The cascade value Q(A) of {@code list} (item ids into q and w). */
  public static double value(double[] q, double[] w, double wBottom, int[] list) {
    double v = wBottom;
    for (int i = list.length - 1; i >= 0; i--) {
      int a = list[i];
      v = q[a] * w[a] + (1 - q[a]) * v;
    }
    return v;
  }

  /** The optimal list for attractions q, item values w and the no-click value w(⊥). */
  public Result solve(double[] q, double[] w, double wBottom) {
    int n = q.length;
    if (w.length != n) {
      throw new IllegalArgumentException("q and w differ in length: " + n + " and " + w.length);
    }
    int[] order = new int[n];
    int j = 0;
    for (int a = 0; a < n; a++) {
      if (w[a] > wBottom) {
        order[j++] = a;
      }
    }
    if (j == 0) {
      if (whenNone == WhenNoneBeatsBottom.EMPTY_LIST || n == 0) {
        return new Result(new int[0], wBottom);
      }
      int best = 0;
      double bestV = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < n; a++) {
        double v = q[a] * w[a] + (1 - q[a]) * wBottom;
        if (v > bestV) {
          bestV = v;
          best = a;
        }
      }
      return new Result(new int[] {best}, bestV);
    }
    sortByWeightDescending(order, j, w);
    int m = Math.min(maxLength, j);
    // f[i][k], i = 0..j (row j is the "J+1" boundary), k = 0..m
    double[] f = new double[(j + 1) * (m + 1)];
    int stride = m + 1;
    Arrays.fill(f, j * stride, (j + 1) * stride, wBottom);
    for (int i = j - 1; i >= 0; i--) {
      int a = order[i];
      f[i * stride] = wBottom;
      for (int k = 1; k <= m; k++) {
        double skip = f[(i + 1) * stride + k];
        double take = q[a] * w[a] + (1 - q[a]) * f[(i + 1) * stride + k - 1];
        f[i * stride + k] = Math.max(skip, take);
      }
    }
    int[] list = new int[m];
    int len = 0;
    int k = m;
    for (int i = 0; i < j && k > 0; i++) {
      int a = order[i];
      double skip = f[(i + 1) * stride + k];
      double take = q[a] * w[a] + (1 - q[a]) * f[(i + 1) * stride + k - 1];
      if (take > skip) {
        list[len++] = a;
        k--;
      }
    }
    return new Result(Arrays.copyOf(list, len), f[m]);
  }

  /** Sorts order[0..j) by w descending, ties by lower id (insertion sort: lists are short). */
  private static void sortByWeightDescending(int[] order, int j, double[] w) {
    if (j > 64) {
      Integer[] boxed = new Integer[j];
      for (int i = 0; i < j; i++) {
        boxed[i] = order[i];
      }
      Arrays.sort(boxed, (x, y) -> {
        int c = Double.compare(w[y], w[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      for (int i = 0; i < j; i++) {
        order[i] = boxed[i];
      }
      return;
    }
    for (int i = 1; i < j; i++) {
      int a = order[i];
      int p = i - 1;
      while (p >= 0 && (w[order[p]] < w[a] || (w[order[p]] == w[a] && order[p] > a))) {
        order[p + 1] = order[p];
        p--;
      }
      order[p + 1] = a;
    }
  }

  /**
   * Brute force over every ordered list of distinct items of length 0..m: O(N^m). The reference
   * for tests and the "oracle" planner's cost baseline. With {@code BEST_SINGLE_ITEM} the empty
   * list is allowed only when some item beats ⊥ (matching {@link #solve}). Among lists of equal
   * value (within 1e-12) the longest wins, then the one with larger w position by position, then
   * lower ids: BestPerm's backtracking also keeps taking items whose contribution ties (for instance
   * below an item with q = 1) in w order, so the two usually agree on ties too.
   */
  public Result bruteForce(double[] q, double[] w, double wBottom) {
    int n = q.length;
    boolean anyBeats = false;
    for (double x : w) {
      anyBeats |= x > wBottom;
    }
    boolean allowEmpty = whenNone == WhenNoneBeatsBottom.EMPTY_LIST || anyBeats || n == 0;
    Search s = new Search(q, w, wBottom, maxLength);
    s.bestValue = allowEmpty ? wBottom : Double.NEGATIVE_INFINITY;
    s.run(0);
    return new Result(Arrays.copyOf(s.best, s.bestLength), s.bestValue);
  }

  /** Depth-first enumeration of ordered lists without allocation. */
  private static final class Search {
    final double[] q;
    final double[] w;
    final double wBottom;
    final int[] cur;
    final boolean[] used;
    final int[] best;
    int bestLength;
    double bestValue;

    Search(double[] q, double[] w, double wBottom, int m) {
      this.q = q;
      this.w = w;
      this.wBottom = wBottom;
      this.cur = new int[m];
      this.used = new boolean[q.length];
      this.best = new int[m];
    }

    /** Ties: the longer list, then the larger w position by position, then the lower id. */
    boolean tieBreaksBetter(int len) {
      if (len != bestLength) {
        return len > bestLength;
      }
      for (int i = 0; i < len; i++) {
        if (w[cur[i]] != w[best[i]]) {
          return w[cur[i]] > w[best[i]];
        }
        if (cur[i] != best[i]) {
          return cur[i] < best[i];
        }
      }
      return false;
    }

    void run(int len) {
      if (len == cur.length) {
        return;
      }
      for (int a = 0; a < q.length; a++) {
        if (used[a]) {
          continue;
        }
        used[a] = true;
        cur[len] = a;
        double v = wBottom;
        for (int i = len; i >= 0; i--) {
          int b = cur[i];
          v = q[b] * w[b] + (1 - q[b]) * v;
        }
        if (v > bestValue + 1e-12 || (v >= bestValue - 1e-12 && tieBreaksBetter(len + 1))) {
          bestValue = Math.max(bestValue, v);
          bestLength = len + 1;
          System.arraycopy(cur, 0, best, 0, len + 1);
        }
        run(len + 1);
        used[a] = false;
      }
    }
  }
}
