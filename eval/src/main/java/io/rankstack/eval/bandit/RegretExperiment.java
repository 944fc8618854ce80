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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Regret curves of cascading bandit learners on one {@link CascadeModel}: seeds share the click
 * draws across learners (common random numbers), so paired differences are tight; prints a table
 * (final regret, per-step regret in the first and last 10% of rounds, paired difference against
 * CascadeUCB1) and optionally a PNG and a CSV.
 */
final class RegretExperiment {
  private final List<Learners> algorithms;
  private final int rounds;
  private final int seeds;
  private final long seed;
  private final int points;
  private final int threads;
  private final double linAlpha;

  RegretExperiment(List<Learners> algorithms, int rounds, int seeds, long seed, int points, int threads, double linAlpha) {
    this.algorithms = List.copyOf(algorithms);
    this.rounds = rounds;
    this.seeds = seeds;
    this.seed = seed;
    this.points = points;
    this.threads = threads;
    this.linAlpha = linAlpha;
  }

  private record Job(Learners learner, int seedIndex) {}

  private record Done(Learners learner, int seedIndex, double[] curve, double seconds) {}

  /** @param features CascadeLinUCB's item features, or null for one-hot */
  void run(PrintWriter out, String command, String name, CascadeModel model, double[][] features, Path plot, Path csv) throws Exception {
    if (rounds % points != 0) {
      throw new IllegalArgumentException("--rounds must be a multiple of --points");
    }
    if (seeds < 1 || threads < 1) {
      throw new IllegalArgumentException("--seeds and --threads must be at least 1");
    }
    int items = model.numItems();
    int k = model.listSize();
    int every = rounds / points;
    out.printf(Locale.ROOT, "%s: %s, f* = %.7f, n = %d, %d seeds from %d, %d thread(s), %s%n",
        command, name, model.optimalReward(), rounds, seeds, seed, threads, System.getProperty("java.vm.name") + " " + Runtime.version());
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
          CascadingBandit b = j.learner().create(items, k, runSeed * 0x9E3779B97F4A7C15L + 12345, features, linAlpha);
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
      Charts.writeBands(plot, String.format(Locale.ROOT, "%s: cumulative regret, mean and 95%% band over %d seeds", name, seeds),
          "round t", "cumulative expected regret", chart);
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
  }
}
