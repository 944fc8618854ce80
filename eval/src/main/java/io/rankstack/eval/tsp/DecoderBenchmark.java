package io.rankstack.eval.tsp;

import io.rankstack.ltr.tsp.CpSatPathDecoder;
import io.rankstack.ltr.tsp.DecodedPath;
import io.rankstack.ltr.tsp.HeldKarpDecoder;
import io.rankstack.ltr.tsp.HeuristicPathDecoder;
import io.rankstack.ltr.tsp.PathDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the decoders on random score matrices and counts how often the heuristic's path weight
 * equals the exact optimum (within {@code 1e-9 (1 + |w*|)}, plus CP-SAT's documented rounding
 * tolerance when CP-SAT is the reference).
 *
 * <p>Matrix kinds: {@code UNIFORM}, independent {@code A[i][j] ~ U(-1, 1)}; {@code BILINEAR},
 * shaped like a TSPRank model's output, {@code A[i][j] = e_i^T U e_j} for i &lt;= j and
 * {@code e_i^T V e_j} for i &gt; j with 8-dimensional Gaussian e, U, V.
 */
final class DecoderBenchmark {
  enum Kind { UNIFORM, BILINEAR }

  /** Timing of one decoder at one n. */
  record Result(int n, String decoder, int lists, double meanMs, double p50Ms, double maxMs, int exactLabelled,
      int optimal, double meanGap) {}

  private DecoderBenchmark() {}

  static double[][] matrix(Kind kind, int n, SplittableRandom r) {
    double[][] a = new double[n][n];
    if (kind == Kind.UNIFORM) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i][j] = i == j ? 0 : r.nextDouble(-1, 1);
        }
      }
      return a;
    }
    int d = 8;
    double[][] e = gauss(n, d, r);
    double[][] u = gauss(d, d, r);
    double[][] v = gauss(d, d, r);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[][] w = i <= j ? u : v;
        double s = 0;
        for (int p = 0; p < d; p++) {
          for (int q = 0; q < d; q++) {
            s += e[i][p] * w[p][q] * e[j][q];
          }
        }
        a[i][j] = i == j ? 0 : s;
      }
    }
    return a;
  }

  private static double[][] gauss(int rows, int cols, SplittableRandom r) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int c = 0; c < cols; c++) {
        row[c] = r.nextGaussian() / Math.sqrt(cols);
      }
    }
    return m;
  }

  /**
   * Runs every applicable decoder on the same {@code lists} matrices of size n (after
   * {@code warmup} unmeasured matrices), Held–Karp only when n is at most 16.
   */
  static List<Result> run(Kind kind, int n, int lists, int warmup, long seed, CpSatPathDecoder cpSat) {
    SplittableRandom r = new SplittableRandom(seed ^ (31L * n));
    List<double[][]> ms = new ArrayList<>();
    for (int i = 0; i < lists; i++) {
      ms.add(matrix(kind, n, r));
    }
    List<PathDecoder> decoders = new ArrayList<>();
    if (n <= HeldKarpDecoder.DEFAULT_MAX_SIZE) {
      decoders.add(new HeldKarpDecoder());
    }
    decoders.add(cpSat);
    decoders.add(new HeuristicPathDecoder());
    double[] optimum = null;
    double tol = 0;
    List<Result> out = new ArrayList<>();
    for (PathDecoder d : decoders) {
      for (int i = 0; i < warmup; i++) {
        d.decode(matrix(kind, n, new SplittableRandom(seed + 1000 + i)));
      }
      double[] ms2 = new double[lists];
      double[] w = new double[lists];
      int exact = 0;
      for (int i = 0; i < lists; i++) {
        long t0 = System.nanoTime();
        DecodedPath p = d.decode(ms.get(i));
        ms2[i] = (System.nanoTime() - t0) / 1e6;
        w[i] = p.weight();
        exact += p.exact() ? 1 : 0;
      }
      if (optimum == null) {
        optimum = w; // the first decoder is exact (Held–Karp or CP-SAT)
        tol = d == cpSat ? n / CpSatPathDecoder.SCALE_TARGET * maxAbs(ms) : 0;
      }
      int optimal = 0;
      double gap = 0;
      for (int i = 0; i < lists; i++) {
        if (w[i] >= optimum[i] - 1e-9 * (1 + Math.abs(optimum[i])) - tol) {
          optimal++;
        }
        gap += (optimum[i] - w[i]) / Math.max(1e-12, Math.abs(optimum[i])) / lists;
      }
      double[] sorted = ms2.clone();
      Arrays.sort(sorted);
      out.add(new Result(n, d.name(), lists, Arrays.stream(ms2).average().orElse(0), sorted[lists / 2],
          sorted[lists - 1], exact, optimal, gap));
    }
    return out;
  }

  private static double maxAbs(List<double[][]> ms) {
    double m = 0;
    for (double[][] a : ms) {
      for (double[] row : a) {
        for (double v : row) {
          m = Math.max(m, Math.abs(v));
        }
      }
    }
    return m;
  }
}
