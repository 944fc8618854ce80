package io.rankstack.eval.rerank;

import io.rankstack.core.Query;
import io.rankstack.core.Run;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.rerank.ArchitectureConfig;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.RerankTrainer;
import io.rankstack.rerank.RewardParameters;
import io.rankstack.rerank.ScoreHead;
import io.rankstack.rerank.Tokenizer;
import io.rankstack.rerank.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The reranker experiments' shared recipe (a picocli mixin): the model and training options and the
 * steps every collection runs the same way: training/validation split, tokenizer, and "train one
 * configuration, rerank the test lists" (binary SFT, graded SFT, graded SFT + GRPO, each alone and
 * in the z-score hybrid with BM25).
 */
final class RerankRecipe {
  static final List<String> CONFIGS = List.of("binary", "graded", "graded-rl");

  @Option(names = "--top", defaultValue = "100", description = "BM25 candidates per test query (default ${DEFAULT-VALUE}).")
  int top;
  @Option(names = "--docs-per-query", defaultValue = "20", description = "Training documents per query (default ${DEFAULT-VALUE}).")
  int perQuery;
  @Option(names = "--configs", defaultValue = "binary,graded,graded-rl", split = ",",
      description = "Configurations, in order (default ${DEFAULT-VALUE}); graded-rl continues graded's checkpoint.")
  List<String> configs;
  @Option(names = "--layers", defaultValue = "2") int layers;
  @Option(names = "--hidden", defaultValue = "64") int hidden;
  @Option(names = "--heads", defaultValue = "4") int heads;
  @Option(names = "--max-length", defaultValue = "128", description = "Tokens per query–document pair (default ${DEFAULT-VALUE}).")
  int maxLength;
  @Option(names = "--max-query-tokens", defaultValue = "32") int maxQueryTokens;
  @Option(names = "--buckets", defaultValue = "4096", description = "Hashed sub-word buckets (default ${DEFAULT-VALUE}).")
  int buckets;
  @Option(names = "--vocabulary", defaultValue = "30000", description = "Vocabulary words at most (default ${DEFAULT-VALUE}).")
  int vocabulary;
  @Option(names = "--sft-epochs", defaultValue = "2") int sftEpochs;
  @Option(names = "--rl-epochs", defaultValue = "1") int rlEpochs;
  @Option(names = "--batch", defaultValue = "32") int batch;
  @Option(names = "--lr", defaultValue = "0.001") float lr;
  @Option(names = "--rl-lr", defaultValue = "0.00002",
      description = "Adam's learning rate of the GRPO stage (default ${DEFAULT-VALUE}; policy gradients need far less than SFT's).")
  float rlLr;
  @Option(names = "--rl-queries", defaultValue = "2", description = "Queries per GRPO step (default ${DEFAULT-VALUE}).")
  int rlQueries;
  @Option(names = "--group", defaultValue = "5", description = "G, sampled scores per document (default ${DEFAULT-VALUE}).")
  int group;
  @Option(names = "--penalty", defaultValue = "1") double penalty;
  @Option(names = "--anchor", defaultValue = "1") double anchor;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--valid-fraction", defaultValue = "0.1", description = "Train queries held out for validation nDCG@10 (default ${DEFAULT-VALUE}).")
  double validFraction;
  @Option(names = "--ltr-features", description = {"Feed the full LTR feature vector (the features LambdaMART uses, 60 on SciFact),",
      "standardised per query over the BM25 top-100 list, into the head (default: off)."})
  boolean ltrFeatures;
  @Option(names = "--literal-ties", description = {"GRPO reward with the literal min-rank ties (a relevant rollout tied with",
      "non-relevant ones counts as rank 1); default: ties count against the relevant document."})
  boolean literalTies;
  @Option(names = "--hybrid-weight", defaultValue = "0.2", description = "Weight of z(BM25) in the hybrid (default ${DEFAULT-VALUE}).")
  double hybridWeight;

  /** Fails on a configuration name outside {@link #CONFIGS}. */
  void checkConfigs() {
    for (String c : configs) {
      if (!CONFIGS.contains(c)) {
        throw new IllegalArgumentException("unknown configuration '" + c + "' (binary, graded, graded-rl)");
      }
    }
  }

  /** Training lists split into [fit, validation]; validation lists in first-stage order. */
  List<List<RerankQuery>> split(List<RerankQuery> lists, Run firstStage, PrintWriter out) {
    Set<String> held = LtrSupport.sample(lists.stream().map(RerankQuery::queryId).toList(), validFraction, seed);
    List<RerankQuery> fit = lists.stream().filter(q -> !held.contains(q.queryId())).toList();
    List<RerankQuery> valid = lists.stream().filter(q -> held.contains(q.queryId()))
        .map(q -> RerankData.inFirstStageOrder(q, firstStage)).toList();
    int pairs = fit.stream().mapToInt(q -> q.docs().size()).sum();
    int[] hist = new int[11];
    fit.forEach(q -> q.docs().forEach(d -> hist[d.target()]++));
    out.printf(Locale.ROOT, "training lists: %d queries (%d pairs), validation %d queries; target histogram 0..10 %s%n",
        fit.size(), pairs, valid.size(), Arrays.toString(hist));
    return List.of(fit, valid);
  }

  /** The tokenizer over the corpus and the training queries (words seen twice + hashed buckets). */
  Tokenizer tokenizer(Map<String, String> texts, List<RerankQuery> fit, PrintWriter out) {
    List<String> vocabTexts = new ArrayList<>(texts.values());
    fit.forEach(q -> vocabTexts.add(q.text()));
    Tokenizer tok = Tokenizer.build(vocabTexts, 2, vocabulary, buckets);
    out.printf(Locale.ROOT, "tokenizer: %d words (corpus + train queries, count >= 2) + %d buckets%n", tok.vocabulary().size(), buckets);
    return tok;
  }

  /** A trained model and its two test runs (plain, hybrid); closing closes the model. */
  record Trained(RerankModel model, Run plain, Run hybrid) implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }
  }

  /**
   * Trains configuration {@code config} (resuming from {@code checkpoints}/binary or /graded) and
   * reranks every test query's first-stage list.
   */
  Trained trainAndRerank(String config, Tokenizer tok, HeadFeatures features, List<RerankQuery> fit, List<RerankQuery> valid,
                         Path checkpoints, List<Query> testQ, Run firstStage, Map<String, String> texts, PrintWriter out) {
    ScoreHead head = config.equals("binary") ? ScoreHead.BINARY : ScoreHead.GRADED;
    int rl = config.equals("graded-rl") ? rlEpochs : 0;
    ArchitectureConfig arch = new ArchitectureConfig(head, layers, hidden, heads, maxLength, maxQueryTokens,
        features.count(), tok.idCount());
    TrainingConfig tc = new TrainingConfig(sftEpochs, rl, batch, rlQueries, lr, rlLr, group, 0.2, 0.001, 1,
        new RewardParameters(1, penalty, anchor, !literalTies), seed);
    Path ckpt = checkpoints.resolve(head == ScoreHead.BINARY ? "binary" : "graded");
    out.println("== " + config + ": " + arch + "; " + tc);
    out.flush();
    RerankModel m = new RerankTrainer(tc).train(arch, tok, fit, valid, ckpt, p -> {
      out.println("  " + p);
      out.flush();
    });
    try {
      m.withFeatureNames(features.names());
      out.printf(Locale.ROOT, "  model: %d parameters (%.1f MB as float32)%n", m.parameterCount(), m.parameterCount() * 4 / 1e6);
      Run[] r = RerankData.rerank(m, features, testQ, firstStage, texts, config, hybridWeight, out);
      return new Trained(m, r[0], r[1]);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** The table label of a configuration, with the head's features. */
  String label(String config, String featureNote) {
    return switch (config) {
      case "binary" -> "binary SFT (P(yes))";
      case "graded" -> "graded SFT (s × P(s))";
      default -> "graded SFT + GRPO (s × P(s))";
    } + featureNote;
  }

  /** The hybrid's label suffix. */
  String hybridSuffix() {
    return String.format(Locale.ROOT, ", hybrid %s·z(BM25) + %s·z(rerank)", fmt(hybridWeight), fmt(1 - hybridWeight));
  }

  private static String fmt(double w) {
    return java.math.BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
  }
}
