package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.ltr.LetorDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Experiment 3: k-fold cross-validation over queries on Cranfield or NPL, BM25 against LambdaMART. */
@Command(name = "cv", mixinStandardHelpOptions = true,
    description = {"Experiment 3: k-fold cross-validation over queries (seeded shuffle). Each fold: LambdaMART trained on the other",
        "folds (early stopping on --valid-fraction of them), scored on the held-out fold; the held-out rankings form one run",
        "over all queries, compared with BM25 by 'compare' (paired t-test and randomisation test)."})
public final class CvExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COLLECTION", description = "cranfield or npl.")
  String collection;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--work", description = "Index, LETOR and run files (default target/ltr-experiments/COLLECTION).")
  Path work;

  @Option(names = "--folds", defaultValue = "5", description = "Folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--top", defaultValue = "100", description = "Candidates per query (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fields", defaultValue = "auto", description = "Feature fields (default ${DEFAULT-VALUE}).")
  String fields;

  @Option(names = "--ridge", defaultValue = "1.0", description = "Ridge λ of the linear ranker (default ${DEFAULT-VALUE}).")
  double ridge;

  @Mixin LambdaMartOptions options;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir;
    Path corpus;
    Path queries;
    Path qrels;
    DocumentFormat format;
    String queryFormat;
    switch (collection.toLowerCase(Locale.ROOT)) {
      case "cranfield" -> {
        dir = data.resolve("cranfield");
        corpus = dir.resolve("corpus.jsonl");
        queries = dir.resolve("queries.jsonl");
        qrels = dir.resolve("qrels/test.tsv");
        format = DocumentFormat.BEIR;
        queryFormat = "beir";
      }
      case "npl" -> {
        dir = data.resolve("npl");
        corpus = dir.resolve("doc-text.trec");
        queries = dir.resolve("query-text.trec");
        qrels = dir.resolve("qrels");
        format = DocumentFormat.TREC;
        queryFormat = "trec";
      }
      default -> throw new IllegalArgumentException("unknown collection '" + collection + "': cranfield or npl");
    }
    Path w = work != null ? work : Path.of("target/ltr-experiments").resolve(collection.toLowerCase(Locale.ROOT));
    Files.createDirectories(w);
    ExperimentIndex.ensure(format, corpus, w.resolve("index"), out);
    List<Query> qs = CollectionInputs.queries(queries, queryFormat, qrels);
    Judgments j = TrecFormats.readAnyQrels(qrels);
    try (Bm25Searcher searcher = Bm25Searcher.open(w.resolve("index"), new Bm25Parameters(0.9f, 0.4f))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, fields));
      LtrSupport.Extraction e = LtrSupport.extract(searcher, fx, qs, j, top, collection + "-top" + top);
      LtrSupport.writeLetor(e, w.resolve("all.letor"), collection + ", BM25 k1=0.9 b=0.4 top " + top);
      out.printf(Locale.ROOT, "%s: %d judged queries, %d rows, %d features (%s), extraction %.1f s%n", collection, qs.size(),
          e.data().size(), fx.size(), String.join(",", fx.fields()), e.seconds());
      LetorDataset all = e.data();
      List<Set<String>> fs = LtrSupport.folds(all.queryIds(), folds, options.seed);
      List<RankedList> lm = new ArrayList<>();
      List<RankedList> lin = new ArrayList<>();
      List<RankedList> sel = new ArrayList<>();
      for (int f = 0; f < fs.size(); f++) {
        LetorDataset test = all.subset(fs.get(f), "fold " + (f + 1));
        LetorDataset train = LtrSupport.without(all, fs.get(f), "folds except " + (f + 1));
        float[] s = ExperimentRunner.lambdaMart(train, test, options.config(), options.validFraction, fx.names(), out, "fold " + (f + 1));
        lm.addAll(LtrSupport.rank(test, s, "lambdamart").lists().values());
        lin.addAll(LtrSupport.rank(test, ExperimentRunner.linear(train, test, ridge), "linear").lists().values());
        if (options.select) {
          float[] ss = ExperimentRunner.selectedLambdaMart(train, test, options.grid(), options.validFraction, fx.names(), out, "fold " + (f + 1));
          sel.addAll(LtrSupport.rank(test, ss, "lambdamart-selected").lists().values());
        }
      }
      Run bm25 = e.firstStage();
      Run lmRun = Run.of("lambdamart", lm);
      Run linRun = Run.of("linear", lin);
      out.printf(Locale.ROOT, "%s, %d-fold CV over %d queries (held-out rankings pooled), reranking BM25 top %d:%n", collection, folds,
          all.queryIds().size(), top);
      List<String> names = new ArrayList<>(List.of("BM25 (k1=0.9, b=0.4)", "linear (ridge λ=" + ridge + ")", "LambdaMART"));
      List<Run> runs = new ArrayList<>(List.of(bm25, linRun, lmRun));
      Run selRun = options.select ? Run.of("lambdamart-selected", sel) : null;
      if (selRun != null) {
        names.add("LambdaMART, grid selected on validation");
        runs.add(selRun);
      }
      ExperimentRunner.table(out, j, names, runs);
      Path a = ExperimentRunner.write(bm25, w, "bm25.run");
      Path b = ExperimentRunner.write(lmRun, w, "lambdamart.run");
      Path c = ExperimentRunner.write(linRun, w, "linear.run");
      ExperimentRunner.compare(out, qrels, a, b, "ndcg_cut.10");
      ExperimentRunner.compare(out, qrels, a, c, "ndcg_cut.10");
      if (selRun != null) {
        ExperimentRunner.compare(out, qrels, a, ExperimentRunner.write(selRun, w, "lambdamart-selected.run"), "ndcg_cut.10");
      }
    }
    return 0;
  }
}
