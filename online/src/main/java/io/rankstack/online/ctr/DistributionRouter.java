package io.rankstack.online.ctr;

import java.util.SplittableRandom;

/**
 * AdaptDHM's distribution router (Li et al., "AdaptDHM: Adaptive Distribution Hierarchical Model
 * for Multi-Domain CTR Prediction", arXiv 2211.12105): K cluster centres c_j in R^D, each of unit
 * L2 norm, that are not trained by gradient. For a batch x_1..x_n (taken with gradients stopped):
 * <pre>
 *   s_ij = ⟨x_i, c_j⟩,   r_ij = softmax_j(s_ij)                      (distribution coefficients)
 *   training mode only, {@code iterations} times:
 *     ĉ_j = Σ_i r_ij x_i,   c_j ← (β c_j + (1 − β) ĉ_j) / ‖β c_j + (1 − β) ĉ_j‖,   recompute r
 *   cluster(i) = argmax_j r_ij
 * </pre>
 * Eval mode never changes the centres (nor the running mean of x). A cluster whose coefficients are all zero (it receives no
 * sample) or whose update would have zero length keeps its centre, so no centre becomes a zero vector.
 * The defaults β = 0.9 and 3 iterations come from a public re-implementation (the paper's values are
 * not recoverable).
 *
 * <p>That is {@link RouterUpdate#SPECIFIED}, the update as issue 8 states it. {@link RouterUpdate}
 * switches route on centred and/or unit-length x and replace the sum ĉ_j by the weighted mean
 * ĉ_j = Σ_i r_ij z_i / Σ_i r_ij; {@link RouterUpdate#DEFAULT} uses all three, because the specified
 * update collapses every example into one cluster on real data (see {@link RouterUpdate}).
 *
 * <p>Initialisation: the centres start as seeded random unit vectors. Because x comes from
 * embeddings that start near zero, random centres would all see near-uniform coefficients and drift
 * to the same mean direction; so the first training batch re-seeds them by farthest-point selection
 * (the first centre is a seeded random sample, each next one the sample with the lowest maximum
 * cosine to the chosen ones), which is deterministic given the seed and the batch.
 *
 * <p>Not thread-safe for training; {@link #route(float[], int, boolean)} with {@code training = false}
 * only reads and may run concurrently with other reads.
 */
public final class DistributionRouter {
  private final int k;
  private final int dim;
  private final double beta;
  private final int iterations;
  private final double[][] centres;
  private final long seed;
  private final RouterUpdate update;
  private final double[] mean;
  private long meanBatches;
  private boolean initialised;

  /** The update ({@link RouterUpdate#SPECIFIED}) with random unit centres from {@code seed}. */
  public DistributionRouter(int k, int dim, double beta, int iterations, long seed) {
    this(k, dim, beta, iterations, seed, RouterUpdate.SPECIFIED);
  }

  /** Random unit centres from {@code seed}; the first training batch re-seeds them from its samples. */
  public DistributionRouter(int k, int dim, double beta, int iterations, long seed, RouterUpdate update) {
    this(k, dim, beta, iterations, seed, randomCentres(k, dim, seed), false, update, new double[dim], 0);
  }

  /** The update ({@link RouterUpdate#SPECIFIED}) with given centres. */
  public DistributionRouter(double beta, int iterations, double[][] centres) {
    this(beta, iterations, centres, RouterUpdate.SPECIFIED);
  }

  /**
   * Given centres (normalised here), used as they are: no re-seeding from the first batch. With a
   * centred update the running mean of x starts at zero and the first training batch sets it.
   */
  public DistributionRouter(double beta, int iterations, double[][] centres, RouterUpdate update) {
    this(centres.length, centres[0].length, beta, iterations, 0, normalised(centres), true, update,
        new double[centres[0].length], 0);
  }

  DistributionRouter(int k, int dim, double beta, int iterations, long seed, double[][] centres, boolean initialised,
      RouterUpdate update, double[] mean, long meanBatches) {
    if (k < 1 || dim < 1) {
      throw new IllegalArgumentException("need k >= 1 and dim >= 1, got k=" + k + ", dim=" + dim);
    }
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    if (centres.length != k) {
      throw new IllegalArgumentException("expected " + k + " centres, got " + centres.length);
    }
    this.k = k;
    this.dim = dim;
    this.beta = beta;
    this.iterations = iterations;
    this.seed = seed;
    this.centres = new double[k][];
    for (int j = 0; j < k; j++) {
      if (centres[j].length != dim) {
        throw new IllegalArgumentException("centre " + j + " has dimension " + centres[j].length + ", expected " + dim);
      }
      // Stored centres are taken bit for bit (normalising again would move the last bits).
      double n = norm(centres[j]);
      if (Math.abs(n - 1) > 1e-9) {
        throw new IllegalArgumentException("centre " + j + " is not of unit norm (" + n + ")");
      }
      this.centres[j] = centres[j].clone();
    }
    if (update == null) {
      throw new IllegalArgumentException("router update is required");
    }
    if (mean.length != dim || meanBatches < 0) {
      throw new IllegalArgumentException("running mean has dimension " + mean.length + " and " + meanBatches
          + " batches, expected dimension " + dim + " and a count >= 0");
    }
    this.update = update;
    this.mean = mean.clone();
    this.meanBatches = meanBatches;
    this.initialised = initialised;
  }

  /** A deep copy (for snapshots). */
  public synchronized DistributionRouter copy() {
    return new DistributionRouter(k, dim, beta, iterations, seed, centres, initialised, update, mean, meanBatches);
  }

  /**
   * Routes a batch of n rows of x (row-major, n × D, gradients already stopped). In training mode
   * the centres are updated first ({@code iterations} times), then the coefficients recomputed.
   */
  public Routing route(float[] x, int n, boolean training) {
    if (x.length != n * dim) {
      throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + dim);
    }
    double[][] rows = new double[n][dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        rows[i][d] = x[i * dim + d];
      }
    }
    return route(rows, training);
  }

  /** As {@link #route(float[], int, boolean)} with one array per row. */
  public Routing route(double[][] x, boolean training) {
    if (x.length == 0) {
      return new Routing(new int[0], new double[0][]);
    }
    double[][] r;
    synchronized (this) {
      if (training && update.centred()) {
        updateMean(x);
      }
      x = transformed(x);
      if (training && !initialised) {
        initialiseFrom(x);
      }
      r = coefficients(x);
      if (training) {
        for (int it = 0; it < iterations; it++) {
          update(x, r);
          r = coefficients(x);
        }
      }
    }
    int[] cluster = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (r[i][j] > r[i][best]) {
          best = j;
        }
      }
      cluster[i] = best;
    }
    return new Routing(cluster, r);
  }

  /** r_ij = softmax_j ⟨x_i, c_j⟩, computed with the row maximum subtracted. */
  double[][] coefficients(double[][] x) {
    double[][] r = new double[x.length][k];
    for (int i = 0; i < x.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        r[i][j] = dot(x[i], centres[j]);
        max = Math.max(max, r[i][j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        r[i][j] = Math.exp(r[i][j] - max);
        sum += r[i][j];
      }
      for (int j = 0; j < k; j++) {
        r[i][j] /= sum;
      }
    }
    return r;
  }

  private void update(double[][] x, double[][] r) {
    for (int j = 0; j < k; j++) {
      double[] hat = new double[dim];
      double weight = 0;
      for (int i = 0; i < x.length; i++) {
        weight += r[i][j];
        for (int d = 0; d < dim; d++) {
          hat[d] += r[i][j] * x[i][d];
        }
      }
      if (weight == 0) {
        continue; // no sample: keep the centre
      }
      double scale = update.meanUpdate() ? 1 / weight : 1;
      double[] v = new double[dim];
      for (int d = 0; d < dim; d++) {
        v[d] = beta * centres[j][d] + (1 - beta) * scale * hat[d];
      }
      double n = norm(v);
      if (n > 0 && Double.isFinite(n)) {
        centres[j] = scaled(v, 1 / n);
      }
    }
  }

  /** μ ← μ + α (x̄ − μ), α = max(1/t, MEAN_RATE) for the t-th training batch (t = 1 sets μ = x̄). */
  private void updateMean(double[][] x) {
    meanBatches++;
    double alpha = Math.max(1.0 / meanBatches, RouterUpdate.MEAN_RATE);
    for (int d = 0; d < dim; d++) {
      double s = 0;
      for (double[] row : x) {
        s += row[d];
      }
      mean[d] += alpha * (s / x.length - mean[d]);
    }
  }

  /** What the router routes on: x, or x − μ, each optionally scaled to unit length (zero rows stay zero). */
  private double[][] transformed(double[][] x) {
    if (!update.centred() && !update.normalised()) {
      return x;
    }
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = x[i].clone();
      if (update.centred()) {
        for (int d = 0; d < dim; d++) {
          z[i][d] -= mean[d];
        }
      }
      if (update.normalised()) {
        double n = norm(z[i]);
        if (n > 0 && Double.isFinite(n)) {
          z[i] = scaled(z[i], 1 / n);
        }
      }
    }
    return z;
  }

  private void initialiseFrom(double[][] x) {
    initialised = true;
    double[][] unit = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double n = norm(x[i]);
      unit[i] = n > 0 ? scaled(x[i], 1 / n) : null;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int first = rng.nextInt(x.length);
    if (unit[first] == null) {
      return;
    }
    centres[0] = unit[first].clone();
    double[] closest = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      closest[i] = unit[i] == null ? Double.POSITIVE_INFINITY : dot(unit[i], centres[0]);
    }
    for (int j = 1; j < k; j++) {
      int pick = -1;
      for (int i = 0; i < x.length; i++) {
        if (unit[i] != null && (pick < 0 || closest[i] < closest[pick])) {
          pick = i;
        }
      }
      if (pick < 0 || closest[pick] >= 1 - 1e-12) {
        return; // fewer distinct directions than clusters: the rest keep their random centres
      }
      centres[j] = unit[pick].clone();
      for (int i = 0; i < x.length; i++) {
        if (unit[i] != null) {
          closest[i] = Math.max(closest[i], dot(unit[i], centres[j]));
        }
      }
    }
  }

  /** A copy of the centres (K × D). */
  public synchronized double[][] centres() {
    double[][] c = new double[k][];
    for (int j = 0; j < k; j++) {
      c[j] = centres[j].clone();
    }
    return c;
  }

  public int clusters() {
    return k;
  }

  public int dim() {
    return dim;
  }

  public double beta() {
    return beta;
  }

  public int iterations() {
    return iterations;
  }

  long seed() {
    return seed;
  }

  /** How x is treated and the centres are updated. */
  public RouterUpdate update() {
    return update;
  }

  /** A copy of the running mean μ of x (zeros unless the update is centred and a training batch was seen). */
  public synchronized double[] mean() {
    return mean.clone();
  }

  /** Training batches the running mean has seen. */
  public synchronized long meanBatches() {
    return meanBatches;
  }

  /** Whether the centres are fixed by a first batch or given explicitly (false: still the random start). */
  public boolean initialised() {
    return initialised;
  }

  private static double[][] normalised(double[][] centres) {
    double[][] c = new double[centres.length][];
    for (int j = 0; j < c.length; j++) {
      double n = norm(centres[j]);
      if (!(n > 0) || !Double.isFinite(n)) {
        throw new IllegalArgumentException("centre " + j + " has no direction (norm " + n + ")");
      }
      c[j] = scaled(centres[j], 1 / n);
    }
    return c;
  }

  private static double[][] randomCentres(int k, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] c = new double[k][dim];
    for (int j = 0; j < k; j++) {
      double n;
      do {
        for (int d = 0; d < dim; d++) {
          c[j][d] = gaussian(rng);
        }
        n = norm(c[j]);
      } while (n == 0);
    }
    return normalised(c);
  }

  static double gaussian(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] scaled(double[] a, double f) {
    double[] out = new double[a.length];
    for (int d = 0; d < a.length; d++) {
      out[d] = a[d] * f;
    }
    return out;
  }
}
