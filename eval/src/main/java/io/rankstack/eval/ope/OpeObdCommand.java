package io.rankstack.eval.ope;

import io.rankstack.eval.plot.EstimatorBars;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval ope obd}: the Open Bandit Dataset paper's validation protocol on the
 * dataset's sample ({@link ObdValidation}).
 */
@Command(name = "obd", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Validates the single-action estimators on the Open Bandit Dataset sample:",
        "estimates the Bernoulli-TS policy's click rate from the uniform-random logs and compares it",
        "with the click rate observed in the Bernoulli-TS logs (the ground truth), per campaign;",
        "and the reverse (uniform random from the TS logs, with TS's real propensities).",
        "The TS policy's action probabilities are its log's item shares per position (see docs/experiments/ope.md)."})
public final class OpeObdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
      description = "Data folder holding bandits/open-bandit-sample (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--campaigns", split = ",", defaultValue = "men,women", description = "Campaigns (default ${DEFAULT-VALUE}).")
  List<String> campaigns;

  @Option(names = "--direction", defaultValue = "both", paramLabel = "D",
      description = "bts-from-random (the paper's main direction), random-from-bts (BTS's real propensities), or both (default ${DEFAULT-VALUE}).")
  String direction;

  @Mixin OpeOptions options;

  static final List<EstimatorKind> DEFAULT_KINDS = List.of(EstimatorKind.DM, EstimatorKind.IPS, EstimatorKind.SNIPS,
      EstimatorKind.DR, EstimatorKind.SWITCH_DR);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path root = data.resolve("bandits/open-bandit-sample");
    List<EstimatorKind> kinds = options.kinds(DEFAULT_KINDS);
    Bootstrap bootstrap = options.bootstrap();
    out.printf(Locale.ROOT, "ope obd: %s; %d bootstrap resamples, %.0f%% intervals, seed %d; switch-DR tau %s;"
        + " reward model: per (position, item) mean, prior %s%n", root, options.resamples, 100 * options.level,
        options.seed, fmt(options.tau), fmt(options.prior));
    boolean forward = direction.equals("both") || direction.equals("bts-from-random");
    boolean reverse = direction.equals("both") || direction.equals("random-from-bts");
    if (!forward && !reverse) {
      throw new IllegalArgumentException("--direction must be bts-from-random, random-from-bts or both, not '" + direction + "'");
    }
    List<EstimatorBars.Row> csv = new ArrayList<>();
    for (String campaign : campaigns) {
      List<LoggedImpression> random = ObdCsv.read(root.resolve("random").resolve(campaign).resolve(campaign + ".csv"));
      List<LoggedImpression> bts = ObdCsv.read(root.resolve("bts").resolve(campaign).resolve(campaign + ".csv"));
      if (forward) {
        ObdValidation.Result r = ObdValidation.run(campaign, random, bts, kinds, options.fitter(), options.tau, bootstrap);
        print(out, r, "Bernoulli-TS estimated from the uniform-random log", "Bernoulli-TS", csv, campaign + ": TS from random");
      }
      if (reverse) {
        List<String> items = ObdCsv.readItemIds(root.resolve("random").resolve(campaign).resolve("item_context.csv"));
        TargetPolicy uniform = ObdValidation.uniformPolicy(items, ObdValidation.positions(bts));
        ObdValidation.Result r = ObdValidation.run(campaign, bts, random, uniform, kinds, options.fitter(), options.tau,
            bootstrap);
        print(out, r, "uniform random estimated from the Bernoulli-TS log", "uniform-random", csv,
            campaign + ": random from TS");
      }
    }
    out.flush();
    OpeOutput.write(options, csv, "Open Bandit Dataset sample: click rate estimated off-policy vs observed on-policy",
        "click rate (dashed: observed on-policy, band: its interval)", out);
    return 0;
  }

  private static void print(PrintWriter out, ObdValidation.Result r, String what, String truthPolicy,
                            List<EstimatorBars.Row> csv, String group) {
    Estimate t = r.truth();
    out.printf(Locale.ROOT, "%ncampaign %s, %s: %d logged rows, %d on-policy rows; largest importance weight %.2f%n",
        r.campaign(), what, r.loggedRows(), r.truthRows(), r.maxWeight());
    out.printf(Locale.ROOT, "ground truth (%s observed click rate): %.5f [%.5f, %.5f]%n", truthPolicy, t.value(), t.lower(),
        t.upper());
    out.printf(Locale.ROOT, "%-10s %9s %21s %10s %8s %12s%n", "estimator", "estimate", "interval", "rel.error", "covers",
        "mean rel.err");
    for (ObdValidation.Row row : r.rows()) {
      Estimate e = row.estimate();
      out.printf(Locale.ROOT, "%-10s %9.5f   [%.5f, %.5f] %10.3f %8s %12.3f%n", e.estimator(), e.value(), e.lower(),
          e.upper(), row.relativeError(), row.covers() ? "yes" : "no", row.meanResampledRelativeError());
      csv.add(new EstimatorBars.Row(group, e.estimator(), e.value(), e.lower(), e.upper(), t.value(), t.lower(), t.upper()));
    }
  }

  private static String fmt(double x) {
    return x == Math.rint(x) && !Double.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
