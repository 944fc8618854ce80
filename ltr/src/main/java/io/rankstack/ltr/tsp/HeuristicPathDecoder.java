package io.rankstack.ltr.tsp;

/**
 * A heuristic maximum-weight open Hamiltonian path: nearest-neighbour (largest next score)
 * construction from every start item, each improved by local search until no move improves it;
 * the best of the n local optima is returned. Results are always labelled {@code exact == false},
 * even when they happen to be optimal.
 *
 * <p>Moves, evaluated in O(1) each with prefix sums of the path's forward and backward edge scores
 * ({@code F(k) = sum_{t<k} A[p_t][p_{t+1}]}, {@code B(k) = sum_{t<k} A[p_{t+1}][p_t]}):
 * <ul>
 *   <li>2-opt: reverse {@code p[i..j]}; gain
 *       {@code (B(j) - B(i)) - (F(j) - F(i)) + [i>0](A[p_{i-1}][p_j] - A[p_{i-1}][p_i])
 *       + [j<n-1](A[p_i][p_{j+1}] - A[p_j][p_{j+1}])}. The reversed segment's internal edges change
 *       direction, which matters because A is asymmetric.</li>
 *   <li>or-opt: move a segment of 1 to {@link #DEFAULT_MAX_SEGMENT} consecutive items, in its
 *       orientation, to any other gap of the path (including both ends).</li>
 * </ul>
 * Each round applies the best improving move (gain above {@code 1e-12}); cost O(n^2) per round.
 */
public final class HeuristicPathDecoder implements PathDecoder {
  /** The longest segment or-opt moves. */
  public static final int DEFAULT_MAX_SEGMENT = 3;
  private static final double EPS = 1e-12;

  private final int maxSegment;
  private final int maxRounds;

  /** Or-opt segments up to 3 items, at most 10,000 improvement rounds per start. */
  public HeuristicPathDecoder() {
    this(DEFAULT_MAX_SEGMENT, 10_000);
  }

  /**
   * @param maxSegment the longest segment or-opt moves, at least 1
   * @param maxRounds the most improving moves applied per start, at least 0 (0: greedy only)
   */
  public HeuristicPathDecoder(int maxSegment, int maxRounds) {
    if (maxSegment < 1) {
      throw new IllegalArgumentException("illegal maxSegment " + maxSegment + ", must be at least 1");
    }
    if (maxRounds < 0) {
      throw new IllegalArgumentException("illegal maxRounds " + maxRounds + ", must be non-negative");
    }
    this.maxSegment = maxSegment;
    this.maxRounds = maxRounds;
  }

  @Override
  public DecodedPath decode(double[][] a) {
    int n = PathWeights.checkMatrix(a);
    int[] best = null;
    double bestWeight = Double.NEGATIVE_INFINITY;
    for (int start = 0; start < n; start++) {
      int[] p = greedy(a, start);
      improve(a, p);
      double w = PathWeights.weight(a, p);
      if (w > bestWeight) {
        bestWeight = w;
        best = p;
      }
    }
    return new DecodedPath(best, bestWeight, false);
  }

  /** Nearest-neighbour construction: from {@code start}, always go to the unvisited item j with the largest A[cur][j] (smallest j on ties). */
  static int[] greedy(double[][] a, int start) {
    int n = a.length;
    int[] p = new int[n];
    boolean[] used = new boolean[n];
    p[0] = start;
    used[start] = true;
    for (int k = 1; k < n; k++) {
      int cur = p[k - 1];
      int arg = -1;
      for (int j = 0; j < n; j++) {
        if (!used[j] && (arg < 0 || a[cur][j] > a[cur][arg])) {
          arg = j;
        }
      }
      p[k] = arg;
      used[arg] = true;
    }
    return p;
  }

  /** Local search in place: best-improvement 2-opt and or-opt until a local optimum or maxRounds. */
  void improve(double[][] a, int[] p) {
    int n = p.length;
    if (n < 3) {
      if (n == 2 && a[p[1]][p[0]] > a[p[0]][p[1]] + EPS) {
        int t = p[0];
        p[0] = p[1];
        p[1] = t;
      }
      return;
    }
    double[] f = new double[n];
    double[] b = new double[n];
    int[] rest = new int[n];
    for (int round = 0; round < maxRounds; round++) {
      for (int k = 1; k < n; k++) {
        f[k] = f[k - 1] + a[p[k - 1]][p[k]];
        b[k] = b[k - 1] + a[p[k]][p[k - 1]];
      }
      double bestGain = EPS;
      int kind = 0; // 1: 2-opt (x=i, y=j); 2: or-opt (x=s, y=len, z=gap)
      int bx = 0;
      int by = 0;
      int bz = 0;
      for (int i = 0; i < n - 1; i++) {
        for (int j = i + 1; j < n; j++) {
          double g = (b[j] - b[i]) - (f[j] - f[i]);
          if (i > 0) {
            g += a[p[i - 1]][p[j]] - a[p[i - 1]][p[i]];
          }
          if (j < n - 1) {
            g += a[p[i]][p[j + 1]] - a[p[j]][p[j + 1]];
          }
          if (g > bestGain) {
            bestGain = g;
            kind = 1;
            bx = i;
            by = j;
          }
        }
      }
      for (int len = 1; len <= maxSegment && len < n; len++) {
        for (int s = 0; s + len <= n; s++) {
          int e = s + len - 1;
          int first = p[s];
          int last = p[e];
          double removal = 0;
          if (s > 0) {
            removal -= a[p[s - 1]][first];
          }
          if (e < n - 1) {
            removal -= a[last][p[e + 1]];
          }
          if (s > 0 && e < n - 1) {
            removal += a[p[s - 1]][p[e + 1]];
          }
          int m = 0;
          for (int k = 0; k < n; k++) {
            if (k < s || k > e) {
              rest[m++] = p[k];
            }
          }
          for (int gap = 0; gap <= m; gap++) {
            if (gap == s) {
              continue; // the segment's own place
            }
            double g = removal;
            if (gap > 0) {
              g += a[rest[gap - 1]][first];
            }
            if (gap < m) {
              g += a[last][rest[gap]];
            }
            if (gap > 0 && gap < m) {
              g -= a[rest[gap - 1]][rest[gap]];
            }
            if (g > bestGain) {
              bestGain = g;
              kind = 2;
              bx = s;
              by = len;
              bz = gap;
            }
          }
        }
      }
      if (kind == 0) {
        return;
      }
      if (kind == 1) {
        for (int i = bx, j = by; i < j; i++, j--) {
          int t = p[i];
          p[i] = p[j];
          p[j] = t;
        }
      } else {
        int s = bx;
        int len = by;
        int[] seg = new int[len];
        System.arraycopy(p, s, seg, 0, len);
        int m = 0;
        for (int k = 0; k < n; k++) {
          if (k < s || k >= s + len) {
            rest[m++] = p[k];
          }
        }
        int k = 0;
        for (int g = 0; g < bz; g++) {
          p[k++] = rest[g];
        }
        for (int v : seg) {
          p[k++] = v;
        }
        for (int g = bz; g < m; g++) {
          p[k++] = rest[g];
        }
      }
    }
  }

  @Override
  public int maxSize() {
    return Integer.MAX_VALUE;
  }

  @Override
  public String name() {
    return "heuristic";
  }
}
