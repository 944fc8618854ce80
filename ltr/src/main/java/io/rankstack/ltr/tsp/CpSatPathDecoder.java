package io.rankstack.ltr.tsp;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

/**
 * Maximum-weight open Hamiltonian path through OR-tools CP-SAT's circuit constraint.
 *
 * <p>Model: nodes 0 (a dummy) and 1..n (item i is node i + 1). For every ordered pair of distinct
 * items there is a Boolean arc {@code x[i][j]} with objective coefficient {@code round(S * A[i][j])};
 * arcs dummy→i (i starts the path) and i→dummy (i ends it) have coefficient 0. {@code AddCircuit}
 * over all n + 1 nodes with no self-loops forces one Hamiltonian cycle through the dummy, which is
 * exactly an open path over the items with a free start and end; the objective is maximised.
 *
 * <p>Integer scaling: {@code S = 2^30 / max_{i != j} |A[i][j]|} (S = 1 when A is all zeros), so
 * every coefficient has magnitude at most 2^30 and a path's objective at most n 2^30, far inside
 * int64. Rounding moves each edge by at most {@code 0.5 / S}, so a path that is optimal for the
 * rounded weights is optimal for A up to an additive {@code (n - 1) / S = (n - 1) max|A| / 2^30}
 * (about 2.7e-8 max|A| at n = 30). The returned weight is always the path's weight re-evaluated
 * in double precision on A, never the solver's objective. The greedy + local-search path of
 * {@link HeuristicPathDecoder} is given to the solver as a hint; if its re-evaluated weight is
 * larger than the solver's path (possible only within the rounding tolerance), the hint path is
 * returned instead, so this decoder is never below the heuristic.
 *
 * <p>The result is {@code exact} only when the solver status is {@code OPTIMAL}; a path returned
 * after the time limit ({@code FEASIBLE}) is labelled {@code exact == false}. With one worker and a
 * fixed seed the search is deterministic.
 */
public final class CpSatPathDecoder implements PathDecoder {
  /** The largest n accepted by default. */
  public static final int DEFAULT_MAX_SIZE = 30;
  /** The magnitude the largest |A[i][j]| is scaled to. */
  public static final double SCALE_TARGET = 1 << 30;

  private static volatile boolean loaded;

  private final int maxSize;
  private final int workers;
  private final int seed;
  private final double timeLimitSeconds;
  private final HeuristicPathDecoder hint = new HeuristicPathDecoder();

  /** n up to 30, one worker, seed 42, 60 s per list. */
  public CpSatPathDecoder() {
    this(DEFAULT_MAX_SIZE, 1, 42, 60);
  }

  /**
   * @param maxSize the largest n accepted, at least 1
   * @param workers CP-SAT search workers, 1..64 (1 or 2 for determinism and a shared machine)
   * @param seed CP-SAT's random seed, non-negative
   * @param timeLimitSeconds the time limit per list, positive and finite
   */
  public CpSatPathDecoder(int maxSize, int workers, int seed, double timeLimitSeconds) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("illegal maxSize " + maxSize + ", must be at least 1");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("illegal workers " + workers + ", must be in 1..64");
    }
    if (seed < 0) {
      throw new IllegalArgumentException("illegal seed " + seed + ", must be non-negative");
    }
    if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
      throw new IllegalArgumentException("illegal timeLimitSeconds " + timeLimitSeconds + ", must be positive and finite");
    }
    this.maxSize = maxSize;
    this.workers = workers;
    this.seed = seed;
    this.timeLimitSeconds = timeLimitSeconds;
  }

  /** Loads OR-tools' native library once per JVM. */
  static void ensureLoaded() {
    if (!loaded) {
      synchronized (CpSatPathDecoder.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }

  /** The integer scale S used for {@code a}: 2^30 / max off-diagonal |a|, or 1 for a zero matrix. */
  public static double scale(double[][] a) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (i != j) {
          max = Math.max(max, Math.abs(a[i][j]));
        }
      }
    }
    return max == 0 ? 1 : SCALE_TARGET / max;
  }

  @Override
  public DecodedPath decode(double[][] a) {
    int n = PathWeights.checkMatrix(a);
    if (n > maxSize) {
      throw new IllegalArgumentException("CP-SAT decoder accepts n <= " + maxSize + ", got " + n);
    }
    if (n == 1) {
      return new DecodedPath(new int[] {0}, 0, true);
    }
    ensureLoaded();
    DecodedPath start = hint.decode(a);
    int[] hintOrder = start.order();
    int[] hintNext = new int[n];
    for (int k = 0; k < n; k++) {
      hintNext[hintOrder[k]] = k + 1 < n ? hintOrder[k + 1] : -1;
    }
    double s = scale(a);
    CpModel model = new CpModel();
    CircuitConstraint circuit = model.addCircuit();
    LinearExprBuilder objective = LinearExpr.newBuilder();
    BoolVar[][] x = new BoolVar[n][n];
    for (int i = 0; i < n; i++) {
      BoolVar first = model.newBoolVar("start_" + i);
      circuit.addArc(0, i + 1, first);
      model.addHint(first, hintOrder[0] == i);
      BoolVar last = model.newBoolVar("end_" + i);
      circuit.addArc(i + 1, 0, last);
      model.addHint(last, hintNext[i] < 0);
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        x[i][j] = model.newBoolVar("x_" + i + "_" + j);
        circuit.addArc(i + 1, j + 1, x[i][j]);
        objective.addTerm(x[i][j], Math.round(s * a[i][j]));
        model.addHint(x[i][j], hintNext[i] == j);
      }
    }
    model.maximize(objective);
    CpSolver solver = new CpSolver();
    solver.getParameters()
        .setNumWorkers(workers)
        .setRandomSeed(seed)
        .setMaxTimeInSeconds(timeLimitSeconds)
        .setLogSearchProgress(false);
    CpSolverStatus status = solver.solve(model);
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      // No solution within the limit: the heuristic path, honestly labelled.
      return start;
    }
    int[] next = new int[n];
    boolean[] hasPred = new boolean[n];
    java.util.Arrays.fill(next, -1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && solver.booleanValue(x[i][j])) {
          next[i] = j;
          hasPred[j] = true;
        }
      }
    }
    int head = -1;
    for (int i = 0; i < n; i++) {
      if (!hasPred[i]) {
        head = i;
      }
    }
    int[] order = new int[n];
    for (int k = 0, v = head; k < n; k++, v = next[v]) {
      order[k] = v;
    }
    double w = PathWeights.weight(a, order);
    boolean exact = status == CpSolverStatus.OPTIMAL;
    if (start.weight() > w) {
      return new DecodedPath(hintOrder, start.weight(), exact);
    }
    return new DecodedPath(order, w, exact);
  }

  @Override
  public int maxSize() {
    return maxSize;
  }

  @Override
  public String name() {
    return "cp-sat";
  }
}
