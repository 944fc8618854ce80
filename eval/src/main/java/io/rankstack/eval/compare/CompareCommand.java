package io.rankstack.eval.compare;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code rankstack-eval compare QRELS RUN_A RUN_B [RUN_C ...]}: per-query differences of one measure
 * between two runs, with a confidence interval and two significance tests; or, with more runs or
 * several {@code -m}, a table of every run and measure with significance markers against the
 * baseline RUN_A after Holm–Bonferroni correction. A thin binding: flags become
 * {@link CompareSettings}, files are read with {@link TrecFormats}, {@link ComparisonReport} or
 * {@link MultiComparison} does the work and {@link ComparisonFormat} or
 * {@link MultiComparisonFormat} prints it.
 */
@Command(
    name = "compare",
    sortOptions = false,
    description = {
        "Compares run B against run A on one measure, query by query.",
        "Queries: those of the qrels with at least one relevant document; a query missing from a run"
            + " scores 0 (trec_eval -c). Prints each query's A, B and B-A, then the mean difference with a"
            + " 95%% Student-t confidence interval, wins/ties/losses, a two-sided paired t-test and a"
            + " two-sided randomisation (sign-flip) test.",
        "Randomisation p = (count + 1) / (N + 1), count = draws with |mean diff| >= observed; exact"
            + " over all 2^n sign assignments when 2^n <= N.",
        "With more than two runs or more than one -m: a table of means (runs x measures), ▲/▼ where a run"
            + " differs from RUN_A with Holm-Bonferroni-adjusted p <= --alpha over all comparisons, and each"
            + " comparison's raw and adjusted p-values of both tests (text only)."})
public final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "QRELS", description = "Judgments: TREC qrels or BEIR qrels TSV.")
  Path qrels;

  @Parameters(index = "1", paramLabel = "RUN_A", description = "The baseline run (TREC run format).")
  Path runA;

  @Parameters(index = "2..*", arity = "1..*", paramLabel = "RUN_B",
      description = "The run(s) compared with it (TREC run format).")
  List<Path> runsB;

  @Option(names = {"-m", "--measure"}, paramLabel = "MEASURE",
      description = "A trec_eval measure with one value per query: ndcg_cut.K, map, map_cut.K, P.K, recall.K, recip_rank, bpref, rbp, …"
          + " Repeat for several (default: " + CompareSettings.DEFAULT_MEASURE + ").")
  List<String> measures;

  @Option(names = "--test", paramLabel = "TEST", defaultValue = "randomisation",
      description = "Test behind the table's markers: t or randomisation (default: ${DEFAULT-VALUE}).")
  String test;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
      description = "Family-wise significance level of the table's markers (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--permutations", paramLabel = "N", defaultValue = "" + PairedComparison.DEFAULT_PERMUTATIONS,
      description = "Random sign assignments of the randomisation test, at least "
          + PairedComparison.MIN_PERMUTATIONS + " (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + PairedComparison.DEFAULT_SEED,
      description = "Seed of the randomisation test (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "Output: text (a table and a summary) or json (default: ${DEFAULT-VALUE}).")
  ComparisonFormat format;

  private final PerQueryScores engine;

  /** The command with the trec_eval-exact engine, so its numbers equal {@code trec -q -c} (picocli uses this). */
  public CompareCommand() {
    this(new TrecEvalScores());
  }

  /** The command with another per-query engine (tests use core's metrics through {@link CoreMetricScores}). */
  public CompareCommand(PerQueryScores engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public Integer call() {
    List<String> ms = measures == null || measures.isEmpty() ? List.of(CompareSettings.DEFAULT_MEASURE) : measures;
    if (runsB.size() > 1 || ms.size() > 1) {
      return table(ms);
    }
    Path runB = runsB.get(0);
    CompareSettings settings = new CompareSettings(ms.get(0), permutations, seed);
    engine.checkMeasure(settings.measure());
    Judgments judgments = TrecFormats.readAnyQrels(qrels);
    Run a = TrecFormats.readRun(runA);
    Run b = TrecFormats.readRun(runB);
    ComparisonReport report = ComparisonReport.build(judgments, a, runA.toString(), b, runB.toString(), settings, engine);
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.render(report));
    out.flush();
    return 0;
  }

  private Integer table(List<String> ms) {
    MultiComparison.Test markerTest = switch (test.toLowerCase(java.util.Locale.ROOT)) {
      case "t" -> MultiComparison.Test.T;
      case "randomisation", "randomization" -> MultiComparison.Test.RANDOMISATION;
      default -> throw new IllegalArgumentException("--test must be t or randomisation, not '" + test + "'");
    };
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("--alpha must be in (0, 1): " + alpha);
    }
    if (format != ComparisonFormat.TEXT) {
      throw new IllegalArgumentException("--format json is for one run against the baseline on one measure");
    }
    PairedComparison.checkPermutations(permutations);
    for (String m : ms) {
      engine.checkMeasure(m);
    }
    Judgments judgments = TrecFormats.readAnyQrels(qrels);
    List<Run> runs = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    runs.add(TrecFormats.readRun(runA));
    sources.add(runA.toString());
    for (Path p : runsB) {
      runs.add(TrecFormats.readRun(p));
      sources.add(p.toString());
    }
    MultiComparison c = MultiComparison.build(judgments, runs, sources, ms, permutations, seed, engine);
    PrintWriter out = spec.commandLine().getOut();
    out.print(MultiComparisonFormat.text(c, markerTest, alpha));
    out.flush();
    return 0;
  }

  /** {@code text} or {@code json}, in any case; converted here so the command works in any command line. */
  static final class FormatConverter implements ITypeConverter<ComparisonFormat> {
    @Override
    public ComparisonFormat convert(String value) {
      for (ComparisonFormat f : ComparisonFormat.values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException("expected text or json but was '" + value + "'");
    }
  }
}
