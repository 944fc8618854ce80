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
    description = {"Regret of the cascading bandits on BLB(L, K, p, Δ).",
        "CascadeUCB1, CascadeKL-UCB, CascadeTS and CascadeLinUCB on BLB(L, K, p, Δ): the first K items have",
        "attraction p, the rest p - Δ. Seeds share the click draws across learners (common random numbers)."})
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

  @Override
  public Integer call() throws Exception {
    CascadeModel model = CascadeModel.blb(items, k, p, delta);
    String name = String.format(Locale.ROOT, "BLB(L=%d, K=%d, p=%s, Δ=%s)", items, k, p, delta);
    new RegretExperiment(algorithms, rounds, seeds, seed, points, threads, linAlpha)
        .run(spec.commandLine().getOut(), "bandit blb", name, model, null, plot, csv);
    return 0;
  }
}
