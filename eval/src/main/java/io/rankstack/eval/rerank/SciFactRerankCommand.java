package io.rankstack.eval.rerank;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.lambdamart.LambdaMartConfig;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Mixin RerankRecipe recipe;
  @Option(names = "--train-queries", defaultValue = "0", description = "Use only this many train queries (seeded sample), 0 all (default ${DEFAULT-VALUE}).")
  int trainQueries;
  @Option(names = "--bm25-features", description = "Feed [z(BM25), 1/rank] of the BM25 top-100 list into the head (default: off).")
  boolean bm25Features;

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
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, index, out);
    Path trainQrels = dir.resolve("qrels/train.tsv");
    Path testQrels = dir.resolve("qrels/test.tsv");
    List<Query> trainQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", trainQrels);
    List<Query> testQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", testQrels);
    Judgments trainJ = TrecFormats.readAnyQrels(trainQrels);
    Judgments testJ = TrecFormats.readAnyQrels(testQrels);
    if (trainQueries > 0 && trainQueries < trainQ.size()) {
      Set<String> keep = LtrSupport.sample(trainQ.stream().map(Query::id).toList(), (double) trainQueries / trainQ.size(), recipe.seed);
      trainQ = trainQ.stream().filter(q -> keep.contains(q.id())).toList();
    }
    Map<String, String> texts = RerankData.texts(DocumentFormat.BEIR, corpus);
    if (bm25Features && recipe.ltrFeatures) {
      throw new IllegalArgumentException("--bm25-features and --ltr-features exclude each other");
    }
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(0.9f, 0.4f))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, "auto"));
      LtrSupport.Extraction tr = LtrSupport.extract(searcher, fx, trainQ, trainJ, 100, "scifact-train-top100");
      Run bm25Train = tr.firstStage();
      Run bm25Test = searcher.run("bm25", testQ, recipe.top);
      Map<String, Double> teacher = crossFittedTeacher(tr.data(), fx.names(), out);
      HeadFeatures features = recipe.ltrFeatures ? new LtrHeadFeatures(fx) : bm25Features ? HeadFeatures.BM25 : HeadFeatures.NONE;
      return experiment(out, trainQ, testQ, trainJ, testJ, testQrels, texts, bm25Train, bm25Test, teacher, features);
    }
  }

  private int experiment(PrintWriter out, List<Query> trainQ, List<Query> testQ, Judgments trainJ, Judgments testJ,
                         Path testQrels, Map<String, String> texts, Run bm25Train, Run bm25Test,
                         Map<String, Double> teacher, HeadFeatures features) {
    List<RerankQuery> lists = RerankData.trainingLists(trainQ, trainJ, bm25Train, teacher, texts, recipe.perQuery, recipe.seed, features);
    List<List<RerankQuery>> split = recipe.split(lists, bm25Train, out);
    List<RerankQuery> fit = split.get(0);
    List<RerankQuery> valid = split.get(1);
    Tokenizer tok = recipe.tokenizer(texts, fit, out);
    recipe.checkConfigs();

    RerankResults results = new RerankResults(out, testJ, testQrels, work, bm25Test);
    for (String c : recipe.configs) {
      try (RerankRecipe.Trained t = recipe.trainAndRerank(c, tok, features, fit, valid, work.resolve("checkpoints"),
          testQ, bm25Test, texts, out)) {
        RerankModel m = t.model();
        Run[] r = {t.plain(), t.hybrid()};
        double nd = LtrSupport.metrics(testJ, r[0]).get("ndcg_cut_10");
        m.putMetric("scifact_test_ndcg@10", nd);
        m.putMetric("scifact_test_hybrid_ndcg@10", LtrSupport.metrics(testJ, r[1]).get("ndcg_cut_10"));
        m.save(work.resolve("models").resolve(c));
        String label = recipe.label(c, recipe.ltrFeatures ? ", " + features.count() + " LTR features in the head"
            : bm25Features ? ", BM25 features in the head" : "");
        results.add(c + ".run", label, r[0]);
        results.add(c + "-hybrid.run", label + recipe.hybridSuffix(), r[1]);
      }
    }
    results.finish("SciFact test (" + testQ.size() + " queries), reranking BM25 top " + recipe.top + ":");
    return 0;
  }

  /**
   * LambdaMART teacher scores for every train row, 2-fold cross-fitted: each half of the train
   * queries is scored by a model fitted on the other half (20% of it held out for early stopping),
   * so no teacher score comes from a model that saw the row's judgments. Key: query id TAB doc id.
   */
  private Map<String, Double> crossFittedTeacher(LetorDataset train, List<String> names, PrintWriter out) {
    List<Set<String>> folds = LtrSupport.folds(train.queryIds(), 2, recipe.seed);
    Map<String, Double> scores = new HashMap<>();
    for (int f = 0; f < 2; f++) {
      LetorDataset scored = train.subset(folds.get(f), "teacher-fold" + f);
      LetorDataset other = train.subset(folds.get(1 - f), "teacher-fit" + f);
      Set<String> held = LtrSupport.sample(other.queryIds(), 0.2, recipe.seed);
      LetorDataset val = other.subset(held, "teacher-valid" + f);
      Set<String> fitIds = new HashSet<>(other.queryIds());
      fitIds.removeAll(held);
      LetorDataset fitData = other.subset(fitIds, "teacher-train" + f);
      LambdaMartConfig cfg = LambdaMartConfig.defaults().withSeed(recipe.seed);
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
