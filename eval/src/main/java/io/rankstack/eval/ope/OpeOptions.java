package io.rankstack.eval.ope;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags both {@code ope} subcommands share: estimators, their parameters, the bootstrap and the outputs. */
public final class OpeOptions {
  @Option(names = "--estimators", split = ",", paramLabel = "NAME",
      description = "Estimators: dm, ips, snips, dr, switch-dr (single action), sips, iips, rips, cascade-dr (slates).")
  List<String> estimators;

  @Option(names = "--tau", defaultValue = "5", paramLabel = "T",
      description = "Switch-DR threshold: corrections of slots with importance weight above T are dropped (default ${DEFAULT-VALUE}).")
  double tau;

  @Option(names = "--prior", defaultValue = "" + PositionActionMeanModel.DEFAULT_PRIOR, paramLabel = "M",
      description = "Reward model: pseudo-observations at the position mean per (position, action) cell (default ${DEFAULT-VALUE}).")
  double prior;

  @Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES, paramLabel = "B",
      description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--level", defaultValue = "" + Bootstrap.DEFAULT_LEVEL, paramLabel = "L",
      description = "Confidence level of the intervals (default ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED, paramLabel = "S",
      description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write the estimates as CSV (input of 'plot ope').")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the estimates as error bars (.png or .svg).")
  Path plot;

  Bootstrap bootstrap() {
    return new Bootstrap(resamples, level, seed);
  }

  RewardModel.Fitter fitter() {
    return PositionActionMeanModel.fitter(prior);
  }

  /** The named kinds, or {@code defaults} when none were named. */
  List<EstimatorKind> kinds(List<EstimatorKind> defaults) {
    return estimators == null || estimators.isEmpty() ? defaults : estimators.stream().map(EstimatorKind::parse).toList();
  }
}
