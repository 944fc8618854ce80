package io.rankstack.eval.bandit;

import io.rankstack.bandits.CascadeModel;
import io.rankstack.bandits.CascadeSimulator;
import io.rankstack.bandits.CascadingBandit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval bandit blb}: expected cumulative regret of the cascading bandits on
 * BLB(L, K, p, Δ) (Kveton et al. 2015), averaged over seeds with 95% confidence bands.
 */
@Command(name = "blb", mixinStandardHelpOptions = true,
    description = {"Cumulative expected regret of CascadeUCB1, CascadeKL-UCB, CascadeTS and CascadeLinUCB on",
        "BLB(L, K, p, Δ): the first K items have attraction p, the rest p - Δ. Seeds share the click draws",
        "across learners (common random numbers)."})
public final class BlbCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--items", defaultValue = "32", description = "L (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--k", defaultValue = "8", description = "K (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--p", defaultValue = "0.2", description = "Attraction of the K best items (default ${DEFAULT-VALUE}).")
  double p;

  @Option(names = "--delta", defaultValue = "0.15", description = "Gap Δ (default ${DEFAULT-VALUE}).")
  double delta;

  @Option(names = "--rounds", defaultValue = "100000", description = "n (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seeds", defaultValue = "20", description = "Independent runs (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--seed", defaultValue = "1", description = "First seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--points", defaultValue = "200", description = "Curve points (default ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--algorithms", split = ",", defaultValue = "UCB1,KL_UCB,TS,LINUCB",
      description = "Any of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  List<Learners> algorithms;

  @Option(names = "--linucb-alpha", defaultValue = "0.5", description = "CascadeLinUCB's α (one-hot features, λ = 1; default ${DEFAULT-VALUE}).")
  double linAlpha;

  @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--plot", description = "Write the regret curves as PNG here.")
  Path plot;

  @Option(names = "--csv", description = "Write mean and 95% band per curve point as CSV here.")
  Path csv;

  private record Job(Learners learner, int seedIndex) {}

  private record Done(Learners learner, int seedIndex, double[] curve, double seconds) {}

  @Override
  public Integer call() throws Exception {
    if (rounds % points != 0) {
      throw new IllegalArgumentException("--rounds must be a multiple of --points");
    }
    if (seeds < 1 || threads < 1) {
      throw new IllegalArgumentException("--seeds and --threads must be at least 1");
    }
    CascadeModel model = CascadeModel.blb(items, k, p, delta);
    int every = rounds / points;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "bandit blb: BLB(L=%d, K=%d, p=%s, Δ=%s), f* = %.7f, n = %d, %d seeds from %d, %d thread(s), %s%n",
        items, k, p, delta, model.optimalReward(), rounds, seeds, seed, threads, System.getProperty("java.vm.name") + " " + Runtime.version());
    out.flush();
    List<Job> jobs = new ArrayList<>();
    for (Learners l : algorithms) {
      for (int s = 0; s < seeds; s++) {
        jobs.add(new Job(l, s));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double[][][] curves = new double[algorithms.size()][seeds][];
    double[] seconds = new double[algorithms.size()];
    try {
      List<Future<Done>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(pool.submit(() -> {
          long runSeed = seed + j.seedIndex();
          CascadingBandit b = j.learner().create(items, k, runSeed * 0x9E3779B97F4A7C15L + 12345, null, linAlpha);
          long t0 = System.nanoTime();
          CascadeSimulator.Trace tr = CascadeSimulator.run(b, model, rounds, every, new SplittableRandom(runSeed));
          return new Done(j.learner(), j.seedIndex(), tr.cumulativeRegret(), (System.nanoTime() - t0) / 1e9);
        }));
      }
      for (Future<Done> f : futures) {
        Done d = f.get();
        int a = algorithms.indexOf(d.learner());
        curves[a][d.seedIndex()] = d.curve();
        seconds[a] += d.seconds();
      }
    } finally {
      pool.shutdownNow();
    }
    int tenth = points / 10;
    out.printf(Locale.ROOT, "%-14s %22s %16s %16s %10s %12s%n", "algorithm", "regret(n) mean ± 95%", "first 10% /step", "last 10% /step",
        "last/first", "s per run");
    List<Charts.Curve> chart = new ArrayList<>();
    StringBuilder csvText = new StringBuilder("algorithm,round,mean,low,high\n");
    for (int a = 0; a < algorithms.size(); a++) {
      double[] fin = new double[seeds];
      double[] first = new double[seeds];
      double[] last = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        double[] c = curves[a][s];
        fin[s] = c[points - 1];
        first[s] = c[tenth - 1];
        last[s] = c[points - 1] - c[points - 1 - tenth];
      }
      double firstSlope = Stats.mean(first) / (tenth * (double) every);
      double lastSlope = Stats.mean(last) / (tenth * (double) every);
      out.printf(Locale.ROOT, "%-14s %13.1f ± %6.1f %16.5f %16.5f %10.4f %12.2f%n", algorithms.get(a).label,
          Stats.mean(fin), Stats.halfWidth95(fin), firstSlope, lastSlope, lastSlope / firstSlope, seconds[a] / seeds);
      double[] x = new double[points];
      double[] mean = new double[points];
      double[] lo = new double[points];
      double[] hi = new double[points];
      for (int i = 0; i < points; i++) {
        double[] v = new double[seeds];
        for (int s = 0; s < seeds; s++) {
          v[s] = curves[a][s][i];
        }
        x[i] = (i + 1.0) * every;
        mean[i] = Stats.mean(v);
        double h = Stats.halfWidth95(v);
        lo[i] = mean[i] - h;
        hi[i] = mean[i] + h;
        csvText.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f%n", algorithms.get(a).label, (long) x[i], mean[i], lo[i], hi[i]));
      }
      chart.add(new Charts.Curve(algorithms.get(a).label, x, mean, lo, hi));
    }
    int base = algorithms.indexOf(Learners.UCB1);
    if (base >= 0) {
      out.println("paired difference of regret(n) against CascadeUCB1 (same seeds), mean ± 95%, and ratio of means:");
      for (int a = 0; a < algorithms.size(); a++) {
        if (a == base) {
          continue;
        }
        double[] diff = new double[seeds];
        double[] mine = new double[seeds];
        double[] ucb = new double[seeds];
        for (int s = 0; s < seeds; s++) {
          mine[s] = curves[a][s][points - 1];
          ucb[s] = curves[base][s][points - 1];
          diff[s] = mine[s] - ucb[s];
        }
        out.printf(Locale.ROOT, "  %-14s %+10.1f ± %6.1f   ratio %.3f%n", algorithms.get(a).label, Stats.mean(diff), Stats.halfWidth95(diff),
            Stats.mean(mine) / Stats.mean(ucb));
      }
    }
    if (plot != null) {
      Charts.writeBands(plot, String.format(Locale.ROOT, "BLB(L=%d, K=%d, p=%s, Δ=%s): cumulative regret, mean and 95%% band over %d seeds",
          items, k, p, delta, seeds), "round t", "cumulative expected regret", chart);
      out.println("wrote " + plot);
    }
    if (csv != null) {
      if (csv.toAbsolutePath().getParent() != null) {
        Files.createDirectories(csv.toAbsolutePath().getParent());
      }
      try {
        Files.writeString(csv, csvText);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      out.println("wrote " + csv);
    }
    return 0;
  }
}
