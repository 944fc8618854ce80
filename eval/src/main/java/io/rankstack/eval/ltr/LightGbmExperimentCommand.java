package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.LinearRanker;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Experiment 1: LightGBM's rank example, train → test, linear ranker and LambdaMART. */
@Command(name = "lightgbm", mixinStandardHelpOptions = true,
    description = {"Experiment 1: letor/lightgbm-rank, train on rank.train (early stopping on --valid-fraction of its queries),"
        + " test on rank.test; nDCG@1/3/5/10 for a linear ranker (ridge) and LambdaMART."})
public final class LightGbmExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--ridge", defaultValue = "1.0", description = "Ridge λ of the linear ranker (default ${DEFAULT-VALUE}).")
  double ridge;

  @Mixin LambdaMartOptions options;

  @Override
  public Integer call() {
    Path dir = data.resolve("letor/lightgbm-rank");
    LetorDataset train = LetorFormat.readLightGbm(dir.resolve("rank.train"), dir.resolve("rank.train.query"));
    LetorDataset test = LetorFormat.readLightGbm(dir.resolve("rank.test"), dir.resolve("rank.test.query"));
    int width = Math.max(train.featureCount(), test.featureCount());
    train = new LetorDataset(train.name(), width, train.rows());
    test = new LetorDataset(test.name(), width, test.rows());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "lightgbm-rank: train %d rows / %d queries, test %d rows / %d queries, %d features%n",
        train.size(), train.queryIds().size(), test.size(), test.queryIds().size(), width);
    Judgments qrels = LtrSupport.qrelsOf(test);
    Set<String> held = LtrSupport.sample(train.queryIds(), options.validFraction, options.seed);
    LetorDataset val = train.subset(held, "validation");
    LetorDataset fit = LtrSupport.without(train, held, "fit");

    LinearRanker linear = LinearRanker.train(train, ridge);
    float[] ls = new float[test.size()];
    for (int i = 0; i < ls.length; i++) {
      ls[i] = (float) linear.score(test.rows().get(i).features());
    }
    Map<String, Double> lin = LtrSupport.metrics(qrels, LtrSupport.rank(test, ls, "linear"));
    Map<String, Double> lm;
    String info;
    try (LambdaMartModel m = new LambdaMartTrainer(options.config(), InstantSource.system()).train(fit, val, null)) {
      lm = LtrSupport.metrics(qrels, LtrSupport.rank(test, m.score(test.denseMatrix(), test.size()), "lambdamart"));
      info = m.info().trees() + " trees, validation " + m.info().metrics();
    }
    Map<String, Double> selected = null;
    if (options.select) {
      float[] s = ExperimentRunner.selectedLambdaMart(train, test, options.grid(), options.validFraction, null, out, "lightgbm-rank");
      selected = LtrSupport.metrics(qrels, LtrSupport.rank(test, s, "lambdamart-selected"));
    }
    out.println(LtrSupport.tableHeader(lin));
    out.println(LtrSupport.row("linear (ridge λ=" + ridge + ", all train queries)", lin));
    out.println(LtrSupport.row("LambdaMART (" + fit.queryIds().size() + " train queries, " + val.queryIds().size() + " validation)", lm));
    if (selected != null) {
      out.println(LtrSupport.row("LambdaMART, grid selected on validation", selected));
    }
    out.println("LambdaMART: " + info + "; config " + options.config());
    return 0;
  }
}
