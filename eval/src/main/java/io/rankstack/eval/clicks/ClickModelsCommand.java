package io.rankstack.eval.clicks;

import io.rankstack.core.clicks.ClickSession;
import io.rankstack.core.clicks.YandexClickLog;
import io.rankstack.core.clicks.estimation.CascadeEstimator;
import io.rankstack.core.clicks.estimation.ClickModelEstimator;
import io.rankstack.core.clicks.estimation.ClickModelEvaluation;
import io.rankstack.core.clicks.estimation.DbnEstimator;
import io.rankstack.core.clicks.estimation.DcmEstimator;
import io.rankstack.core.clicks.estimation.PbmEstimator;
import io.rankstack.core.clicks.estimation.SimplifiedDbnEstimator;
import io.rankstack.core.clicks.estimation.UbmEstimator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval click-models}: fit click models on a log and evaluate them on another. */
@Command(name = "click-models", mixinStandardHelpOptions = true,
    description = {"Fit PBM, cascade, DCM, simplified DBN, DBN (EM) and UBM on a Yandex-format click log and report",
        "log-likelihood and perplexity (overall and per rank) on a held-out log."})
public final class ClickModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Dataset root (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--train", description = "Training log (default: DATA/clicks/yandex-relpred/trainSample).")
  Path train;

  @Option(names = "--test", description = "Test log (default: DATA/clicks/yandex-relpred/testSample).")
  Path test;

  @Option(names = "--iterations", defaultValue = "50", description = "EM iterations for PBM and UBM (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--dbn-gamma", defaultValue = "0.9", description = "Starting perseverance γ of the DBN's EM, in (0, 1) (default ${DEFAULT-VALUE}).")
  double dbnGamma;

  @Override
  public Integer call() {
    Path trainFile = train != null ? train : data.resolve("clicks/yandex-relpred/trainSample");
    Path testFile = test != null ? test : data.resolve("clicks/yandex-relpred/testSample");
    YandexClickLog.Result tr = YandexClickLog.read(trainFile);
    YandexClickLog.Result te = YandexClickLog.read(testFile);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "train: %s, %d sessions (%d clicked ids not on the page ignored)%n", trainFile, tr.sessions().size(), tr.clicksOffPage());
    out.printf(Locale.ROOT, "test:  %s, %d sessions (%d ignored)%n", testFile, te.sessions().size(), te.clicksOffPage());
    Map<String, ClickModelEstimator> models = new LinkedHashMap<>();
    models.put("pbm", new PbmEstimator(iterations));
    models.put("cascade", new CascadeEstimator());
    models.put("dcm", new DcmEstimator());
    models.put("sdbn", new SimplifiedDbnEstimator());
    DbnEstimator dbn = DbnEstimator.estimatingGamma(iterations, dbnGamma);
    models.put("dbn", dbn);
    models.put("ubm", new UbmEstimator(iterations));
    List<ClickSession> testSessions = te.sessions();
    int ranks = testSessions.stream().mapToInt(ClickSession::size).max().orElse(0);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s %10s %10s", "model", "LL/session", "perplexity"));
    for (int r = 1; r <= ranks; r++) {
      header.append(String.format(Locale.ROOT, " %6s", "p@" + r));
    }
    out.println(header);
    for (Map.Entry<String, ClickModelEstimator> e : models.entrySet()) {
      var fitted = e.getValue().fit(tr.sessions());
      if (fitted instanceof DbnEstimator.Fitted f) {
        out.printf(Locale.ROOT, "(dbn: estimated perseverance γ = %.4f)%n", f.gamma());
      }
      ClickModelEvaluation.Report rep = ClickModelEvaluation.evaluate(fitted, testSessions);
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-8s %10.4f %10.4f", e.getKey(), rep.logLikelihood(), rep.perplexity()));
      for (double p : rep.perplexityByRank()) {
        row.append(String.format(Locale.ROOT, " %6.4f", p));
      }
      out.println(row);
    }
    return 0;
  }
}
