package io.rankstack.ltr.tsp;

import java.util.Arrays;

/**
 * Exact maximum-weight open Hamiltonian path by Held–Karp dynamic programming (Held and Karp,
 * "A dynamic programming approach to sequencing problems", J. SIAM 10(1), 1962), adapted to an open
 * path with a free start and end:
 *
 * <pre>
 *   D[{j}][j]     = 0
 *   D[S][j]       = max_{i in S \ {j}} D[S \ {j}][i] + A[i][j]      (j in S, |S| at least 2)
 *   best          = max_j D[{0..n-1}][j]
 * </pre>
 *
 * Time O(2^n n^2), memory 2^n n doubles plus 2^n n bytes of back-pointers (n = 16: 8 MiB + 1 MiB).
 * Ties are broken towards the smallest predecessor and the smallest end item, so the result is
 * deterministic. Always {@code exact}.
 */
public final class HeldKarpDecoder implements PathDecoder {
  /** The largest n accepted by default (memory 2^16 * 16 doubles = 8 MiB). */
  public static final int DEFAULT_MAX_SIZE = 16;
  /** The hard ceiling on {@code maxSize} (2^20 * 20 doubles = 160 MiB). */
  public static final int HARD_MAX_SIZE = 20;

  private final int maxSize;

  /** A decoder for n up to {@link #DEFAULT_MAX_SIZE}. */
  public HeldKarpDecoder() {
    this(DEFAULT_MAX_SIZE);
  }

  /**
   * @param maxSize the largest n accepted, 1..{@link #HARD_MAX_SIZE}
   */
  public HeldKarpDecoder(int maxSize) {
    if (maxSize < 1 || maxSize > HARD_MAX_SIZE) {
      throw new IllegalArgumentException("illegal maxSize " + maxSize + ", must be in 1.." + HARD_MAX_SIZE);
    }
    this.maxSize = maxSize;
  }

  @Override
  public DecodedPath decode(double[][] a) {
    int n = PathWeights.checkMatrix(a);
    if (n > maxSize) {
      throw new IllegalArgumentException("Held-Karp accepts n <= " + maxSize + ", got " + n);
    }
    if (n == 1) {
      return new DecodedPath(new int[] {0}, 0, true);
    }
    int full = (1 << n) - 1;
    double[] d = new double[(full + 1) * n];
    byte[] parent = new byte[(full + 1) * n];
    Arrays.fill(d, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      d[(1 << j) * n + j] = 0;
      parent[(1 << j) * n + j] = -1;
    }
    for (int s = 1; s <= full; s++) {
      if ((s & (s - 1)) == 0) {
        continue; // singletons are initialised
      }
      for (int j = 0; j < n; j++) {
        if ((s & (1 << j)) == 0) {
          continue;
        }
        int prev = s ^ (1 << j);
        double best = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int i = 0; i < n; i++) {
          if ((prev & (1 << i)) == 0) {
            continue;
          }
          double v = d[prev * n + i] + a[i][j];
          if (v > best) {
            best = v;
            arg = i;
          }
        }
        d[s * n + j] = best;
        parent[s * n + j] = (byte) arg;
      }
    }
    int end = 0;
    for (int j = 1; j < n; j++) {
      if (d[full * n + j] > d[full * n + end]) {
        end = j;
      }
    }
    int[] order = new int[n];
    int s = full;
    int j = end;
    for (int k = n - 1; k >= 0; k--) {
      order[k] = j;
      int p = parent[s * n + j];
      s ^= 1 << j;
      j = p;
    }
    return new DecodedPath(order, PathWeights.weight(a, order), true);
  }

  @Override
  public int maxSize() {
    return maxSize;
  }

  @Override
  public String name() {
    return "held-karp";
  }
}
