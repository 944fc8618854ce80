package io.rankstack.eval.rerank;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.lambdamart.LambdaMartConfig;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import io.rankstack.rerank.ArchitectureConfig;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.RerankTrainer;
import io.rankstack.rerank.RewardParameters;
import io.rankstack.rerank.ScoreHead;
import io.rankstack.rerank.Tokenizer;
import io.rankstack.rerank.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * SciFact, train split → test split, reranking BM25's top 100 with the cross-encoder: BM25, binary
 * SFT, graded SFT, graded SFT + GRPO, each alone and in the 0.2/0.8 z-score hybrid.
 */
@Command(name = "scifact", mixinStandardHelpOptions = true,
    description = {"SciFact train → test: BM25 top-N, a LambdaMART teacher (2-fold cross-fitted on the train queries) for the",
        "fine-grained targets, then the binary SFT, graded SFT and graded SFT+RL rerankers, alone and in the hybrid.",
        "Writes runs, models (models/<config>) and checkpoints under --work; rerunning resumes from the checkpoints."})
public final class SciFactRerankCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;
  @Option(names = "--work", defaultValue = "target/rerank-experiments/scifact", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path work;
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
  @Option(names = "--train-queries", defaultValue = "0", description = "Use only this many train queries (seeded sample), 0 all (default ${DEFAULT-VALUE}).")
  int trainQueries;
  @Option(names = "--bm25-features", description = "Feed [z(BM25), 1/rank] of the BM25 top-100 list into the head (default: off).")
  boolean bm25Features;
  @Option(names = "--ltr-features", description = {"Feed the full LTR feature vector (the features LambdaMART uses, 60 on SciFact),",
      "standardised per query over the BM25 top-100 list, into the head (default: off)."})
  boolean ltrFeatures;
  @Option(names = "--literal-ties", description = {"GRPO reward with the literal min-rank ties (a relevant rollout tied with",
      "non-relevant ones counts as rank 1); default: ties count against the relevant document."})
  boolean literalTies;
  @Option(names = "--hybrid-weight", defaultValue = "0.2", description = "Weight of z(BM25) in the hybrid (default ${DEFAULT-VALUE}).")
  double hybridWeight;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      return run(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int run(PrintWriter out) throws IOException {
    Path dir = data.resolve("scifact");
    Files.createDirectories(work);
    Path index = work.resolve("index");
    Path corpus = dir.resolve("corpus.jsonl");
    RerankData.ensureIndex(DocumentFormat.BEIR, corpus, index, out);
    Path trainQrels = dir.resolve("qrels/train.tsv");
    Path testQrels = dir.resolve("qrels/test.tsv");
    List<Query> trainQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", trainQrels);
    List<Query> testQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", testQrels);
    Judgments trainJ = TrecFormats.readAnyQrels(trainQrels);
    Judgments testJ = TrecFormats.readAnyQrels(testQrels);
    if (trainQueries > 0 && trainQueries < trainQ.size()) {
      Set<String> keep = LtrSupport.sample(trainQ.stream().map(Query::id).toList(), (double) trainQueries / trainQ.size(), seed);
      trainQ = trainQ.stream().filter(q -> keep.contains(q.id())).toList();
    }
    Map<String, String> texts = RerankData.texts(DocumentFormat.BEIR, corpus);
    if (bm25Features && ltrFeatures) {
      throw new IllegalArgumentException("--bm25-features and --ltr-features exclude each other");
    }
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(0.9f, 0.4f))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, "auto"));
      LtrSupport.Extraction tr = LtrSupport.extract(searcher, fx, trainQ, trainJ, 100, "scifact-train-top100");
      Run bm25Train = tr.firstStage();
      Run bm25Test = searcher.run("bm25", testQ, top);
      Map<String, Double> teacher = crossFittedTeacher(tr.data(), fx.names(), out);
      HeadFeatures features = ltrFeatures ? new LtrHeadFeatures(fx) : bm25Features ? HeadFeatures.BM25 : HeadFeatures.NONE;
      return experiment(out, trainQ, testQ, trainJ, testJ, testQrels, texts, bm25Train, bm25Test, teacher, features);
    }
  }

  private int experiment(PrintWriter out, List<Query> trainQ, List<Query> testQ, Judgments trainJ, Judgments testJ,
                         Path testQrels, Map<String, String> texts, Run bm25Train, Run bm25Test,
                         Map<String, Double> teacher, HeadFeatures features) {
    List<RerankQuery> lists = RerankData.trainingLists(trainQ, trainJ, bm25Train, teacher, texts, perQuery, seed, features);
    Set<String> held = LtrSupport.sample(lists.stream().map(RerankQuery::queryId).toList(), validFraction, seed);
    List<RerankQuery> fit = lists.stream().filter(q -> !held.contains(q.queryId())).toList();
    final Run bm25TrainLists = bm25Train;
    List<RerankQuery> valid = lists.stream().filter(q -> held.contains(q.queryId()))
        .map(q -> RerankData.inFirstStageOrder(q, bm25TrainLists)).toList();
    int pairs = fit.stream().mapToInt(q -> q.docs().size()).sum();
    int[] hist = new int[11];
    fit.forEach(q -> q.docs().forEach(d -> hist[d.target()]++));
    out.printf(Locale.ROOT, "training lists: %d queries (%d pairs), validation %d queries; target histogram 0..10 %s%n",
        fit.size(), pairs, valid.size(), java.util.Arrays.toString(hist));
    List<String> vocabTexts = new ArrayList<>(texts.values());
    fit.forEach(q -> vocabTexts.add(q.text()));
    Tokenizer tok = Tokenizer.build(vocabTexts, 2, vocabulary, buckets);
    out.printf(Locale.ROOT, "tokenizer: %d words (corpus + train queries, count >= 2) + %d buckets%n", tok.vocabulary().size(), buckets);

    List<String> names = new ArrayList<>(List.of("BM25 (k1=0.9, b=0.4)"));
    List<Run> runs = new ArrayList<>(List.of(bm25Test));
    Path bm25Path = write(bm25Test, "bm25.run");
    printRow(out, testJ, names.get(0), bm25Test);
    Run best = null;
    String bestName = null;
    double bestNdcg = -1;
    for (String c : configs) {
      ScoreHead head = c.equals("binary") ? ScoreHead.BINARY : ScoreHead.GRADED;
      int rl = c.equals("graded-rl") ? rlEpochs : 0;
      if (!List.of("binary", "graded", "graded-rl").contains(c)) {
        throw new IllegalArgumentException("unknown configuration '" + c + "' (binary, graded, graded-rl)");
      }
      ArchitectureConfig arch = new ArchitectureConfig(head, layers, hidden, heads, maxLength, maxQueryTokens,
          features.count(), tok.idCount());
      TrainingConfig tc = new TrainingConfig(sftEpochs, rl, batch, rlQueries, lr, rlLr, group, 0.2, 0.001, 1,
          new RewardParameters(1, penalty, anchor, !literalTies), seed);
      Path ckpt = work.resolve("checkpoints").resolve(head == ScoreHead.BINARY ? "binary" : "graded");
      out.println("== " + c + ": " + arch + "; " + tc);
      out.flush();
      try (RerankModel m = new RerankTrainer(tc).train(arch, tok, fit, valid, ckpt, p -> {
        out.println("  " + p);
        out.flush();
      })) {
        m.withFeatureNames(features.names());
        out.printf(Locale.ROOT, "  model: %d parameters (%.1f MB as float32)%n", m.parameterCount(), m.parameterCount() * 4 / 1e6);
        Run[] r = RerankData.rerank(m, features, testQ, bm25Test, texts, c, hybridWeight, out);
        double nd = LtrSupport.metrics(testJ, r[0]).get("ndcg_cut_10");
        m.putMetric("scifact_test_ndcg@10", nd);
        m.putMetric("scifact_test_hybrid_ndcg@10", LtrSupport.metrics(testJ, r[1]).get("ndcg_cut_10"));
        m.save(work.resolve("models").resolve(c));
        String label = switch (c) {
          case "binary" -> "binary SFT (P(yes))";
          case "graded" -> "graded SFT (s × P(s))";
          default -> "graded SFT + GRPO (s × P(s))";
        } + (ltrFeatures ? ", " + features.count() + " LTR features in the head" : bm25Features ? ", BM25 features in the head" : "");
        for (int k = 0; k < 2; k++) {
          String name = label + (k == 1 ? ", hybrid 0.2·z(BM25) + 0.8·z(rerank)" : "");
          names.add(name);
          runs.add(r[k]);
          write(r[k], c + (k == 1 ? "-hybrid" : "") + ".run");
          double v = printRow(out, testJ, name, r[k]);
          if (v > bestNdcg) {
            bestNdcg = v;
            best = r[k];
            bestName = c + (k == 1 ? "-hybrid" : "");
          }
        }
      }
    }
    out.println("SciFact test (" + testQ.size() + " queries), reranking BM25 top " + top + ":");
    var first = LtrSupport.metrics(testJ, runs.get(0));
    out.println(LtrSupport.tableHeader(first));
    for (int i = 0; i < runs.size(); i++) {
      out.println(LtrSupport.row(names.get(i), i == 0 ? first : LtrSupport.metrics(testJ, runs.get(i))));
    }
    if (best != null) {
      Path b = work.resolve(bestName + ".run");
      out.printf("$ rankstack-eval compare %s %s %s -m ndcg_cut.10%n", testQrels, bm25Path, b);
      int rc = RankstackEval.run(new String[] {"compare", testQrels.toString(), bm25Path.toString(), b.toString(), "-m", "ndcg_cut.10"},
          out, out);
      if (rc != 0) {
        throw new IllegalStateException("compare exited with " + rc);
      }
    }
    return 0;
  }

  private double printRow(PrintWriter out, Judgments qrels, String name, Run run) {
    Map<String, Double> m = LtrSupport.metrics(qrels, run);
    out.println("  result: " + LtrSupport.row(name, m));
    out.flush();
    return m.get("ndcg_cut_10");
  }

  private Path write(Run run, String name) {
    Path p = work.resolve(name);
    TrecFormats.writeRun(LtrSupport.rankScores(run), p);
    return p;
  }

  /**
   * LambdaMART teacher scores for every train row, 2-fold cross-fitted: each half of the train
   * queries is scored by a model fitted on the other half (20% of it held out for early stopping),
   * so no teacher score comes from a model that saw the row's judgments. Key: query id TAB doc id.
   */
  private Map<String, Double> crossFittedTeacher(LetorDataset train, List<String> names, PrintWriter out) {
    List<Set<String>> folds = LtrSupport.folds(train.queryIds(), 2, seed);
    Map<String, Double> scores = new HashMap<>();
    for (int f = 0; f < 2; f++) {
      LetorDataset scored = train.subset(folds.get(f), "teacher-fold" + f);
      LetorDataset other = train.subset(folds.get(1 - f), "teacher-fit" + f);
      Set<String> held = LtrSupport.sample(other.queryIds(), 0.2, seed);
      LetorDataset val = other.subset(held, "teacher-valid" + f);
      Set<String> fitIds = new HashSet<>(other.queryIds());
      fitIds.removeAll(held);
      LetorDataset fitData = other.subset(fitIds, "teacher-train" + f);
      LambdaMartConfig cfg = LambdaMartConfig.defaults().withSeed(seed);
      try (LambdaMartModel m = new LambdaMartTrainer(cfg, InstantSource.system()).train(fitData, val, names)) {
        float[] s = m.score(scored.denseMatrix(), scored.size());
        List<LetorRow> rows = scored.rows();
        for (int i = 0; i < rows.size(); i++) {
          scores.put(rows.get(i).queryId() + "\t" + rows.get(i).docId(), (double) s[i]);
        }
        out.printf(Locale.ROOT, "teacher fold %d: LambdaMART on %d queries (%d trees), scores %d queries%n", f,
            fitData.queryIds().size(), m.info().trees(), scored.queryIds().size());
      }
    }
    return scores;
  }
}
