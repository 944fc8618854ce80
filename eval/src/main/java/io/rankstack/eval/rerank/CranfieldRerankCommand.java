package io.rankstack.eval.rerank;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Cranfield, k-fold cross-validation over queries (seeded, the folds of {@code ltr cv}): per fold the
 * rerankers are trained on the other folds' queries, with targets from Cranfield's graded judgments
 * ({@link io.rankstack.rerank.TargetScores#fromGrade}, no teacher), validated on a slice of them and
 * tested on the held-out fold's BM25 lists; the held-out runs are pooled into one run over all
 * queries and evaluated against BM25's.
 */
@Command(name = "cranfield", mixinStandardHelpOptions = true,
    description = {"Cranfield, k-fold CV over queries: per fold binary SFT, graded SFT and graded SFT+RL rerankers trained on",
        "the other folds with grade-table targets, tested on the held-out fold; pooled runs against BM25."})
public final class CranfieldRerankCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder holding cranfield/ (default ${DEFAULT-VALUE}).")
  Path data;
  @Option(names = "--work", defaultValue = "target/rerank-experiments/cranfield", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path work;
  @Option(names = "--folds", defaultValue = "5", description = "Folds over the queries (default ${DEFAULT-VALUE}).")
  int folds;
  @Mixin RerankRecipe recipe;

  @Override
  public Integer call() {
    try {
      return run(spec.commandLine().getOut());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int run(PrintWriter out) throws IOException {
    recipe.checkConfigs();
    Path dir = data.resolve("cranfield");
    Path corpus = dir.resolve("corpus.jsonl");
    Path qrels = dir.resolve("qrels/test.tsv");
    Files.createDirectories(work);
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, work.resolve("index"), out);
    List<Query> qs = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", qrels);
    Judgments j = TrecFormats.readAnyQrels(qrels);
    Map<String, String> texts = RerankData.texts(DocumentFormat.BEIR, corpus);
    try (Bm25Searcher searcher = Bm25Searcher.open(work.resolve("index"), new Bm25Parameters(0.9f, 0.4f))) {
      HeadFeatures features = recipe.ltrFeatures
          ? new LtrHeadFeatures(FeatureExtractor.of(searcher, LtrSupport.fields(searcher, "auto"))) : HeadFeatures.NONE;
      Run bm25 = searcher.run("bm25", qs, recipe.top);
      List<Set<String>> fs = LtrSupport.folds(qs.stream().map(Query::id).toList(), folds, recipe.seed);
      out.printf(Locale.ROOT, "cranfield: %d judged queries, %d folds (seed %d), BM25 top %d, %d head features%n",
          qs.size(), folds, recipe.seed, recipe.top, features.count());
      RerankResults results = new RerankResults(out, j, qrels, work, bm25);
      String note = recipe.ltrFeatures ? ", " + features.count() + " LTR features in the head" : "";
      // configurations outside, folds inside: each configuration's pooled row is final before the next starts
      for (String c : recipe.configs) {
        Map<String, List<RankedList>> pooled = new LinkedHashMap<>();
        pooled.put(c, new ArrayList<>());
        pooled.put(c + "-hybrid", new ArrayList<>());
        for (int f = 0; f < fs.size(); f++) {
          Set<String> testIds = fs.get(f);
          List<Query> test = qs.stream().filter(q -> testIds.contains(q.id())).toList();
          List<Query> train = qs.stream().filter(q -> !testIds.contains(q.id())).toList();
          out.printf(Locale.ROOT, "-- %s, fold %d/%d: %d train, %d test queries%n", c, f + 1, fs.size(), train.size(), test.size());
          List<RerankQuery> lists = RerankData.trainingLists(train, j, bm25, null, texts, recipe.perQuery, recipe.seed, features);
          List<List<RerankQuery>> split = recipe.split(lists, bm25, out);
          Tokenizer tok = recipe.tokenizer(texts, split.get(0), out);
          try (RerankRecipe.Trained t = recipe.trainAndRerank(c, tok, features, split.get(0), split.get(1),
              work.resolve("checkpoints").resolve("fold" + (f + 1)), test, bm25, texts, out)) {
            pooled.get(c).addAll(t.plain().lists().values());
            pooled.get(c + "-hybrid").addAll(t.hybrid().lists().values());
          }
        }
        for (Map.Entry<String, List<RankedList>> e : pooled.entrySet()) {
          boolean hybrid = e.getKey().endsWith("-hybrid");
          results.add(e.getKey() + ".run", recipe.label(c, note) + (hybrid ? recipe.hybridSuffix() : ""), Run.of(e.getKey(), e.getValue()));
        }
      }
      results.finish(String.format(Locale.ROOT,
          "Cranfield, %d-fold CV over %d queries (held-out rankings pooled), reranking BM25 top %d:", folds, qs.size(), recipe.top));
    }
    return 0;
  }
}
