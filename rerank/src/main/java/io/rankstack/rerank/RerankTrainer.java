package io.rankstack.rerank;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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
import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rankstack.core.Shuffle;
import io.rankstack.core.metrics.RankingMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * ERank's two training stages on DJL's PyTorch engine.
 *
 * <p><b>Stage 1, SFT</b>: cross-entropy of the head's softmax against the target class: the
 * document's fine-grained score 0..10 ({@link RerankDoc#target}) for the graded head, relevant or
 * not for the binary one. Pairs of all queries are shuffled each epoch; Adam, fixed learning rate,
 * gradients clipped at norm 1.
 *
 * <p><b>Stage 2, GRPO</b> (graded head only). Per query with N documents: G scores per document
 * are sampled from the current model's distribution with the Gumbel-max trick (PyTorch's
 * multinomial is not available through DJL); {@link Grpo#rewards} ranks all N×G samples together
 * and gives each its reward r_RR, {@link Grpo#advantages} normalises them within each document's G
 * rollouts. The loss of a batch is
 * <pre>
 *   − mean_{i,g} min(ρ_ig A_ig, clip(ρ_ig, 1−ε, 1+ε) A_ig) + β mean_i KL(π_θ(·|i) ‖ π_sft(·|i)),
 *   ρ_ig = π_θ(s_ig | i) / π_old(s_ig | i)
 * </pre>
 * with π_old the policy that sampled (fixed for the {@code policyUpdates} steps on one batch) and the
 * exact KL over the 11 classes against the frozen SFT model (its log-probabilities are computed once
 * when stage 2 starts).
 *
 * <p><b>Determinism</b>: the engine's initialiser is seeded; shuffles and Gumbel noise come from
 * {@link SplittableRandom}s seeded by (seed, stage, epoch), so a resumed run draws what an
 * uninterrupted one would. Identical parameters for the same seed hold at a fixed thread count.
 *
 * <p><b>Checkpoints</b>: with a checkpoint folder, the parameters and {@code checkpoint.json}
 * (stage, epoch, architecture) are written after every epoch, and the SFT model when stage 1 ends.
 * A new run with the same folder resumes after the last completed epoch; an SFT-only run on a
 * folder whose run went on to stage 2 returns the saved SFT model (so "graded SFT" and "graded
 * SFT + RL" can share one SFT stage). Adam's moments are not
 * saved (DJL does not expose them), so a resumed run restarts them: its parameters are close to,
 * not bit-identical with, an uninterrupted run's.
 */
public final class RerankTrainer {
  private static final String CHECKPOINT = "checkpoint";
  private static final String SFT = "sft";
  private static final int SCORE_BATCH = 64;

  private final TrainingConfig config;

  /** One line of progress: stage ("sft" or "rl"), epoch, mean training loss, validation nDCG@10 (NaN without validation). */
  public record Progress(String stage, int epoch, double loss, double validationNdcg10, double seconds, int pairs) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%s epoch %d: loss %.4f, validation nDCG@10 %.4f, %.1f s (%d pairs, %.1f pairs/s)",
          stage, epoch, loss, validationNdcg10, seconds, pairs, pairs / Math.max(seconds, 1e-9));
    }
  }

  public RerankTrainer(TrainingConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config is required");
    }
    this.config = config;
  }

  /** Encoded training data: every pair of every query, in query order. */
  private record Encoded(List<RerankQuery> queries, List<EncodedPair> pairs, int[] firstPair, int[] queryOf) {
    static Encoded of(List<RerankQuery> queries, Tokenizer tok, ArchitectureConfig arch) {
      List<EncodedPair> pairs = new ArrayList<>();
      List<Integer> queryOf = new ArrayList<>();
      int[] first = new int[queries.size() + 1];
      for (int q = 0; q < queries.size(); q++) {
        first[q] = pairs.size();
        for (RerankDoc d : queries.get(q).docs()) {
          pairs.add(tok.encodePair(queries.get(q).text(), d.text(), arch.maxLength(), arch.maxQueryTokens()));
          queryOf.add(q);
        }
      }
      first[queries.size()] = pairs.size();
      return new Encoded(queries, pairs, first, queryOf.stream().mapToInt(Integer::intValue).toArray());
    }

    RerankDoc doc(int pair, int query) {
      return queries.get(query).docs().get(pair - firstPair[query]);
    }

    RerankDoc doc(int pair) {
      return doc(pair, queryOf[pair]);
    }

    float[][] features(int from, int to) {
      float[][] f = new float[to - from][];
      for (int i = from; i < to; i++) {
        f[i - from] = doc(i).features();
      }
      return f;
    }
  }

  /**
   * Trains a model.
   *
   * @param checkpoints folder for checkpoints and resumption, or null for none
   * @param progress    receives one line per epoch, may be null
   */
  public RerankModel train(ArchitectureConfig arch, Tokenizer tokenizer, List<RerankQuery> train,
                           List<RerankQuery> validation, Path checkpoints, Consumer<Progress> progress) {
    if (tokenizer.idCount() != arch.vocabularySize()) {
      throw new IllegalArgumentException("architecture vocabularySize " + arch.vocabularySize() + " != tokenizer ids " + tokenizer.idCount());
    }
    if (arch.head() == ScoreHead.BINARY && config.rlEpochs() > 0) {
      throw new IllegalArgumentException("GRPO needs the graded head: set rlEpochs to 0 for the binary head");
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training queries");
    }
    Engine engine = Tensors.engine();
    engine.setRandomSeed((int) config.seed());
    Device device = Tensors.defaultDevice();
    Encoded data = Encoded.of(train, tokenizer, arch);
    Encoded valData = validation == null ? null : Encoded.of(validation, tokenizer, arch);
    Model model = Model.newInstance("rerank", device, "PyTorch");
    model.setBlock(new CrossEncoderBlock(arch));
    long t0 = System.nanoTime();
    try {
      State state = checkpoints == null ? State.NONE : State.read(checkpoints, arch);
      if (state.stage.equals("rl") && config.rlEpochs() == 0) {
        model.load(checkpoints, SFT); // an SFT-only run on a folder that went on to RL: the SFT model
        RerankModel.completeLoadedBlock(model, arch);
      } else if (state.epoch > 0 || state.stage.equals("rl")) {
        model.load(checkpoints, CHECKPOINT);
        RerankModel.completeLoadedBlock(model, arch);
      }
      Map<String, Object> metrics = new LinkedHashMap<>();
      int sftFrom = state.stage.equals(SFT) ? state.epoch + 1 : config.sftEpochs() + 1;
      if (sftFrom <= config.sftEpochs()) {
        try (Trainer trainer = newTrainer(model, config.learningRate(), arch)) {
          for (int epoch = sftFrom; epoch <= config.sftEpochs(); epoch++) {
            Progress p = sftEpoch(trainer, data, arch, epoch, valData, model);
            metrics.put("sft_epoch" + epoch + "_validation_ndcg@10", p.validationNdcg10());
            if (checkpoints != null) {
              checkpoint(model, checkpoints, arch, SFT, epoch);
            }
            if (progress != null) {
              progress.accept(p);
            }
          }
        }
        if (checkpoints != null) {
          model.save(checkpoints, SFT);
        }
      }
      if (config.rlEpochs() > 0) {
        int rlFrom = state.stage.equals("rl") ? state.epoch + 1 : 1;
        if (rlFrom <= config.rlEpochs()) {
          Reference ref = reference(model, checkpoints, state.stage.equals("rl"), arch, data);
          try (Trainer trainer = newTrainer(model, config.rlLearningRate(), arch)) {
            for (int epoch = rlFrom; epoch <= config.rlEpochs(); epoch++) {
              Progress p = rlEpoch(trainer, data, arch, ref, epoch, valData, model);
              metrics.put("rl_epoch" + epoch + "_validation_ndcg@10", p.validationNdcg10());
              if (checkpoints != null) {
                checkpoint(model, checkpoints, arch, "rl", epoch);
              }
              if (progress != null) {
                progress.accept(p);
              }
            }
          }
        }
      }
      Map<String, Object> training = new LinkedHashMap<>();
      training.put("queries", train.size());
      training.put("pairs", data.pairs().size());
      training.put("validationQueries", validation == null ? 0 : validation.size());
      training.put("config", config.toString());
      training.put("seed", config.seed());
      training.put("device", device.toString());
      training.put("threads", System.getProperty("ai.djl.pytorch.num_threads"));
      training.put("resumedFrom", state.stage + " epoch " + state.epoch);
      training.put("seconds", (System.nanoTime() - t0) / 1e9);
      return new RerankModel(model, tokenizer, arch, training, metrics);
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException(e);
    } catch (MalformedModelException e) {
      model.close();
      throw new IllegalArgumentException(checkpoints + ": unreadable checkpoint: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private Trainer newTrainer(Model model, float lr, ArchitectureConfig arch) {
    DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()) // unused: the losses are built below
        .optDevices(new Device[] {model.getNDManager().getDevice()})
        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).optClipGrad(1f).build());
    Trainer trainer = model.newTrainer(tc);
    trainer.initialize(CrossEncoderBlock.inputShapes(arch)); // keeps parameters that a checkpoint loaded
    return trainer;
  }

  private Progress sftEpoch(Trainer trainer, Encoded data, ArchitectureConfig arch, int epoch,
                            Encoded validation, Model model) {
    long t0 = System.nanoTime();
    int n = data.pairs().size();
    int[] order = shuffled(n, new SplittableRandom(config.seed() * 1_000_003L + 100 + epoch));
    double lossSum = 0;
    int steps = 0;
    for (int from = 0; from < n; from += config.batchSize()) {
      int to = Math.min(n, from + config.batchSize());
      List<EncodedPair> pairs = new ArrayList<>();
      float[][] feats = new float[to - from][];
      float[] onehot = new float[(to - from) * arch.head().classes()];
      for (int k = from; k < to; k++) {
        int i = order[k];
        RerankDoc d = data.doc(i);
        pairs.add(data.pairs().get(i));
        feats[k - from] = d.features();
        int cls = arch.head() == ScoreHead.GRADED ? d.target() : (d.relevant() ? 1 : 0);
        onehot[(k - from) * arch.head().classes() + cls] = 1f;
      }
      try (NDManager sub = trainer.getManager().newSubManager();
           GradientCollector gc = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(new PairBatch(pairs, feats).toNDList(sub, arch.featureCount())).singletonOrThrow();
        NDArray target = Tensors.owned(sub, onehot, new Shape(to - from, arch.head().classes()));
        NDArray loss = logits.logSoftmax(1).mul(target).sum().neg().mul(Tensors.scalar(sub, 1f / (to - from)));
        float v = loss.getFloat();
        if (!Float.isFinite(v)) {
          throw new IllegalStateException("non-finite SFT loss " + v + " in epoch " + epoch + "; lower the learning rate");
        }
        gc.backward(loss);
        trainer.step();
        lossSum += v;
        steps++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Progress(SFT, epoch, lossSum / steps, validationNdcg(model, arch, validation), seconds, n);
  }

  /** The frozen SFT model's log-probabilities and argmax scores for every training pair. */
  private record Reference(float[][] logProbs, int[] scores) {}

  private Reference reference(Model model, Path checkpoints, boolean resumedInRl, ArchitectureConfig arch, Encoded data)
      throws IOException, MalformedModelException {
    Model source = model;
    Model loaded = null;
    if (resumedInRl) {
      loaded = Model.newInstance("rerank-sft", model.getNDManager().getDevice(), "PyTorch");
      loaded.setBlock(new CrossEncoderBlock(arch));
      loaded.load(checkpoints, SFT);
      RerankModel.completeLoadedBlock(loaded, arch);
      source = loaded;
    }
    try {
      RerankModel view = new RerankModel(source, null, arch, Map.of(), Map.of());
      float[][] p = view.probabilities(data.pairs(), data.features(0, data.pairs().size()), SCORE_BATCH);
      float[][] logp = new float[p.length][];
      int[] scores = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        logp[i] = new float[p[i].length];
        for (int c = 0; c < p[i].length; c++) {
          logp[i][c] = (float) Math.log(Math.max(p[i][c], 1e-30f));
        }
        scores[i] = ScoreHead.argmax(p[i]);
      }
      return new Reference(logp, scores);
    } finally {
      if (loaded != null) {
        loaded.close();
      }
    }
  }

  private Progress rlEpoch(Trainer trainer, Encoded data, ArchitectureConfig arch, Reference ref, int epoch,
                           Encoded validation, Model model) {
    long t0 = System.nanoTime();
    int classes = arch.head().classes();
    int g = config.groupSize();
    int[] order = shuffled(data.queries().size(), new SplittableRandom(config.seed() * 1_000_003L + 200 + epoch));
    SplittableRandom noise = new SplittableRandom(config.seed() * 1_000_003L + 300 + epoch);
    double lossSum = 0;
    int steps = 0;
    int pairsSeen = 0;
    for (int from = 0; from < order.length; from += config.rlQueries()) {
      int to = Math.min(order.length, from + config.rlQueries());
      List<Integer> pairIdx = new ArrayList<>();
      List<int[]> groups = new ArrayList<>(); // [first index into pairIdx, count, query]
      for (int k = from; k < to; k++) {
        int q = order[k];
        groups.add(new int[] {pairIdx.size(), data.firstPair()[q + 1] - data.firstPair()[q], q});
        for (int i = data.firstPair()[q]; i < data.firstPair()[q + 1]; i++) {
          pairIdx.add(i);
        }
      }
      int b = pairIdx.size();
      if (b == 0) {
        continue;
      }
      List<EncodedPair> pairs = new ArrayList<>(b);
      float[][] feats = new float[b][];
      float[] refLogp = new float[b * classes];
      for (int j = 0; j < b; j++) {
        int i = pairIdx.get(j);
        pairs.add(data.pairs().get(i));
        feats[j] = docOf(data, i).features();
        System.arraycopy(ref.logProbs()[i], 0, refLogp, j * classes, classes);
      }
      PairBatch batch = new PairBatch(pairs, feats);
      float[] actionsOneHot = null;
      float[] oldLogpA = null;
      float[] advantages = null;
      for (int u = 0; u < config.policyUpdates(); u++) {
        try (NDManager sub = trainer.getManager().newSubManager();
             GradientCollector gc = trainer.newGradientCollector()) {
          NDArray logp = trainer.forward(batch.toNDList(sub, arch.featureCount())).singletonOrThrow().logSoftmax(1);
          if (u == 0) {
            float[] lp = logp.toFloatArray();
            actionsOneHot = new float[b * g * classes];
            oldLogpA = new float[b * g];
            advantages = new float[b * g];
            rollouts(lp, groups, pairIdx, data, ref, noise, classes, actionsOneHot, oldLogpA, advantages);
          }
          NDArray onehot = Tensors.owned(sub, actionsOneHot, new Shape(b, g, classes));
          NDArray logpA = logp.expandDims(1).mul(onehot).sum(new int[] {2}); // (b, g)
          NDArray ratio = logpA.sub(Tensors.owned(sub, oldLogpA, new Shape(b, g))).exp();
          NDArray adv = Tensors.owned(sub, advantages, new Shape(b, g));
          NDArray clipped = ratio.clip(1 - config.clipEpsilon(), 1 + config.clipEpsilon());
          NDArray objective = ratio.mul(adv).minimum(clipped.mul(adv)).mean();
          NDArray refArr = Tensors.owned(sub, refLogp, new Shape(b, classes));
          NDArray kl = logp.exp().mul(logp.sub(refArr)).sum(new int[] {1}).mean();
          NDArray loss = objective.neg().add(kl.mul(Tensors.scalar(sub, (float) config.klBeta())));
          float v = loss.getFloat();
          if (!Float.isFinite(v)) {
            throw new IllegalStateException("non-finite GRPO loss " + v + " in epoch " + epoch + "; lower the learning rate");
          }
          gc.backward(loss);
          trainer.step();
          lossSum += v;
          steps++;
        }
      }
      pairsSeen += b;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Progress("rl", epoch, steps == 0 ? Double.NaN : lossSum / steps, validationNdcg(model, arch, validation), seconds,
        pairsSeen);
  }

  /**
   * Samples G scores per document (Gumbel-max on the log-probabilities {@code lp}), computes the
   * rewards per query and the advantages per document, and fills the three output arrays.
   */
  private void rollouts(float[] lp, List<int[]> groups, List<Integer> pairIdx, Encoded data, Reference ref,
                        SplittableRandom noise, int classes, float[] onehot, float[] oldLogpA, float[] advantages) {
    int g = config.groupSize();
    for (int[] grp : groups) {
      int start = grp[0];
      int n = grp[1];
      int[][] sampled = new int[n][g];
      boolean[] relevant = new boolean[n];
      int[] sft = new int[n];
      for (int i = 0; i < n; i++) {
        int j = start + i;
        int pair = pairIdx.get(j);
        relevant[i] = docOf(data, pair).relevant();
        sft[i] = ref.scores()[pair];
        for (int k = 0; k < g; k++) {
          sampled[i][k] = gumbelMax(lp, j * classes, classes, noise);
        }
      }
      double[][] rewards = Grpo.rewards(sampled, relevant, sft, config.reward());
      for (int i = 0; i < n; i++) {
        int j = start + i;
        double[] a = Grpo.advantages(rewards[i]);
        for (int k = 0; k < g; k++) {
          int s = sampled[i][k];
          onehot[(j * g + k) * classes + s] = 1f;
          oldLogpA[j * g + k] = lp[j * classes + s];
          advantages[j * g + k] = (float) a[k];
        }
      }
    }
  }

  /** argmax_c (logp[c] + Gumbel noise): a sample from the categorical distribution exp(logp). */
  static int gumbelMax(float[] logp, int offset, int classes, SplittableRandom rng) {
    int best = 0;
    double bestV = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      double u = rng.nextDouble();
      double v = logp[offset + c] - Math.log(-Math.log(Math.max(u, 1e-300)));
      if (v > bestV) {
        bestV = v;
        best = c;
      }
    }
    return best;
  }

  private static RerankDoc docOf(Encoded data, int pair) {
    return data.doc(pair);
  }

  /** Mean nDCG@10 of the model's ranking of each validation query's documents (NaN without validation). */
  static double validationNdcg(Model model, ArchitectureConfig arch, Encoded validation) {
    if (validation == null || validation.queries().isEmpty()) {
      return Double.NaN;
    }
    RerankModel view = new RerankModel(model, null, arch, Map.of(), Map.of());
    float[][] p = view.probabilities(validation.pairs(), validation.features(0, validation.pairs().size()), SCORE_BATCH);
    double sum = 0;
    for (int q = 0; q < validation.queries().size(); q++) {
      int from = validation.firstPair()[q];
      double[] s = new double[validation.firstPair()[q + 1] - from];
      for (int i = 0; i < s.length; i++) {
        s[i] = arch.head().rankingScore(p[from + i]);
      }
      sum += ndcg10(validation.queries().get(q), s);
    }
    return sum / validation.queries().size();
  }

  /** nDCG@10 of documents ordered by descending score (stable: ties keep the input order). */
  public static double ndcg10(RerankQuery q, double[] scores) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
    List<String> ranking = new ArrayList<>();
    Map<String, Integer> grades = new HashMap<>();
    for (RerankDoc d : q.docs()) {
      grades.put(d.docId(), d.grade());
    }
    for (int i : idx) {
      ranking.add(q.docs().get(i).docId());
    }
    return RankingMetrics.ndcg(ranking, grades, 10);
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    return Shuffle.permutation(n, rng);
  }

  private static void checkpoint(Model model, Path dir, ArchitectureConfig arch, String stage, int epoch) throws IOException {
    Files.createDirectories(dir);
    model.save(dir, CHECKPOINT);
    JsonObject o = new JsonObject();
    o.addProperty("stage", stage);
    o.addProperty("epoch", epoch);
    o.add("architecture", RerankModel.architectureJson(arch));
    Path tmp = dir.resolve("checkpoint.json.tmp");
    Files.writeString(tmp, JsonUtils.GSON_PRETTY.toJson(o));
    Files.move(tmp, dir.resolve("checkpoint.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Where a run stands: the last completed epoch of a stage. */
  private record State(String stage, int epoch) {
    static final State NONE = new State(SFT, 0);

    static State read(Path dir, ArchitectureConfig arch) throws IOException {
      Path f = dir.resolve("checkpoint.json");
      if (!Files.isRegularFile(f)) {
        return NONE;
      }
      JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
      ArchitectureConfig saved = RerankModel.architectureOf(o.getAsJsonObject("architecture"), f);
      if (!saved.equals(arch)) {
        throw new IllegalArgumentException(f + ": field 'architecture': the checkpoint has " + saved + ", this run " + arch);
      }
      return new State(o.get("stage").getAsString(), o.get("epoch").getAsInt());
    }
  }

}
