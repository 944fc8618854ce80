package io.rankstack.eval.ultr;

import io.rankstack.core.clicks.AttractionScale;
import io.rankstack.core.clicks.ClickModels;
import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LinearRanker;
import io.rankstack.ltr.dla.DlaCodec;
import io.rankstack.ltr.dla.DlaConfig;
import io.rankstack.ltr.dla.DlaResult;
import io.rankstack.ltr.dla.DlaTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The DLA paper's simulation (Ai et al., SIGIR 2018, §6): a logging ranker fit on 1% of the training
 * queries shows its top 10; PBM clicks with severity η; naive, randomisation-IPW, DLA, oracle-IPW
 * and true-grade rankers, each evaluated on the test set's true grades; DLA's learned propensities
 * against the truth.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Unbiased learning to rank on simulated PBM clicks: naive, randomisation-IPW, DLA, oracle-IPW and",
        "true-grade rankers for each η; test nDCG@1/3/5/10, ERR@10; DLA's propensity recovery and a PNG chart."})
public final class UltrExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin UltrOptions options;

  @Option(names = "--eta", split = ",", defaultValue = "0.5,1,2", description = "Position-bias severities η (default ${DEFAULT-VALUE}).")
  List<Double> etas;

  @Option(names = "--out", defaultValue = "target/ultr", description = "Folder for the chart and the DLA rankers (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--name", defaultValue = "lightgbm", description = "Name used in file names and titles (default ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() {
    options.configureThreads();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LetorDataset train = UltrOptions.read(options.trainFile());
    LetorDataset test = UltrOptions.read(options.testFile());
    int width = Math.max(train.featureCount(), test.featureCount());
    train = new LetorDataset(train.name(), width, train.rows());
    test = new LetorDataset(test.name(), width, test.rows());
    int maxGrade = UltrOptions.maxGrade(train, test);
    int clickMax = options.clickMaxGrade != null ? options.clickMaxGrade : maxGrade;
    AttractionScale attraction = new AttractionScale(0.1, 1.0, clickMax);
    Set<String> initialQueries = TopLists.initialQueries(train, options.initialFraction, options.seed);
    LinearRanker initial = LinearRanker.train(train.subset(initialQueries, "initial"), options.ridge);
    List<TopLists.Shown> shown = TopLists.top(train, initial, 10);
    DlaConfig config = options.config();
    o.printf(Locale.ROOT, "%s: train %d rows / %d queries, test %d rows / %d queries, %d features, grades 0-%d%n",
        name, train.size(), train.queryIds().size(), test.size(), test.queryIds().size(), width, maxGrade);
    o.printf(Locale.ROOT, "logging ranker: ridge (λ=%s) on %d training queries; top-10 lists of all %d training queries%n",
        options.ridge, initialQueries.size(), shown.size());
    o.printf(Locale.ROOT, "clicks: PBM, examination base^η, click probability %s; %d sessions per η, plus %d randomised%n",
        attraction, options.sessions, Math.round(options.randomisedFraction * options.sessions));
    o.printf(Locale.ROOT, "rankers: %s, %d epochs, batch %d lists, Adagrad %s (propensity model %s), clip 5, weight clip %s, seed %d%n",
        config.hidden().isEmpty() ? "linear" : "ELU " + config.hidden(), config.epochs(), config.batchSize(),
        config.learningRate(), config.propensityLearningRate(), config.maxWeight() == 0 ? "none" : config.maxWeight(), config.seed());
    o.flush();

    DlaTrainer trainer = new DlaTrainer(config);
    double[] ones = new double[10];
    Arrays.fill(ones, 1);
    Map<String, double[]> common = new LinkedHashMap<>();
    common.put("logging ranker (ridge, 1% of queries)", TestMetrics.evaluate(test, maxGrade, initial::score));
    long t0 = System.nanoTime();
    DlaResult grades = trainer.trainWithPropensities(ClickSimulation.gains(shown), ones, null);
    err.printf(Locale.ROOT, "true-grade ranker trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    err.flush();
    common.put("true grades (upper bound)", TestMetrics.evaluate(test, maxGrade, x -> grades.ranker().score(x)));

    List<PropensityChart.Line> lines = new ArrayList<>();
    StringBuilder metrics = new StringBuilder();
    StringBuilder recovery = new StringBuilder();
    metrics.append("| η | method | nDCG@1 | nDCG@3 | nDCG@5 | nDCG@10 | ERR@10 |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, double[]> e : common.entrySet()) {
      metrics.append(row("–", e.getKey(), e.getValue()));
    }
    recovery.append("| η | source |");
    for (int k = 1; k <= 10; k++) {
      recovery.append(" r").append(k).append(" |");
    }
    recovery.append("\n|---|---|").append("---|".repeat(10)).append('\n');
    for (double eta : etas) {
      PositionBasedModel pbm = new PositionBasedModel(ClickModels.DLA_EXAMINATION, eta, attraction);
      long seed = options.seed * 31 + Double.hashCode(eta);
      ClickSimulation.Log log = ClickSimulation.simulate(shown, pbm, options.sessions,
          Math.round(options.randomisedFraction * options.sessions), 10, seed);
      double[] truth = new double[10];
      double[] truthRatio = new double[10];
      for (int k = 0; k < 10; k++) {
        truth[k] = pbm.examination(k);
        truthRatio[k] = pbm.examination(0) / pbm.examination(k);
      }
      double[] randomised = log.randomised().relativePropensities();
      double[] randomisedRatio = new double[10];
      for (int k = 0; k < 10; k++) {
        randomisedRatio[k] = 1 / randomised[k];
      }
      o.printf(Locale.ROOT, "η = %s: %d sessions, %d clicks; %d randomised sessions%n", fmt(eta), log.sessions(), log.clicks(),
          log.randomised().sessions());
      o.flush();
      Map<String, DlaResult> results = new LinkedHashMap<>();
      results.put("naive (no correction)", timed(err, "naive", () -> trainer.trainWithPropensities(log.lists(), ones, null)));
      results.put("IPW, randomisation propensities", timed(err, "randomisation-IPW", () -> trainer.trainWithPropensities(log.lists(), randomised, null)));
      results.put("DLA", timed(err, "DLA", () -> trainer.trainDla(log.lists(), null)));
      results.put("IPW, true propensities (oracle)", timed(err, "oracle-IPW", () -> trainer.trainWithPropensities(log.lists(), truth, null)));
      for (Map.Entry<String, DlaResult> e : results.entrySet()) {
        double[] m = TestMetrics.evaluate(test, maxGrade, x -> e.getValue().ranker().score(x));
        metrics.append(row(fmt(eta), e.getKey(), m));
        o.print(row(fmt(eta), e.getKey(), m));
        o.flush();
      }
      DlaResult dla = results.get("DLA");
      double[] learned = dla.propensityRatios();
      recovery.append(ratioRow(eta, "truth", truthRatio));
      recovery.append(ratioRow(eta, "DLA", learned));
      recovery.append(errorRow(eta, "DLA rel. error", learned, truthRatio));
      recovery.append(ratioRow(eta, "randomisation", randomisedRatio));
      recovery.append(errorRow(eta, "randomisation rel. error", randomisedRatio, truthRatio));
      int group = lines.size() / 3;
      lines.add(new PropensityChart.Line("truth η=" + fmt(eta), truthRatio, group, PropensityChart.Style.TRUTH));
      lines.add(new PropensityChart.Line("DLA η=" + fmt(eta), learned, group, PropensityChart.Style.LEARNED));
      lines.add(new PropensityChart.Line("randomisation η=" + fmt(eta), randomisedRatio, group, PropensityChart.Style.ESTIMATE));
      Map<String, Double> mm = new LinkedHashMap<>();
      double[] dm = TestMetrics.evaluate(test, maxGrade, x -> dla.ranker().score(x));
      for (int i = 0; i < dm.length; i++) {
        mm.put("test_" + TestMetrics.NAMES[i], dm[i]);
      }
      DlaCodec.save(dla.ranker(), new DlaCodec.Info(train.name() + " + PBM clicks η=" + fmt(eta) + ", " + options.sessions + " sessions",
          "dla", config, learned, mm, Instant.now()), out.resolve(name + "-dla-eta" + fmt(eta)));
    }
    Path png = out.resolve(name + "-propensities.png");
    PropensityChart.write(png, "DLA propensity recovery, " + name, lines);
    o.println();
    o.println("Test set, true grades:");
    o.print(metrics);
    o.println();
    o.println("Propensity recovery, P_o[1]/P_o[k]:");
    o.print(recovery);
    o.printf(Locale.ROOT, "chart: %s; DLA rankers under %s%n", png, out);
    return 0;
  }

  private static DlaResult timed(PrintWriter err, String what, java.util.function.Supplier<DlaResult> train) {
    long t0 = System.nanoTime();
    DlaResult r = train.get();
    DlaTrainer.EpochStats last = r.epochs().get(r.epochs().size() - 1);
    err.printf(Locale.ROOT, "  %s trained in %.1f s (last epoch loss %.4f%s)%n", what, (System.nanoTime() - t0) / 1e9,
        last.rankerLoss(), Double.isNaN(last.propensityShift()) ? ""
            : String.format(Locale.ROOT, ", propensity log-ratio shift %.2g", last.propensityShift()));
    err.flush();
    return r;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String row(String eta, String method, double[] m) {
    return String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f |%n", eta, method, m[0], m[1], m[2], m[3], m[4]);
  }

  private static String ratioRow(double eta, String source, double[] r) {
    StringBuilder b = new StringBuilder("| " + fmt(eta) + " | " + source + " |");
    for (double v : r) {
      b.append(String.format(Locale.ROOT, " %.4f |", v));
    }
    return b.append('\n').toString();
  }

  private static String errorRow(double eta, String source, double[] got, double[] truth) {
    StringBuilder b = new StringBuilder("| " + fmt(eta) + " | " + source + " |");
    for (int k = 0; k < got.length; k++) {
      b.append(String.format(Locale.ROOT, " %.1f%% |", 100 * Math.abs(got[k] - truth[k]) / truth[k]));
    }
    return b.append('\n').toString();
  }
}
