package io.rankstack.eval.bandit;

import io.rankstack.bandits.CascadingBandit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval bandit replay}: off-policy replay (Li, Chu, Langford and Wang, WSDM 2011)
 * of the bandit learners on the Open Bandit Dataset sample's uniform-random logs.
 *
 * <p>The logs hold one row per (item, slot) impression with a click flag, not whole cascades, so
 * each learner runs with lists of one item (K = 1: the cascade model with one position, i.e. a
 * Bernoulli bandit): a row is accepted when the learner's item equals the logged item, its click
 * is the reward and the learner is updated with it; other rows are skipped. Because the logging
 * policy picks items uniformly at random independently of everything else, the mean click of the
 * accepted rows is an unbiased estimate of the learner's online click rate (slots are pooled, as
 * the logger's slot is independent of the item). Each policy is replayed over several random
 * orders of the log (the replay's own variance), reporting mean ± 95% over orders.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Off-policy replay of the bandit learners on the Open Bandit Dataset sample.",
        "Replay (Li et al. 2011) with K = 1 on the uniform-random logs, compared with the random and",
        "Bernoulli-TS logging policies' observed click rates."})
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder holding bandits/open-bandit-sample (default ${DEFAULT-VALUE}, relative to the working directory).")
  Path data;

  @Option(names = "--campaigns", split = ",", defaultValue = "men,women", description = "Campaigns (default ${DEFAULT-VALUE}).")
  List<String> campaigns;

  @Option(names = "--orders", defaultValue = "20", description = "Random log orders per policy (default ${DEFAULT-VALUE}).")
  int orders;

  @Option(names = "--linucb-alpha", defaultValue = "0.5", description = "CascadeLinUCB's α (default ${DEFAULT-VALUE}).")
  double linAlpha;

  private record Row(int item, int position, boolean click) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path root = data.resolve("bandits/open-bandit-sample");
    out.printf(Locale.ROOT, "bandit replay: %s, %d random orders per learner, K = 1%n", root, orders);
    for (String campaign : campaigns) {
      List<Row> random = read(root.resolve("random").resolve(campaign).resolve(campaign + ".csv"));
      List<Row> bts = read(root.resolve("bts").resolve(campaign).resolve(campaign + ".csv"));
      double[][] features = itemFeatures(root.resolve("random").resolve(campaign).resolve("item_context.csv"));
      int items = features.length;
      out.printf(Locale.ROOT, "%ncampaign %s: %d items; logged click rate: uniform random %.5f (%d rows), Bernoulli TS %.5f (%d rows)%n",
          campaign, items, ctr(random), random.size(), ctr(bts), bts.size());
      out.printf(Locale.ROOT, "%-14s %24s %16s%n", "learner", "replayed CTR mean ± 95%", "accepted rows");
      for (Learners l : Learners.values()) {
        double[] est = new double[orders];
        double accepted = 0;
        for (int o = 0; o < orders; o++) {
          List<Row> rows = new ArrayList<>(random);
          java.util.Collections.shuffle(rows, new java.util.Random(o));
          CascadingBandit b = l.create(items, 1, 1000 + o, l == Learners.LINUCB ? features : null, linAlpha);
          long hits = 0;
          long clicks = 0;
          for (Row r : rows) {
            int[] list = b.select();
            if (list[0] != r.item()) {
              continue;
            }
            hits++;
            if (r.click()) {
              clicks++;
            }
            b.update(list, r.click() ? 0 : CascadingBandit.NO_CLICK);
          }
          est[o] = hits == 0 ? 0 : clicks / (double) hits;
          accepted += hits;
        }
        out.printf(Locale.ROOT, "%-14s %15.5f ± %6.5f %16.0f%n", l.label, Stats.mean(est), Stats.halfWidth95(est), accepted / orders);
      }
      out.flush();
    }
    return 0;
  }

  private static double ctr(List<Row> rows) {
    long c = rows.stream().filter(Row::click).count();
    return c / (double) rows.size();
  }

  private static List<Row> read(Path csv) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.contains("item_id")) {
        throw new IllegalArgumentException(csv + ":1: expected a header with item_id, position, click");
      }
      String line;
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        String[] f = line.split(",", 6);
        if (f.length < 5) {
          throw new IllegalArgumentException(csv + ":" + no + ": too few fields");
        }
        rows.add(new Row(Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4].equals("1")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + " (set --data to the folder holding bandits/open-bandit-sample)", e);
    }
    return rows;
  }

  /** item_feature_0 (numeric) + one-hot of the categorical item_feature_1..3 + a constant 1. */
  private static double[][] itemFeatures(Path csv) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        rows.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    Map<String, Integer> cats = new HashMap<>();
    for (String[] f : rows) {
      for (int c = 3; c <= 5; c++) {
        cats.putIfAbsent(c + ":" + f[c], cats.size());
      }
    }
    double[][] x = new double[rows.size()][cats.size() + 2];
    for (String[] f : rows) {
      int item = Integer.parseInt(f[1]);
      x[item][0] = Double.parseDouble(f[2]);
      x[item][1] = 1;
      for (int c = 3; c <= 5; c++) {
        x[item][2 + cats.get(c + ":" + f[c])] = 1;
      }
    }
    return x;
  }
}
