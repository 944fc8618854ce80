package io.rankstack.ltr.dla;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.rankstack.core.Shuffle;
import io.rankstack.ltr.tsp.TspRankTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains DLA (Ai et al., "Unbiased Learning to Rank with Unbiased Propensity Estimation", SIGIR
 * 2018; ULTRA's {@code dla.py}) and the IPW rankers that share its code, on DJL's PyTorch engine
 * (CPU).
 *
 * <p>Per step, a batch of B lists padded to P positions becomes one tensor {@code [B, P, F]}:
 * <ul>
 *   <li>ranker scores {@code s = f(x)} ({@link DlaConfig#hidden} ELU layers, then one output), padded
 *       ranks masked with −10⁹ so that every softmax is over the list's own items;</li>
 *   <li>propensity model: one free logit per position, {@code P_o = softmax(logits)} over the list;</li>
 *   <li>{@code ipw_k = P_o[0]/P_o[k]} and {@code irw_k = P_r[0]/P_r[k]} with {@code P_r = softmax(s)}, both
 *       clipped at {@link DlaConfig#maxWeight} when set and computed in Java from the current values,
 *       so they enter the graph as constants: the gradient is stopped through them;</li>
 *   <li>ranker loss {@link DlaLoss} with c·ipw, propensity loss the same on the logits with c·irw; their
 *       sum is differentiated once, and since each weight is a constant, the ranker's gradient comes
 *       only from its loss and the propensity model's only from its own;</li>
 *   <li>per model: global-norm clipping of its gradient at {@link DlaConfig#maxGradientNorm}, then
 *       Adagrad (TensorFlow 1's form, as in ULTRA: accumulator starting at 0.1,
 *       {@code θ −= lr · g / sqrt(acc)}).</li>
 * </ul>
 * With fixed propensities ({@link #trainWithPropensities}) only the ranker is trained, with the
 * weights those propensities give: all ones is the naive ranker, the true examination
 * probabilities the oracle IPW ranker, estimates from result randomisation the randomised-IPW one;
 * giving graded gains as "clicks" with all ones trains on true grades.
 *
 * <p>The parameters and the optimiser state live in Java arrays; each step copies them into
 * engine-owned tensors of a per-step {@link NDManager} (see the DJL pitfall in
 * {@code TspRankTrainer.scalar}) and reads the gradients back. Initialisation (Glorot uniform,
 * zero biases, zero propensity logits) and the list order come from one seeded
 * {@link SplittableRandom}: the same seed gives identical runs at the same thread count.
 */
public final class DlaTrainer {
  private static final float MASK = -1e9f;
  private static final double ADAGRAD_INITIAL = 0.1;

  private final DlaConfig config;

  /**
   * Statistics of one epoch: mean ranker and propensity loss over its steps (NaN when not trained),
   * and {@code propensityShift}, the largest change of a learned log ratio {@code log(P_o[0]/P_o[k])}
   * over the epoch (NaN with fixed propensities). The shift is the convergence signal: DLA's
   * propensities are the fixed point of the two coupled fits, and stopping while they still move
   * leaves them flatter than the truth (they start flat, from zero logits).
   */
  public record EpochStats(int epoch, double rankerLoss, double propensityLoss, double propensityShift, double seconds) {}

  public DlaTrainer(DlaConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  public DlaConfig config() {
    return config;
  }

  /** DLA: ranker and propensity model learned together. */
  public DlaResult trainDla(List<ClickedList> lists, Consumer<EpochStats> progress) {
    return train(lists, null, progress);
  }

  /**
   * IPW with fixed examination probabilities (only their ratios matter): {@code ipw_k = p_0 / p_k}.
   *
   * @param propensities one per position, positive; at least as many as the longest list
   */
  public DlaResult trainWithPropensities(List<ClickedList> lists, double[] propensities, Consumer<EpochStats> progress) {
    for (double p : propensities) {
      if (!(p > 0) || Double.isInfinite(p)) {
        throw new IllegalArgumentException("propensities must be positive and finite: " + Arrays.toString(propensities));
      }
    }
    return train(lists, propensities.clone(), progress);
  }

  private DlaResult train(List<ClickedList> lists, double[] fixed, Consumer<EpochStats> progress) {
    if (lists.isEmpty()) {
      throw new IllegalArgumentException("no training list");
    }
    int f = lists.get(0).featureCount();
    int p = config.positions();
    for (ClickedList l : lists) {
      if (l.featureCount() != f) {
        throw new IllegalArgumentException("query " + l.queryId() + " has " + l.featureCount() + " features, expected " + f);
      }
      if (l.size() > p) {
        throw new IllegalArgumentException("query " + l.queryId() + " shows " + l.size() + " items, more than the " + p + " positions");
      }
    }
    if (fixed != null && fixed.length < p) {
      throw new IllegalArgumentException(fixed.length + " propensities for " + p + " positions");
    }
    float[][] standard = standardisation(lists, f);
    float[][] inputs = new float[lists.size()][];
    for (int i = 0; i < lists.size(); i++) {
      inputs[i] = standardised(lists.get(i), standard, p);
    }
    SplittableRandom rng = new SplittableRandom(config.seed());
    Network net = Network.glorot(f, config.hidden(), p, rng);
    TspRankTrainer.configureEngine();
    Engine engine = Engine.getEngine("PyTorch");
    int[] order = new int[lists.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<EpochStats> history = new ArrayList<>();
    try (NDManager root = engine.newBaseManager()) {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long t0 = System.nanoTime();
        Shuffle.inPlace(order, rng);
        double rankSum = 0;
        double propSum = 0;
        int steps = 0;
        double[] before = net.propensityLogits();
        for (int from = 0; from < order.length; from += config.batchSize()) {
          int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
          double[] losses = step(engine, root, net, lists, inputs, batch, f, fixed);
          if (losses != null) {
            rankSum += losses[0];
            propSum += losses[1];
            steps++;
          }
        }
        EpochStats s = new EpochStats(epoch, steps == 0 ? Double.NaN : rankSum / steps,
            fixed != null || steps == 0 ? Double.NaN : propSum / steps,
            fixed != null ? Double.NaN : logRatioShift(before, net.propensityLogits()), (System.nanoTime() - t0) / 1e9);
        history.add(s);
        if (progress != null) {
          progress.accept(s);
        }
      }
    }
    double[] logits = new double[p];
    if (fixed == null) {
      for (int k = 0; k < p; k++) {
        logits[k] = net.propensity[k];
      }
    } else {
      for (int k = 0; k < p; k++) {
        logits[k] = Math.log(fixed[k]);
      }
    }
    return new DlaResult(net.toRanker(standard[0], standard[1]), logits, fixed == null, history);
  }

  /** One optimiser step; null when the batch has no click. Returns {ranker loss, propensity loss}. */
  private double[] step(Engine engine, NDManager root, Network net, List<ClickedList> lists, float[][] inputs,
      int[] batch, int f, double[] fixed) {
    int p = config.positions();
    int b = batch.length;
    float[] x = new float[b * p * f];
    float[] mask = new float[b * p];
    double[][] clicks = new double[b][p];
    double mass = 0;
    for (int i = 0; i < b; i++) {
      ClickedList l = lists.get(batch[i]);
      System.arraycopy(inputs[batch[i]], 0, x, i * p * f, p * f);
      for (int k = 0; k < p; k++) {
        if (k < l.size()) {
          clicks[i][k] = l.clicksAt(k);
          mass += clicks[i][k];
        } else {
          mask[i * p + k] = MASK;
        }
      }
    }
    if (mass == 0) {
      return null;
    }
    double[] ipw;
    if (fixed != null) {
      ipw = DlaLoss.normalizedInverseWeights(fixed, config.maxWeight());
    } else {
      ipw = DlaLoss.normalizedInverseWeights(DlaLoss.softmax(net.propensityLogits()), config.maxWeight());
    }
    try (NDManager sub = root.newSubManager(); GradientCollector gc = engine.newGradientCollector()) {
      List<NDArray> params = net.attach(sub);
      NDArray maskArray = owned(sub, mask, new Shape(b, p));
      NDArray scores = net.scores(sub, params, owned(sub, x, new Shape((long) b * p, f)), b).add(maskArray);
      float[] sv = scores.toFloatArray();
      float[] rankTarget = new float[b * p];
      float[] propTarget = new float[b * p];
      double rankMass = 0;
      double propMass = 0;
      for (int i = 0; i < b; i++) {
        int n = lists.get(batch[i]).size();
        double[] si = new double[n];
        for (int k = 0; k < n; k++) {
          si[k] = sv[i * p + k];
        }
        double[] irw = DlaLoss.normalizedInverseWeights(DlaLoss.softmax(si), config.maxWeight());
        for (int k = 0; k < n; k++) {
          rankTarget[i * p + k] = (float) (clicks[i][k] * ipw[k]);
          propTarget[i * p + k] = (float) (clicks[i][k] * irw[k]);
          rankMass += rankTarget[i * p + k];
          propMass += propTarget[i * p + k];
        }
      }
      NDArray rankLoss = weightedSoftmaxLoss(scores, owned(sub, rankTarget, new Shape(b, p)), rankMass);
      NDArray total = rankLoss;
      NDArray propLoss = null;
      if (fixed == null) {
        NDArray logits = params.get(params.size() - 1).reshape(1, p).add(maskArray);
        propLoss = weightedSoftmaxLoss(logits, owned(sub, propTarget, new Shape(b, p)), propMass);
        total = total.add(propLoss);
      }
      double rv = rankLoss.getFloat();
      double pv = propLoss == null ? Double.NaN : propLoss.getFloat();
      if (!Double.isFinite(rv) || (propLoss != null && !Double.isFinite(pv))) {
        throw new IllegalStateException("non-finite loss (ranker " + rv + ", propensity " + pv + "); lower the learning rate or clip the weights");
      }
      gc.backward(total);
      List<float[]> grads = new ArrayList<>(params.size());
      for (NDArray a : params) {
        try (NDArray g = a.getGradient()) {
          grads.add(g.toFloatArray());
        }
      }
      net.update(grads, fixed == null, config);
      return new double[] {rv, pv};
    }
  }

  /**
   * Largest change of {@code log(P_o[0]/P_o[k]) = logit_0 − logit_k} between two logit vectors (the
   * softmax's normaliser cancels in the ratio).
   */
  static double logRatioShift(double[] before, double[] after) {
    double max = 0;
    for (int k = 1; k < before.length; k++) {
      max = Math.max(max, Math.abs((after[0] - after[k]) - (before[0] - before[k])));
    }
    return max;
  }

  /**
   * {@link DlaLoss#softmaxCrossEntropy} as a differentiable array: {@code −Σ(target · logSoftmax(logits)) / mass},
   * {@code target = c · w} of shape {@code [B, P]}, {@code mass = Σ target} (a constant).
   */
  static NDArray weightedSoftmaxLoss(NDArray logits, NDArray target, double mass) {
    NDManager m = logits.getManager();
    return logits.logSoftmax(1).mul(target).sum().mul(scalar(m, (float) (-1 / mass)));
  }

  /** A float32 array in engine-owned memory (copied out of the Java buffer at once). */
  static NDArray owned(NDManager manager, float[] data, Shape shape) {
    try (NDArray blob = manager.create(data, shape)) {
      return blob.duplicate();
    }
  }

  /**
   * An engine-owned scalar: {@code NDArray.mul(Number)} and friends wrap the number in a Java-owned
   * tensor that autograd may read after it is freed (see {@code TspRankTrainer.scalar}).
   */
  static NDArray scalar(NDManager manager, float value) {
    try (NDArray blob = manager.create(value)) {
      return blob.duplicate();
    }
  }

  /** Per-feature mean (row 0) and standard deviation (row 1, 1 for constant features) over all items. */
  private static float[][] standardisation(List<ClickedList> lists, int f) {
    double[] sum = new double[f];
    double[] sq = new double[f];
    long n = 0;
    for (ClickedList l : lists) {
      for (int k = 0; k < l.size(); k++) {
        for (int j = 0; j < f; j++) {
          double v = l.feature(k, j);
          sum[j] += v;
          sq[j] += v * v;
        }
        n++;
      }
    }
    float[][] out = new float[2][f];
    for (int j = 0; j < f; j++) {
      double mu = sum[j] / n;
      double var = Math.max(0, sq[j] / n - mu * mu);
      out[0][j] = (float) mu;
      out[1][j] = var < 1e-12 ? 1f : (float) Math.sqrt(var);
    }
    return out;
  }

  private static float[] standardised(ClickedList l, float[][] standard, int p) {
    int f = standard[0].length;
    float[] out = new float[p * f];
    for (int k = 0; k < l.size(); k++) {
      for (int j = 0; j < f; j++) {
        out[k * f + j] = (l.feature(k, j) - standard[0][j]) / standard[1][j];
      }
    }
    return out;
  }

  /** Parameters and Adagrad accumulators, in Java arrays. */
  static final class Network {
    final int[] widths; // input, hidden..., 1
    final List<float[]> weights = new ArrayList<>();
    final List<float[]> biases = new ArrayList<>();
    final float[] propensity;
    private final List<double[]> acc = new ArrayList<>(); // one per parameter, ranker first, propensity last

    private Network(int[] widths, int positions) {
      this.widths = widths;
      propensity = new float[positions];
    }

    static Network glorot(int f, List<Integer> hidden, int positions, SplittableRandom rng) {
      int[] widths = new int[hidden.size() + 2];
      widths[0] = f;
      for (int l = 0; l < hidden.size(); l++) {
        widths[l + 1] = hidden.get(l);
      }
      widths[widths.length - 1] = 1;
      Network n = new Network(widths, positions);
      for (int l = 0; l + 1 < widths.length; l++) {
        double limit = Math.sqrt(6.0 / (widths[l] + widths[l + 1]));
        float[] w = new float[widths[l] * widths[l + 1]];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
        n.weights.add(w);
        n.biases.add(new float[widths[l + 1]]);
      }
      for (float[] a : n.all()) {
        double[] g = new double[a.length];
        Arrays.fill(g, ADAGRAD_INITIAL);
        n.acc.add(g);
      }
      return n;
    }

    /** All parameters: W0, b0, W1, b1, ..., then the propensity logits. */
    List<float[]> all() {
      List<float[]> out = new ArrayList<>();
      for (int l = 0; l < weights.size(); l++) {
        out.add(weights.get(l));
        out.add(biases.get(l));
      }
      out.add(propensity);
      return out;
    }

    double[] propensityLogits() {
      double[] l = new double[propensity.length];
      for (int k = 0; k < l.length; k++) {
        l[k] = propensity[k];
      }
      return l;
    }

    /** Engine-owned copies of all parameters, recording gradients, in {@link #all()} order. */
    List<NDArray> attach(NDManager m) {
      List<NDArray> out = new ArrayList<>();
      for (int l = 0; l < weights.size(); l++) {
        out.add(owned(m, weights.get(l), new Shape(widths[l], widths[l + 1])));
        out.add(owned(m, biases.get(l), new Shape(widths[l + 1])));
      }
      out.add(owned(m, propensity, new Shape(propensity.length)));
      for (NDArray a : out) {
        a.setRequiresGradient(true);
      }
      return out;
    }

    /** Scores {@code [B, P]} of the inputs {@code [B·P, F]}. */
    NDArray scores(NDManager m, List<NDArray> params, NDArray x, int b) {
      NDArray h = x;
      NDArray one = scalar(m, 1f);
      int layers = weights.size();
      for (int l = 0; l < layers; l++) {
        h = h.matMul(params.get(2 * l)).add(params.get(2 * l + 1));
        if (l + 1 < layers) {
          // ELU(α = 1) = relu(h) + exp(min(h, 0)) − 1, with min(h, 0) = −relu(−h): no Java-owned constant
          h = Activation.relu(h).add(Activation.relu(h.neg()).neg().exp().sub(one));
        }
      }
      return h.reshape(b, -1);
    }

    /** Global-norm clipping and Adagrad, per model; the propensity logits only when {@code trainPropensity}. */
    void update(List<float[]> grads, boolean trainPropensity, DlaConfig c) {
      List<float[]> params = all();
      int rankerParams = params.size() - 1;
      clipAndStep(params.subList(0, rankerParams), grads.subList(0, rankerParams), acc.subList(0, rankerParams), c.learningRate(), c.maxGradientNorm());
      if (trainPropensity) {
        clipAndStep(params.subList(rankerParams, params.size()), grads.subList(rankerParams, params.size()),
            acc.subList(rankerParams, params.size()), c.propensityLearningRate(), c.maxGradientNorm());
      }
    }

    private static void clipAndStep(List<float[]> params, List<float[]> grads, List<double[]> acc, double lr, double maxNorm) {
      double sq = 0;
      for (float[] g : grads) {
        for (float v : g) {
          sq += (double) v * v;
        }
      }
      double norm = Math.sqrt(sq);
      double factor = maxNorm > 0 && norm > maxNorm ? maxNorm / norm : 1;
      for (int t = 0; t < params.size(); t++) {
        float[] w = params.get(t);
        float[] g = grads.get(t);
        double[] a = acc.get(t);
        for (int i = 0; i < w.length; i++) {
          double gi = g[i] * factor;
          a[i] += gi * gi;
          w[i] -= (float) (lr * gi / Math.sqrt(a[i]));
        }
      }
    }

    DlaRanker toRanker(float[] mean, float[] scale) {
      return new DlaRanker(mean, scale, weights, biases);
    }
  }
}
