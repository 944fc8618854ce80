package io.rankstack.eval.ultr;

import io.rankstack.core.clicks.ClickSession;
import io.rankstack.core.clicks.YandexClickLog;
import io.rankstack.core.clicks.estimation.PbmEstimator;
import io.rankstack.ltr.dla.ClickedList;
import io.rankstack.ltr.dla.DlaConfig;
import io.rankstack.ltr.dla.DlaResult;
import io.rankstack.ltr.dla.DlaTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DLA on a real click log: every (query, document) pair of the Yandex log is a one-hot feature, so
 * the linear ranker learns one relevance score per pair, and DLA's propensity model learns the
 * examination ratios; these are compared with the PBM's examination probabilities fitted by EM on the
 * same log. Sessions that show the same list of the same query are aggregated (clicks summed).
 */
@Command(name = "yandex", mixinStandardHelpOptions = true,
    description = {"DLA's propensities on the Yandex relevance-prediction click log (documents as one-hot features),",
        "compared with the examination probabilities of a PBM fitted by EM on the same log."})
public final class UltrYandexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--log", description = "Click log (default: DATA/clicks/yandex-relpred/trainSample).")
  Path log;

  @Option(names = "--epochs", defaultValue = "40", description = "DLA epochs over the distinct lists (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", defaultValue = "16", description = "Lists per step (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--iterations", defaultValue = "50", description = "PBM EM iterations (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
    PrintWriter o = spec.commandLine().getOut();
    Path file = log != null ? log : data.resolve("clicks/yandex-relpred/trainSample");
    List<ClickSession> sessions = YandexClickLog.read(file).sessions();
    Map<String, Integer> feature = new HashMap<>();
    Map<String, double[]> clicks = new LinkedHashMap<>();
    Map<String, ClickSession> first = new HashMap<>();
    int positions = 10;
    for (ClickSession s : sessions) {
      if (s.size() > positions) {
        throw new IllegalArgumentException(file + ": a page of query " + s.query() + " shows " + s.size() + " results, more than " + positions);
      }
      for (String d : s.docs()) {
        feature.computeIfAbsent(s.query() + '\u0001' + d, k -> feature.size());
      }
      String key = s.query() + '\u0001' + String.join(",", s.docs());
      double[] c = clicks.computeIfAbsent(key, k -> new double[s.size()]);
      first.putIfAbsent(key, s);
      for (int r = 0; r < s.size(); r++) {
        if (s.clicked(r)) {
          c[r]++;
        }
      }
    }
    List<ClickedList> lists = new ArrayList<>();
    for (Map.Entry<String, double[]> e : clicks.entrySet()) {
      ClickSession s = first.get(e.getKey());
      float[][] x = new float[s.size()][feature.size()];
      for (int r = 0; r < s.size(); r++) {
        x[r][feature.get(s.query() + '\u0001' + s.docs().get(r))] = 1f;
      }
      lists.add(new ClickedList(s.query(), x, e.getValue()));
    }
    o.printf(Locale.ROOT, "%s: %d sessions, %d distinct lists, %d (query, document) one-hot features%n",
        file, sessions.size(), lists.size(), feature.size());
    DlaConfig config = new DlaConfig(List.of(), positions, epochs, batch, 0.05, 0.05, 5, 0, seed);
    long t0 = System.nanoTime();
    DlaResult dla = new DlaTrainer(config).trainDla(lists, null);
    o.printf(Locale.ROOT, "DLA (linear ranker on one-hot features, %d epochs, batch %d) trained in %.1f s%n", epochs, batch,
        (System.nanoTime() - t0) / 1e9);
    PbmEstimator.Fitted pbm = new PbmEstimator(iterations).fit(sessions);
    double[] learned = dla.propensityRatios();
    StringBuilder h = new StringBuilder("| source |");
    StringBuilder sep = new StringBuilder("|---|");
    StringBuilder a = new StringBuilder("| PBM (EM) γ_1/γ_k |");
    StringBuilder b = new StringBuilder("| DLA P_o[1]/P_o[k] |");
    StringBuilder d = new StringBuilder("| DLA vs PBM, rel. difference |");
    for (int k = 0; k < positions; k++) {
      double p = pbm.examination(0) / pbm.examination(k);
      h.append(" r").append(k + 1).append(" |");
      sep.append("---|");
      a.append(String.format(Locale.ROOT, " %.4f |", p));
      b.append(String.format(Locale.ROOT, " %.4f |", learned[k]));
      d.append(String.format(Locale.ROOT, " %.1f%% |", 100 * (learned[k] - p) / p));
    }
    o.println(h);
    o.println(sep);
    o.println(a);
    o.println(b);
    o.println(d);
    return 0;
  }
}
