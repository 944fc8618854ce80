package io.rankstack.eval.ope;

import io.rankstack.eval.plot.EstimatorBars;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval ope estimate}: a target policy's value from a user's log. */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Estimates a target policy's value from a log with propensities, with bootstrap intervals.",
        "Log: the project's impression events (JSON lines; every item needs a propensity) joined with click",
        "events, or an Open Bandit Dataset CSV. Policy: CSV '" + PolicyCsv.HEADER + "' (context * = any).",
        "Single-action estimators give the reward per shown slot; slate estimators the total reward per impression."})
public final class OpeEstimateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  LogSource log;

  static final class LogSource {
    @ArgGroup(exclusive = false)
    Events events;

    @Option(names = "--obd-csv", paramLabel = "FILE", required = true, description = "An Open Bandit Dataset log (CSV).")
    Path obd;
  }

  static final class Events {
    @Option(names = "--impressions", paramLabel = "FILE", required = true, description = "Impression events, one JSON object per line.")
    Path impressions;

    @Option(names = "--clicks", paramLabel = "FILE", description = "Click events, one JSON object per line (none: no clicks).")
    Path clicks;
  }

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The target policy (CSV).")
  Path policy;

  @Mixin OpeOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TargetPolicy target = PolicyCsv.read(policy);
    List<LoggedImpression> logged = log.obd != null ? ObdCsv.read(log.obd)
        : EventLog.read(log.events.impressions, log.events.clicks);
    if (logged.isEmpty()) {
      throw new IllegalArgumentException("the log holds no impressions");
    }
    boolean slates = logged.stream().anyMatch(i -> i.slots().size() > 1);
    List<EstimatorKind> defaults = new ArrayList<>(OpeObdCommand.DEFAULT_KINDS);
    if (slates) {
      defaults.addAll(List.of(EstimatorKind.SIPS, EstimatorKind.IIPS, EstimatorKind.RIPS, EstimatorKind.CASCADE_DR));
    }
    List<EstimatorKind> kinds = options.kinds(defaults);
    Bootstrap bootstrap = options.bootstrap();
    long slots = logged.stream().mapToLong(i -> i.slots().size()).sum();
    double observed = new ObservedMean().estimate(logged);
    out.printf(Locale.ROOT, "ope estimate: %d impressions, %d slots; logged reward per slot %.5f; %d resamples, %.0f%% intervals%n",
        logged.size(), slots, observed, options.resamples, 100 * options.level);
    out.printf(Locale.ROOT, "%-10s %-10s %10s %25s%n", "estimator", "unit", "estimate", "interval");
    List<EstimatorBars.Row> rows = new ArrayList<>();
    for (EstimatorKind kind : kinds) {
      Estimate e = bootstrap.run(kind.create(target, options.fitter(), options.tau), logged);
      out.printf(Locale.ROOT, "%-10s %-10s %10.5f   [%.5f, %.5f]%n", e.estimator(), kind.slate() ? "impression" : "slot",
          e.value(), e.lower(), e.upper());
      rows.add(new EstimatorBars.Row(kind.slate() ? "per impression" : "per slot", e.estimator(), e.value(), e.lower(),
          e.upper(), Double.NaN, Double.NaN, Double.NaN));
    }
    out.flush();
    OpeOutput.write(options, rows, "Off-policy estimates of " + policy.getFileName(), "estimated reward", out);
    return 0;
  }
}
