package io.rankstack.eval.ltr;

import io.rankstack.ltr.lambdamart.LambdaMartConfig;
import picocli.CommandLine.Option;

/** LambdaMART flags shared by the ltr commands; defaults are {@link LambdaMartConfig#defaults()}. */
public final class LambdaMartOptions {
  @Option(names = "--seed", defaultValue = "12345", description = "Seed of XGBoost and of the validation/fold splits (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rounds", defaultValue = "500", description = "Boosting rounds at most (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--early-stopping", defaultValue = "50", description = "Stop after this many rounds without validation gain; 0 off (default ${DEFAULT-VALUE}).")
  int earlyStopping;

  @Option(names = "--eta", defaultValue = "0.1", description = "Learning rate (default ${DEFAULT-VALUE}).")
  double eta;

  @Option(names = "--depth", defaultValue = "6", description = "Maximum tree depth (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--min-child-weight", defaultValue = "1", description = "Minimum hessian sum per leaf (default ${DEFAULT-VALUE}).")
  double minChildWeight;

  @Option(names = "--subsample", defaultValue = "1", description = "Row sampling per tree (default ${DEFAULT-VALUE}).")
  double subsample;

  @Option(names = "--colsample", defaultValue = "1", description = "Feature sampling per tree (default ${DEFAULT-VALUE}).")
  double colsample;

  @Option(names = "--threads", defaultValue = "1", description = "XGBoost threads; 1 gives bit-identical models everywhere (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--valid-fraction", defaultValue = "0.2",
      description = "Share of the training queries held out for early stopping (default ${DEFAULT-VALUE}); never test queries.")
  double validFraction;

  @Option(names = "--select",
      description = "Also choose eta, depth and min child weight from a small grid (eta 0.05/0.1/0.3 x depth 3/6 x min child weight 1/10)"
          + " by validation nDCG@10, never by test queries.")
  boolean select;

  /** The grid {@code --select} searches, each with the other flags as given. */
  public java.util.List<LambdaMartConfig> grid() {
    java.util.List<LambdaMartConfig> g = new java.util.ArrayList<>();
    for (double e : new double[] {0.05, 0.1, 0.3}) {
      for (int d : new int[] {3, 6}) {
        for (double w : new double[] {1, 10}) {
          g.add(config().withTrees(e, d, w, subsample, colsample));
        }
      }
    }
    return g;
  }

  /** The configuration these flags describe. */
  public LambdaMartConfig config() {
    return new LambdaMartConfig(rounds, earlyStopping, eta, depth, minChildWeight, subsample, colsample, 1.0, 10, threads, seed);
  }
}
