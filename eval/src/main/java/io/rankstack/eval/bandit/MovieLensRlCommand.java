package io.rankstack.eval.bandit;

import io.rankstack.bandits.rl.BestPerm;
import io.rankstack.bandits.rl.CascadingBpi;
import io.rankstack.bandits.rl.CascadingMdp;
import io.rankstack.bandits.rl.CascadingRlAgent;
import io.rankstack.bandits.rl.CascadingRlSimulator;
import io.rankstack.bandits.rl.CascadingVi;
import io.rankstack.bandits.rl.NaiveListAgent;
import java.io.PrintWriter;
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
 * {@code rankstack-eval bandit movielens-rl}: cascading RL on the MovieLens cascading MDP
 * ({@link MovieLens}): regret and running time of CascadingVI against the brute-force-planning
 * oracle, the variance-unaware variant and the naive list-as-action agent; BestPerm's speed-up over
 * brute force; CascadingBPI's stopping time.
 */
@Command(name = "movielens-rl", mixinStandardHelpOptions = true,
    description = {"Cascading RL on a MovieLens cascading MDP: regret, running time, BestPerm speed-up, BPI.",
        "States: genre of the last clicked movie. CascadingVI against the oracle (brute-force planning),",
        "the Hoeffding-bonus variant and the naive list-as-action agent; BestPerm against brute force;",
        "CascadingBPI's stopping time."})
public final class MovieLensRlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder holding recsys/ml-latest-small (default ${DEFAULT-VALUE}, relative to the working directory).")
  Path data;

  @Option(names = "--items", split = ",", defaultValue = "10,15,20,25", description = "N values (default ${DEFAULT-VALUE}).")
  List<Integer> itemCounts;

  @Option(names = "--m", defaultValue = "3", description = "Max list length m (default ${DEFAULT-VALUE}).")
  int m;

  @Option(names = "--horizon", defaultValue = "3", description = "H (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--genres", defaultValue = "5", description = "Genre states G; S = G + 1 (default ${DEFAULT-VALUE}).")
  int genreCount;

  @Option(names = "--episodes", defaultValue = "2000", description = "Episodes K per run (default ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seeds", defaultValue = "20", description = "Runs per agent (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--oracle-seeds", defaultValue = "5", description = "Runs of the brute-force oracle (slow; default ${DEFAULT-VALUE}).")
  int oracleSeeds;

  @Option(names = "--scale", defaultValue = "1.0", description = "Bonus scale for all agents (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--delta", defaultValue = "0.1", description = "δ (default ${DEFAULT-VALUE}).")
  double delta;

  @Option(names = "--bpi-epsilon", defaultValue = "0.5", description = "CascadingBPI's ε (default ${DEFAULT-VALUE}).")
  double bpiEpsilon;

  @Option(names = "--bpi-max-episodes", defaultValue = "20000", description = "CascadingBPI's episode budget (default ${DEFAULT-VALUE}).")
  long bpiMaxEpisodes;

  @Option(names = "--speed-instances", defaultValue = "1000", description = "Random instances for BestPerm vs brute force timing (default ${DEFAULT-VALUE}).")
  int speedInstances;

  @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--agents", split = ",", defaultValue = "VI,ORACLE,HOEFFDING,NAIVE",
      description = "Agents to run, any of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  List<Agent> agents;

  @Option(names = "--no-extras", description = "Skip the BestPerm timing and CascadingBPI (for sweeps).")
  boolean noExtras;

  @Option(names = "--plot-dir", description = "Write regret curves as PNG files (bandits-rl-N<n>.png) here.")
  Path plotDir;

  enum Agent {
    VI("CascadingVI"), ORACLE("CascadingVI-oracle"), HOEFFDING("CascadingVI-Hoeffding"), NAIVE("naive list-as-action");

    final String label;

    Agent(String label) {
      this.label = label;
    }
  }

  private record Done(Agent agent, int seed, double[] curve, double seconds) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.resolve("recsys/ml-latest-small");
    MovieLens ml = MovieLens.load(dir);
    List<String> states = ml.topGenres(genreCount);
    out.printf(Locale.ROOT, "bandit movielens-rl: %s, %d users; states %s + other; H = %d, m = %d, K = %d episodes, %d seeds (oracle %d), scale %s, δ %s, %d thread(s)%n",
        dir, ml.users(), states, horizon, m, episodes, seeds, oracleSeeds, scale, delta, threads);
    out.flush();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int n : itemCounts) {
        int[] movies = ml.mostRated(n);
        CascadingMdp mdp = ml.cascadingMdp(movies, states, horizon, m);
        double[][] reward = new double[mdp.states()][n];
        for (int s = 0; s < mdp.states(); s++) {
          for (int a = 0; a < n; a++) {
            reward[s][a] = mdp.reward(s, a);
          }
        }
        CascadingMdp.Solution opt = mdp.optimalPolicy();
        int naiveActions = new NaiveListAgent(mdp.states(), n, horizon, m, delta, scale).actionCount();
        out.printf(Locale.ROOT, "%nN = %d: V* = %.4f, μ = %s, naive agent's actions per state = %d%n", n, opt.value(),
            MovieLens.describe(mdp.initial()), naiveActions);
        List<Future<Done>> futures = new ArrayList<>();
        for (Agent agent : agents) {
          int runs = agent == Agent.ORACLE ? Math.min(oracleSeeds, seeds) : seeds;
          for (int seed = 0; seed < runs; seed++) {
            int sd = seed;
            futures.add(pool.submit(() -> {
              CascadingRlAgent a = switch (agent) {
                case VI -> new CascadingVi(reward, horizon, m, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BEST_PERM, delta, scale);
                case ORACLE -> new CascadingVi(reward, horizon, m, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BRUTE_FORCE, delta, scale);
                case HOEFFDING -> new CascadingVi(reward, horizon, m, CascadingVi.Bonus.HOEFFDING, CascadingVi.Planner.BEST_PERM, delta, scale);
                case NAIVE -> new NaiveListAgent(mdp.states(), n, horizon, m, delta, scale);
              };
              CascadingRlSimulator.Trace tr = CascadingRlSimulator.run(a, mdp, episodes, new SplittableRandom(1000L * n + sd));
              return new Done(agent, sd, tr.cumulativeRegret(), tr.seconds());
            }));
          }
        }
        List<List<Done>> byAgent = new ArrayList<>();
        for (int i = 0; i < Agent.values().length; i++) {
          byAgent.add(new ArrayList<>());
        }
        for (Future<Done> f : futures) {
          Done d = f.get();
          byAgent.get(d.agent().ordinal()).add(d);
        }
        out.printf(Locale.ROOT, "%-24s %6s %22s %18s %18s %12s%n", "agent", "runs", "regret(K) mean ± 95%", "first 10%/episode", "last 10%/episode", "s per run");
        List<Charts.Curve> curves = new ArrayList<>();
        int tenth = Math.max(1, episodes / 10);
        for (Agent agent : agents) {
          List<Done> ds = byAgent.get(agent.ordinal());
          int r = ds.size();
          double[] fin = new double[r];
          double[] first = new double[r];
          double[] last = new double[r];
          double secs = 0;
          for (int i = 0; i < r; i++) {
            double[] c = ds.get(i).curve();
            fin[i] = c[episodes - 1];
            first[i] = c[tenth - 1] / tenth;
            last[i] = (c[episodes - 1] - c[episodes - 1 - tenth]) / tenth;
            secs += ds.get(i).seconds();
          }
          out.printf(Locale.ROOT, "%-24s %6d %13.2f ± %6.2f %18.4f %18.4f %12.3f%n", agent.label, r, Stats.mean(fin), Stats.halfWidth95(fin),
              Stats.mean(first), Stats.mean(last), secs / r);
          int points = Math.min(200, episodes);
          double[] x = new double[points];
          double[] mean = new double[points];
          double[] lo = new double[points];
          double[] hi = new double[points];
          for (int p = 0; p < points; p++) {
            int idx = (int) ((long) (p + 1) * episodes / points) - 1;
            double[] v = new double[r];
            for (int i = 0; i < r; i++) {
              v[i] = ds.get(i).curve()[idx];
            }
            x[p] = idx + 1;
            mean[p] = Stats.mean(v);
            double h = Stats.halfWidth95(v);
            lo[p] = mean[p] - h;
            hi[p] = mean[p] + h;
          }
          curves.add(new Charts.Curve(agent.label, x, mean, lo, hi));
        }
        out.flush();
        if (plotDir != null) {
          Path png = plotDir.resolve("bandits-rl-N" + n + ".png");
          Charts.writeBands(png, String.format(Locale.ROOT, "MovieLens cascading MDP, N=%d, m=%d, H=%d: cumulative regret (95%% band)", n, m, horizon),
              "episode k", "cumulative regret", curves);
          out.println("wrote " + png);
        }
        if (!noExtras) {
          speed(out, n);
          bpi(out, mdp, reward, opt.value());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  /** BestPerm against brute force on random instances of this N (one state, one step). */
  private void speed(PrintWriter out, int n) {
    SplittableRandom rng = new SplittableRandom(n);
    double[][] qs = new double[speedInstances][n];
    double[][] ws = new double[speedInstances][n];
    double[] wb = new double[speedInstances];
    for (int i = 0; i < speedInstances; i++) {
      for (int a = 0; a < n; a++) {
        qs[i][a] = rng.nextDouble();
        ws[i][a] = rng.nextDouble() * horizon;
      }
      wb[i] = rng.nextDouble() * horizon * 0.5;
    }
    BestPerm bp = new BestPerm(m);
    double sink = 0;
    long fastBest = Long.MAX_VALUE;
    long slowBest = Long.MAX_VALUE;
    for (int rep = 0; rep < 7; rep++) { // the minimum over passes: the first passes warm up the JIT
      long t0 = System.nanoTime();
      for (int i = 0; i < speedInstances; i++) {
        sink += bp.solve(qs[i], ws[i], wb[i]).value();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < speedInstances; i++) {
        sink -= bp.bruteForce(qs[i], ws[i], wb[i]).value();
      }
      long t2 = System.nanoTime();
      fastBest = Math.min(fastBest, t1 - t0);
      slowBest = Math.min(slowBest, t2 - t1);
    }
    double fast = fastBest / 1e3 / speedInstances;
    double slow = slowBest / 1e3 / speedInstances;
    out.printf(Locale.ROOT, "planning one state, N = %d, m = %d: BestPerm %.2f µs, brute force %.1f µs, speed-up %.0f× (%d random instances, best of 7 passes; |Σ value difference| = %.1e)%n",
        n, m, fast, slow, slow / fast, speedInstances, Math.abs(sink) / 7);
  }

  private void bpi(PrintWriter out, CascadingMdp mdp, double[][] reward, double best) {
    CascadingVi agent = new CascadingVi(reward, horizon, m, CascadingVi.Bonus.BERNSTEIN, CascadingVi.Planner.BEST_PERM, delta, scale);
    long t0 = System.nanoTime();
    CascadingBpi.Outcome o = new CascadingBpi(bpiEpsilon, bpiMaxEpisodes).identify(agent, mdp, new SplittableRandom(7));
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "CascadingBPI (ε = %s, δ = %s): %s after %d episodes (%.2f s), certified gap %.4f, true gap V* - V^π = %.5f%n",
        bpiEpsilon, delta, o.stopped() ? "stopped" : "did NOT stop", o.episodes(), secs, o.gap(), best - mdp.value(o.policy()));
    out.flush();
  }
}
