package io.rankstack.ltr.tsp;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.rankstack.core.Shuffle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a {@link TspRankModel} with DJL's PyTorch engine (CPU).
 *
 * <p>Objectives, per list of n items with gold order g (see {@link TspLosses} for the definitions
 * and {@link TspList#goldOrder} for g), averaged over the lists of a batch:
 * <ul>
 *   <li>local: {@code -(1/(n-1)) sum_k sum_j T[i][j] logsoftmax_{j != i}(A[i])[j]} with the one-hot
 *       successor matrix {@code T[g_k][g_{k+1}] = 1};</li>
 *   <li>global: the loss-augmented path p* is decoded exactly in Java (Held–Karp for n at most 16,
 *       CP-SAT up to 30) on {@code A + 1} off the gold edges, then
 *       {@code (sum_{(i,j) in p*} A[i][j] + |p* \ E(g)| - sum_{(i,j) in E(g)} A[i][j]) / n} is
 *       differentiated through A (a sub-gradient of the structured hinge; the decoded path is a
 *       constant), as in the paper's code;</li>
 *   <li>hybrid: batches alternate, local first.</li>
 * </ul>
 * Optimiser Adam with a fixed learning rate; lists are shuffled each epoch with a seeded
 * {@link SplittableRandom}; the engine's initialiser is seeded with the same seed. Runs are
 * repeatable at a fixed thread count (2 intra-op threads unless {@code ai.djl.pytorch.num_threads}
 * is set).
 */
public final class TspRankTrainer {
  private final TspRankConfig config;
  private final PathDecoder augmentedDecoder;
  private int stepCount;

  /** Statistics of one epoch: mean local and global loss over the batches of each kind (NaN if none). */
  public record EpochStats(int epoch, double localLoss, double globalLoss, double seconds) {}

  public TspRankTrainer(TspRankConfig config) {
    this(config, new ExactPathDecoder());
  }

  /**
   * @param augmentedDecoder decodes the loss-augmented matrices of the global loss; should be exact
   */
  public TspRankTrainer(TspRankConfig config, PathDecoder augmentedDecoder) {
    if (config == null || augmentedDecoder == null) {
      throw new IllegalArgumentException("config and decoder are required");
    }
    this.config = config;
    this.augmentedDecoder = augmentedDecoder;
  }

  /** Sets DJL's offline mode and thread counts unless the caller already set them. */
  public static void configureEngine() {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "2"));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
  }

  /** Called after each epoch with a read-only view of the model as it stands (for early stopping). */
  @FunctionalInterface
  public interface EpochCallback {
    /** The view is valid only during the call; it must not be kept. */
    void afterEpoch(EpochStats stats, TspRankModel view);
  }

  /** Trains on the lists (lists of one item are skipped) and returns the model. */
  public TspRankModel train(List<TspList> lists, Consumer<EpochStats> progress) {
    return train(lists, progress == null ? null : (s, v) -> progress.accept(s));
  }

  /** As {@link #train(List, Consumer)}, with a callback that can score with the model after each epoch. */
  public TspRankModel train(List<TspList> lists, EpochCallback callback) {
    List<TspList> usable = new ArrayList<>();
    for (TspList l : lists) {
      if (l.size() >= 2) {
        usable.add(l);
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalArgumentException("no training list has two or more items");
    }
    int d = usable.get(0).featureCount();
    for (TspList l : usable) {
      if (l.featureCount() != d) {
        throw new IllegalArgumentException("query " + l.queryId() + " has " + l.featureCount() + " features, expected " + d);
      }
    }
    configureEngine();
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed(config.seed());
    Model model = Model.newInstance("tsprank", Device.cpu(), "PyTorch");
    model.setBlock(new TspRankBlock(config.hidden(), config.encoderLayers(), config.heads()));
    DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()) // unused: losses are built below
        .optDevices(new Device[] {Device.cpu()})
        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build());
    SplittableRandom rng = new SplittableRandom(config.seed());
    try (Trainer trainer = model.newTrainer(tc)) {
      trainer.initialize(new Shape(1, usable.get(0).size(), d));
      int batchNo = 0;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long t0 = System.nanoTime();
        Shuffle.inPlace(usable, rng);
        double localSum = 0;
        int localN = 0;
        double globalSum = 0;
        int globalN = 0;
        for (int from = 0; from < usable.size(); from += config.batchSize(), batchNo++) {
          List<TspList> batch = usable.subList(from, Math.min(usable.size(), from + config.batchSize()));
          boolean global = config.mode() == TrainingMode.GLOBAL
              || (config.mode() == TrainingMode.HYBRID && batchNo % 2 == 1);
          double v = step(trainer, batch, global);
          if (global) {
            globalSum += v;
            globalN++;
          } else {
            localSum += v;
            localN++;
          }
        }
        if (callback != null) {
          callback.afterEpoch(new EpochStats(epoch, localN == 0 ? Double.NaN : localSum / localN,
              globalN == 0 ? Double.NaN : globalSum / globalN, (System.nanoTime() - t0) / 1e9),
              new TspRankModel(model, config, d, false));
        }
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    return new TspRankModel(model, config, d);
  }

  /** One optimiser step on a batch; returns the batch's mean loss. */
  private double step(Trainer trainer, List<TspList> batch, boolean global) {
    try (NDManager sub = trainer.getManager().newSubManager();
        GradientCollector gc = trainer.newGradientCollector()) {
      NDArray total = null;
      double value = 0;
      for (TspList list : batch) {
        int n = list.size();
        NDArray x = owned(sub, list.featuresView()).expandDims(0);
        NDArray a = trainer.forward(new NDList(x)).singletonOrThrow();
        int[] gold = list.goldOrder();
        NDArray loss = global ? globalLoss(a, gold, augmentedDecoder, sub) : localLoss(a, gold, sub);
        float v = loss.getFloat();
        if (!Float.isFinite(v)) {
          throw new IllegalStateException("non-finite " + (global ? "global" : "local") + " loss " + v + " at optimiser step " + stepCount
              + " on query " + list.queryId() + " (" + n + " items); lower the learning rate");
        }
        value += v;
        total = total == null ? loss : total.add(loss);
      }
      gc.backward(total.mul(scalar(sub, 1f / batch.size())));
      trainer.step();
      stepCount++;
      return value / batch.size();
    }
  }

  /**
   * The local loss as a differentiable array: {@code -(1/(n-1)) sum(T * logsoftmax(A - 1e9 I))},
   * T the one-hot gold-successor matrix. Equals {@link TspLosses#local} on the values of A.
   */
  static NDArray localLoss(NDArray a, int[] gold, NDManager manager) {
    int n = gold.length;
    float[][] t = new float[n][n];
    float[][] diag = new float[n][n];
    for (int k = 0; k + 1 < n; k++) {
      t[gold[k]][gold[k + 1]] = 1;
    }
    for (int i = 0; i < n; i++) {
      diag[i][i] = -1e9f;
    }
    NDArray logp = a.add(owned(manager, diag)).logSoftmax(1);
    return logp.mul(owned(manager, t)).sum().neg().mul(scalar(manager, 1f / (n - 1)));
  }

  /**
   * The global loss as a differentiable array: the loss-augmented path p* is decoded in Java on the
   * values of A, then {@code (sum(A * (P - G)) + |p* \ E(g)|) / n} with P and G the 0/1 edge
   * matrices of p* and g. Equals {@link TspLosses#global} on the values of A.
   */
  static NDArray globalLoss(NDArray a, int[] gold, PathDecoder decoder, NDManager manager) {
    int n = gold.length;
    double[][] av = toMatrix(a.toFloatArray(), n);
    TspLosses.GlobalLoss g = TspLosses.global(av, gold, decoder);
    int[] p = g.augmentedPath();
    float[][] m = new float[n][n];
    for (int k = 0; k + 1 < n; k++) {
      m[p[k]][p[k + 1]] += 1;
      m[gold[k]][gold[k + 1]] -= 1;
    }
    // |p* \ E(g)|, the augmentation collected by p*: the hinge's constant part (no gradient).
    double constant = g.loss() * n - PathWeights.weight(av, p) + PathWeights.weight(av, gold);
    return a.mul(owned(manager, m)).sum().add(scalar(manager, (float) Math.rint(constant))).mul(scalar(manager, 1f / n));
  }

  /**
   * A float32 array whose memory belongs to the engine. {@code NDManager.create} (and
   * {@code NDArray.set}) make the PyTorch tensor point at a Java direct buffer ({@code from_blob}
   * without a copy); here that array is cloned into engine-allocated storage and closed at once, so
   * no view or saved autograd input can refer to Java-owned memory (see {@link #scalar}).
   */
  static NDArray owned(NDManager manager, float[][] data) {
    int rows = data.length;
    int cols = data[0].length;
    float[] flat = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data[i], 0, flat, i * cols, cols);
    }
    try (NDArray blob = manager.create(flat, new Shape(rows, cols))) {
      return blob.duplicate();
    }
  }

  /**
   * An engine-owned scalar. DJL's {@code NDArray.div(Number)}, {@code mul(Number)} etc. wrap the
   * number in a Java-owned tensor and close it right after the operation, but autograd keeps the
   * operand for the backward pass (the divisor of a division, the factor of a product): once the
   * Java buffer is collected, backward reads freed memory. That produced NaN losses that depended on
   * garbage-collection timing, not on the seed. Every constant that meets a tensor requiring
   * gradients therefore goes through this method.
   */
  static NDArray scalar(NDManager manager, float value) {
    try (NDArray blob = manager.create(value)) {
      return blob.duplicate();
    }
  }

  static double[][] toMatrix(float[] flat, int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = flat[i * n + j];
      }
    }
    return out;
  }
}
