package io.rankstack.eval.bandit;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags every cascading-bandit regret experiment takes (a picocli mixin of 'bandit blb' and 'bandit movielens'). */
final class RegretOptions {
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

  @Option(names = "--linucb-alpha", defaultValue = "0.5", description = "CascadeLinUCB's α (λ = 1; default ${DEFAULT-VALUE}).")
  double linAlpha;

  @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--plot", description = "Write the regret curves as PNG here.")
  Path plot;

  @Option(names = "--csv", description = "Write mean and 95% band per curve point as CSV here.")
  Path csv;

  /** The experiment these flags describe. */
  RegretExperiment experiment() {
    return new RegretExperiment(algorithms, rounds, seeds, seed, points, threads, linAlpha);
  }
}
