package io.rankstack.online.ctr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * AdaptDHM CTR model: hashed embeddings + dense features → x ∈ R^D; a {@link DistributionRouter}
 * (or, for the STAR baseline, the true domain) picks one of K towers per example; each tower layer
 * computes {@code h' = h (W_shared ⊙ W_k) + (b_shared + b_k)}, ReLU on hidden layers, and the output
 * p = sigmoid(z) is trained with binary cross-entropy {@code −(y log p + (1 − y) log(1 − p))},
 * evaluated from the logit as {@code softplus(z) − y z} for stability. With K = 1 the model is one
 * MLP whose weights are the element-wise product of a shared and a specific matrix.
 *
 * <p>The parameters live in Java float arrays; each step copies them into a DJL PyTorch sub-manager,
 * runs forward and backward there, and applies Adam (β1 0.9, β2 0.999, ε 1e-8, bias-corrected) in
 * Java — lazily on the embedding table (only the rows a batch uses move, and only they are copied to
 * the engine: copying the whole table each step cost more than the forward pass). So the whole state (weights, Adam moments, step count, router centres) is plain data that
 * {@link CtrModelCodec} writes and reads exactly, and a restarted learner continues bit for bit.
 * Initialisation from the config's seed: embeddings U(−0.05, 0.05), shared weights Glorot-uniform,
 * cluster weights 1 (so every tower starts as the shared MLP), biases 0.
 *
 * <p>Training is single-threaded ({@link #train}); {@link #snapshot()} returns an independent copy
 * whose {@link #predict} may be called from many threads.
 */
public final class CtrModel {
  static final double ADAM_B1 = 0.9;
  static final double ADAM_B2 = 0.999;
  static final double ADAM_EPS = 1e-8;

  private final CtrConfig config;
  private final float[][] params;
  private final float[][] adamM;
  private final float[][] adamV;
  private final DistributionRouter router;
  private long steps;

  /** A freshly initialised model. */
  public CtrModel(CtrConfig config) {
    this.config = config;
    List<long[]> shapes = shapes(config);
    params = new float[shapes.size()][];
    adamM = new float[shapes.size()][];
    adamV = new float[shapes.size()][];
    SplittableRandom rng = new SplittableRandom(config.seed());
    int[] w = config.layerWidths();
    int p = 0;
    params[p++] = uniform(rng, config.buckets() * config.embeddingDim(), 0.05);
    for (int l = 0; l + 1 < w.length; l++) {
      params[p++] = uniform(rng, w[l] * w[l + 1], Math.sqrt(6.0 / (w[l] + w[l + 1])));
      if (config.clusterWeights()) {
        params[p] = new float[config.clusters() * w[l] * w[l + 1]];
        java.util.Arrays.fill(params[p++], 1f);
      }
      params[p++] = new float[w[l + 1]];
      if (config.clusterWeights()) {
        params[p++] = new float[config.clusters() * w[l + 1]];
      }
    }
    for (int i = 0; i < params.length; i++) {
      adamM[i] = new float[params[i].length];
      adamV[i] = new float[params[i].length];
    }
    router = new DistributionRouter(config.clusters(), config.inputDim(), config.beta(), config.iterations(),
        config.seed() * 0x9E3779B97F4A7C15L + 1, config.routerUpdate());
  }

  CtrModel(CtrConfig config, float[][] params, float[][] adamM, float[][] adamV, long steps, DistributionRouter router) {
    List<long[]> shapes = shapes(config);
    if (params.length != shapes.size() || adamM.length != shapes.size() || adamV.length != shapes.size()) {
      throw new IllegalArgumentException("expected " + shapes.size() + " parameter arrays, got " + params.length);
    }
    for (int i = 0; i < params.length; i++) {
      long n = size(shapes.get(i));
      if (params[i].length != n || adamM[i].length != n || adamV[i].length != n) {
        throw new IllegalArgumentException("parameter " + i + " has " + params[i].length + " values, the config needs " + n);
      }
    }
    if (router.clusters() != config.clusters() || router.dim() != config.inputDim()
        || !router.update().equals(config.routerUpdate())) {
      throw new IllegalArgumentException("router has K=" + router.clusters() + ", D=" + router.dim()
          + ", the config needs K=" + config.clusters() + ", D=" + config.inputDim());
    }
    this.config = config;
    this.params = params;
    this.adamM = adamM;
    this.adamV = adamV;
    this.steps = steps;
    this.router = router;
  }

  /** The parameter shapes, in storage order: embeddings, then per layer W_s, [W_c], b_s, [b_c]. */
  static List<long[]> shapes(CtrConfig c) {
    List<long[]> s = new ArrayList<>();
    s.add(new long[] {c.buckets(), c.embeddingDim()});
    int[] w = c.layerWidths();
    for (int l = 0; l + 1 < w.length; l++) {
      s.add(new long[] {w[l], w[l + 1]});
      if (c.clusterWeights()) {
        s.add(new long[] {c.clusters(), w[l], w[l + 1]});
      }
      s.add(new long[] {w[l + 1]});
      if (c.clusterWeights()) {
        s.add(new long[] {c.clusters(), w[l + 1]});
      }
    }
    return s;
  }

  /** The outcome of one training step. */
  public record Step(double loss, Routing routing) {}

  /**
   * One Adam step on a mini-batch: x is computed, routed (training mode: the router's centres move),
   * each example runs through its tower, and the mean BCE is back-propagated.
   */
  public Step train(List<CtrExample> batch) {
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    int b = batch.size();
    float[][] grads = new float[params.length][];
    double loss;
    Routing routing;
    Lookup lookup = lookup(batch);
    try (NDManager m = CtrEngine.newManager()) {
      NDArray[] p = arrays(m, lookup);
      for (NDArray a : p) {
        a.setRequiresGradient(true);
      }
      NDArray y = CtrEngine.owned(m, labels(batch), new Shape(b));
      try (GradientCollector gc = CtrEngine.engine().newGradientCollector()) {
        NDArray x = input(m, p, batch, lookup);
        routing = route(x, batch, true);
        NDArray z = logits(m, p, x, routing.clusters());
        NDArray l = bce(z, y);
        loss = l.getFloat();
        if (!Double.isFinite(loss)) {
          throw new IllegalStateException("non-finite loss " + loss + " at step " + steps + "; lower the learning rate");
        }
        gc.backward(l);
      }
      for (int i = 0; i < p.length; i++) {
        grads[i] = p[i].getGradient().toFloatArray();
      }
    }
    adam(grads, lookup.buckets());
    return new Step(loss, routing);
  }

  /** Click probabilities for the examples (eval mode: the router does not move). Thread-safe on a snapshot. */
  public float[] predict(List<CtrExample> examples) {
    if (examples.isEmpty()) {
      return new float[0];
    }
    Lookup lookup = lookup(examples);
    try (NDManager m = CtrEngine.newManager()) {
      NDArray[] p = arrays(m, lookup);
      NDArray x = input(m, p, examples, lookup);
      Routing r = route(x, examples, false);
      return Activation.sigmoid(logits(m, p, x, r.clusters())).toFloatArray();
    }
  }

  /** The tower each example would go to now (eval mode), with the soft coefficients. */
  public Routing routing(List<CtrExample> examples) {
    Lookup lookup = lookup(examples);
    try (NDManager m = CtrEngine.newManager()) {
      NDArray x = input(m, arrays(m, lookup), examples, lookup);
      return route(x, examples, false);
    }
  }

  /** x for the examples (n × D, row-major) as it enters the router, before any centring or normalising ({@link RouterUpdate}). */
  public float[] representation(List<CtrExample> examples) {
    Lookup lookup = lookup(examples);
    try (NDManager m = CtrEngine.newManager()) {
      return input(m, arrays(m, lookup), examples, lookup).toFloatArray();
    }
  }

  /**
   * The embedding rows a batch uses: the distinct buckets in order of first use, and for every
   * (example, field) the row of its bucket among them. Only these rows travel to the engine (the
   * full table would cost more than the whole forward pass), and only they get an optimiser update.
   */
  private record Lookup(int[] buckets, long[] local) {}

  private Lookup lookup(List<CtrExample> batch) {
    int f = config.categoricalFields();
    long[] local = new long[batch.size() * f];
    java.util.Map<Integer, Integer> row = new java.util.HashMap<>();
    int[] buckets = new int[local.length];
    for (int i = 0; i < batch.size(); i++) {
      CtrExample e = batch.get(i);
      check(e, i);
      for (int j = 0; j < f; j++) {
        int bucket = FeatureHasher.bucket(j, e.categorical(j), config.buckets());
        Integer r = row.get(bucket);
        if (r == null) {
          r = row.size();
          row.put(bucket, r);
          buckets[r] = bucket;
        }
        local[i * f + j] = r;
      }
    }
    return new Lookup(java.util.Arrays.copyOf(buckets, row.size()), local);
  }

  /** Engine arrays of the parameters; index 0 holds only the embedding rows of {@code lookup}. */
  private NDArray[] arrays(NDManager m, Lookup lookup) {
    NDArray[] p = new NDArray[params.length];
    List<long[]> shapes = shapes(config);
    int e = config.embeddingDim();
    float[] rows = new float[Math.max(1, lookup.buckets().length) * e];
    for (int r = 0; r < lookup.buckets().length; r++) {
      System.arraycopy(params[0], lookup.buckets()[r] * e, rows, r * e, e);
    }
    p[0] = CtrEngine.owned(m, rows, new Shape(rows.length / e, e));
    for (int i = 1; i < p.length; i++) {
      p[i] = CtrEngine.owned(m, params[i], new Shape(shapes.get(i)));
    }
    return p;
  }

  private Routing route(NDArray x, List<CtrExample> batch, boolean training) {
    if (config.routing() == RoutingMode.DOMAIN) {
      int[] d = new int[batch.size()];
      double[][] r = new double[batch.size()][config.clusters()];
      for (int i = 0; i < d.length; i++) {
        d[i] = batch.get(i).domain();
        if (d[i] < 0 || d[i] >= config.clusters()) {
          throw new IllegalArgumentException("example " + i + " has domain " + d[i] + "; DOMAIN routing needs 0.."
              + (config.clusters() - 1));
        }
        r[i][d[i]] = 1;
      }
      return new Routing(d, r);
    }
    // Gradients stopped: the router sees the values of x only.
    return router.route(x.toFloatArray(), batch.size(), training);
  }

  /** x = [emb(field 0) … emb(field F−1), dense], n × D. */
  private NDArray input(NDManager m, NDArray[] p, List<CtrExample> batch, Lookup lookup) {
    int b = batch.size();
    int f = config.categoricalFields();
    int dd = config.denseFeatures();
    List<NDArray> parts = new ArrayList<>(2);
    if (f > 0) {
      NDArray rows = p[0].get(new NDIndex("{}", CtrEngine.owned(m, lookup.local(), new Shape(b * f))));
      parts.add(rows.reshape(b, (long) f * config.embeddingDim()));
    }
    if (dd > 0) {
      float[] dense = new float[b * dd];
      for (int i = 0; i < b; i++) {
        CtrExample e = batch.get(i);
        check(e, i);
        for (int j = 0; j < dd; j++) {
          dense[i * dd + j] = e.dense(j);
        }
      }
      parts.add(CtrEngine.owned(m, dense, new Shape(b, dd)));
    }
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
  }

  private void check(CtrExample e, int i) {
    if (e.categoricalCount() != config.categoricalFields() || e.denseCount() != config.denseFeatures()) {
      throw new IllegalArgumentException("example " + i + " has " + e.categoricalCount() + " categorical and "
          + e.denseCount() + " dense features; the model needs " + config.categoricalFields() + " and "
          + config.denseFeatures());
    }
  }

  /** The towers: per layer, all T towers at once (T × n × out), then each row keeps its own tower's output. */
  private NDArray logits(NDManager m, NDArray[] p, NDArray x, int[] cluster) {
    int b = cluster.length;
    int towers = config.towers();
    NDArray mask = null;
    if (towers > 1) {
      float[] oneHot = new float[towers * b];
      for (int i = 0; i < b; i++) {
        oneHot[cluster[i] * b + i] = 1f;
      }
      mask = CtrEngine.owned(m, oneHot, new Shape(towers, b, 1));
    }
    int[] w = config.layerWidths();
    NDArray h = x;
    int k = 1;
    for (int l = 0; l + 1 < w.length; l++) {
      NDArray weight = p[k++].expandDims(0);
      if (config.clusterWeights()) {
        weight = weight.mul(p[k++]);
      }
      NDArray bias = p[k++].expandDims(0);
      if (config.clusterWeights()) {
        bias = bias.add(p[k++]);
      }
      NDArray all = h.expandDims(0).matMul(weight).add(bias.expandDims(1));
      h = mask == null ? all.squeeze(0) : all.mul(mask).sum(new int[] {0});
      if (l + 2 < w.length) {
        h = Activation.relu(h);
      }
    }
    return h.reshape(b);
  }

  /**
   * Mean binary cross-entropy from logits: {@code mean(softplus(z) − y z)}, which equals
   * {@code −mean(y log σ(z) + (1 − y) log(1 − σ(z)))} without forming log(0).
   */
  static NDArray bce(NDArray z, NDArray y) {
    return Activation.softPlus(z).sub(y.mul(z)).mean();
  }

  private static float[] labels(List<CtrExample> batch) {
    float[] y = new float[batch.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = batch.get(i).label();
    }
    return y;
  }

  /**
   * Adam on the dense parameters; lazy (sparse) Adam on the embedding table: only the rows the batch
   * used are updated, as PyTorch's SparseAdam and TensorFlow's LazyAdam do.
   */
  private void adam(float[][] grads, int[] buckets) {
    steps++;
    double lr = config.learningRate();
    double c1 = 1 - Math.pow(ADAM_B1, steps);
    double c2 = 1 - Math.pow(ADAM_B2, steps);
    int e = config.embeddingDim();
    for (int r = 0; r < buckets.length; r++) {
      for (int d = 0; d < e; d++) {
        update(params[0], adamM[0], adamV[0], buckets[r] * e + d, grads[0][r * e + d], lr, c1, c2);
      }
    }
    for (int i = 1; i < params.length; i++) {
      for (int j = 0; j < params[i].length; j++) {
        update(params[i], adamM[i], adamV[i], j, grads[i][j], lr, c1, c2);
      }
    }
  }

  private static void update(float[] w, float[] mm, float[] vv, int j, double g, double lr, double c1, double c2) {
    mm[j] = (float) (ADAM_B1 * mm[j] + (1 - ADAM_B1) * g);
    vv[j] = (float) (ADAM_B2 * vv[j] + (1 - ADAM_B2) * g * g);
    w[j] -= (float) (lr * (mm[j] / c1) / (Math.sqrt(vv[j] / c2) + ADAM_EPS));
  }

  private static float[] uniform(SplittableRandom rng, int n, double bound) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
    }
    return a;
  }

  static long size(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** An independent deep copy: later training of this model does not change it. */
  public CtrModel snapshot() {
    return new CtrModel(config, deepCopy(params), deepCopy(adamM), deepCopy(adamV), steps, router.copy());
  }

  private static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  public CtrConfig config() {
    return config;
  }

  /** Optimiser steps taken so far. */
  public long steps() {
    return steps;
  }

  /** The router's centres (K × D), a copy. */
  public double[][] centres() {
    return router.centres();
  }

  DistributionRouter router() {
    return router;
  }

  /** Number of parameter arrays (see {@link #shapes}). */
  int parameterArrays() {
    return params.length;
  }

  /** A copy of parameter array i. */
  float[] parameter(int i) {
    return params[i].clone();
  }

  /** Replaces parameter array i (tests build hand-made models with it). */
  void setParameter(int i, float[] values) {
    if (values.length != params[i].length) {
      throw new IllegalArgumentException("parameter " + i + " has " + params[i].length + " values, got " + values.length);
    }
    params[i] = values.clone();
  }

  float[][] params() {
    return params;
  }

  float[][] adamM() {
    return adamM;
  }

  float[][] adamV() {
    return adamV;
  }

  /** Trainable parameters (the router's K·D centres are not trained by gradient and not counted). */
  public long parameterCount() {
    long n = 0;
    for (float[] p : params) {
      n += p.length;
    }
    return n;
  }
}
