package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.retrieval.CollectionInputs;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Experiment 2: SciFact train split → test split, BM25 against LambdaMART over our features. */
@Command(name = "scifact", mixinStandardHelpOptions = true,
    description = {"Experiment 2: index SciFact (BEIR flat + title/text fields), BM25 top-N for the train and test queries,",
        "features, LambdaMART trained on train (early stopping on --valid-fraction of the train queries), evaluated on test;",
        "also a ridge linear ranker. Writes LETOR files and runs under --work and runs 'compare' (BM25 vs LambdaMART)."})
public final class SciFactExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--work", defaultValue = "target/ltr-experiments/scifact", description = "Index, LETOR and run files (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--top", defaultValue = "100", description = "Candidates per query (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fields", defaultValue = "auto", description = "Feature fields (default ${DEFAULT-VALUE}: contents,title,text).")
  String fields;

  @Option(names = "--ridge", defaultValue = "1.0", description = "Ridge λ of the linear ranker (default ${DEFAULT-VALUE}).")
  double ridge;

  @Mixin LambdaMartOptions options;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.resolve("scifact");
    Files.createDirectories(work);
    Path index = work.resolve("index");
    ExperimentIndex.ensure(DocumentFormat.BEIR, dir.resolve("corpus.jsonl"), index, out);
    Path trainQrels = dir.resolve("qrels/train.tsv");
    Path testQrels = dir.resolve("qrels/test.tsv");
    List<Query> trainQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", trainQrels);
    List<Query> testQ = CollectionInputs.queries(dir.resolve("queries.jsonl"), "beir", testQrels);
    Judgments trainJ = TrecFormats.readAnyQrels(trainQrels);
    Judgments testJ = TrecFormats.readAnyQrels(testQrels);
    try (Bm25Searcher searcher = Bm25Searcher.open(index, new Bm25Parameters(0.9f, 0.4f))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, fields));
      LtrSupport.Extraction tr = LtrSupport.extract(searcher, fx, trainQ, trainJ, top, "scifact-train-top" + top);
      LtrSupport.Extraction te = LtrSupport.extract(searcher, fx, testQ, testJ, top, "scifact-test-top" + top);
      LtrSupport.writeLetor(tr, work.resolve("train.letor"), "scifact train, BM25 k1=0.9 b=0.4 top " + top);
      LtrSupport.writeLetor(te, work.resolve("test.letor"), "scifact test, BM25 k1=0.9 b=0.4 top " + top);
      out.printf(Locale.ROOT, "features: %d fields (%s), %d features; train %d queries / %d rows, test %d queries / %d rows; "
              + "extraction %.1f s + %.1f s (including BM25)%n", fx.fields().size(), String.join(",", fx.fields()), fx.size(),
          trainQ.size(), tr.data().size(), testQ.size(), te.data().size(), tr.seconds(), te.seconds());
      float[] lm = ExperimentRunner.lambdaMart(tr.data(), te.data(), options.config(), options.validFraction, fx.names(), out, "scifact");
      float[] lin = ExperimentRunner.linear(tr.data(), te.data(), ridge);
      Run bm25 = te.firstStage();
      Run lmRun = LtrSupport.rank(te.data(), lm, "lambdamart");
      Run linRun = LtrSupport.rank(te.data(), lin, "linear");
      List<String> names = new java.util.ArrayList<>(List.of("BM25 (k1=0.9, b=0.4)", "linear (ridge λ=" + ridge + ")", "LambdaMART"));
      List<Run> runs = new java.util.ArrayList<>(List.of(bm25, linRun, lmRun));
      Run selRun = null;
      if (options.select) {
        float[] sel = ExperimentRunner.selectedLambdaMart(tr.data(), te.data(), options.grid(), options.validFraction, fx.names(), out, "scifact");
        selRun = LtrSupport.rank(te.data(), sel, "lambdamart-selected");
        names.add("LambdaMART, grid selected on validation");
        runs.add(selRun);
      }
      out.println("SciFact test (" + testQ.size() + " queries), reranking BM25 top " + top + ":");
      ExperimentRunner.table(out, testJ, names, runs);
      Path a = ExperimentRunner.write(bm25, work, "bm25.run");
      Path b = ExperimentRunner.write(lmRun, work, "lambdamart.run");
      ExperimentRunner.write(linRun, work, "linear.run");
      ExperimentRunner.compare(out, testQrels, a, b, "ndcg_cut.10");
      if (selRun != null) {
        ExperimentRunner.compare(out, testQrels, a, ExperimentRunner.write(selRun, work, "lambdamart-selected.run"), "ndcg_cut.10");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}
