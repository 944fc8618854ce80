package io.rankstack.eval.plot;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.bandit.Charts;
import io.rankstack.eval.compare.TrecEvalScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rankstack-eval plot}: PNG or SVG charts (by the output's extension) of evaluation results:
 * sorted per-query deltas, precision–recall curves, regret curves, off-policy estimates.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Charts as PNG or SVG (chosen by the --out extension).",
    subcommands = {CommandLine.HelpCommand.class, PlotCommand.Delta.class, PlotCommand.Pr.class, PlotCommand.Regret.class,
        PlotCommand.Ope.class})
public final class PlotCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every chart has. */
  static final class Output {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The chart: FILE.png or FILE.svg.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title (default: one that names the inputs).")
    String title;

    @Option(names = "--width", defaultValue = "" + ChartFiles.WIDTH, description = "Width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "" + ChartFiles.HEIGHT, description = "Height (default ${DEFAULT-VALUE}).")
    int height;

    String title(String fallback) {
      return title != null ? title : fallback;
    }
  }

  @Command(name = "delta", mixinStandardHelpOptions = true,
      description = "Per-query difference of one measure, run B minus run A, as bars sorted from gain to loss.")
  static final class Delta implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "QRELS") Path qrels;
    @Parameters(index = "1", paramLabel = "RUN_A") Path runA;
    @Parameters(index = "2", paramLabel = "RUN_B") Path runB;
    @Option(names = {"-m", "--measure"}, defaultValue = "ndcg_cut.10", description = "trec_eval measure (default ${DEFAULT-VALUE}).")
    String measure;
    @CommandLine.Mixin Output output;

    @Override
    public Integer call() {
      TrecEvalScores engine = new TrecEvalScores();
      engine.checkMeasure(measure);
      Judgments j = TrecFormats.readAnyQrels(qrels);
      List<DeltaBars.Bar> bars = DeltaBars.compute(j, TrecFormats.readRun(runA), TrecFormats.readRun(runB), measure, engine);
      long wins = bars.stream().filter(b -> b.delta() > 0).count();
      long losses = bars.stream().filter(b -> b.delta() < 0).count();
      String title = output.title(String.format(Locale.ROOT, "%s: %s − %s per query (%d better, %d worse)", measure,
          runB.getFileName(), runA.getFileName(), wins, losses));
      ChartFiles.write(DeltaBars.chart(bars, title, measure), output.out, output.width, output.height);
      spec.commandLine().getOut().printf(Locale.ROOT, "%d queries: %d better, %d worse, %d equal; wrote %s%n",
          bars.size(), wins, losses, bars.size() - wins - losses, output.out);
      return 0;
    }
  }

  @Command(name = "pr", mixinStandardHelpOptions = true,
      description = "11-point interpolated precision-recall curves of one or more runs (trec_eval iprec_at_recall, -c).")
  static final class Pr implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "QRELS") Path qrels;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RUN") List<Path> runs;
    @CommandLine.Mixin Output output;

    @Override
    public Integer call() {
      Judgments j = TrecFormats.readAnyQrels(qrels);
      List<PrecisionRecall.Curve> curves = new ArrayList<>();
      for (Path run : runs) {
        PrecisionRecall.Curve c = PrecisionRecall.compute(run.getFileName().toString(), j, TrecFormats.readRun(run));
        curves.add(c);
        StringBuilder line = new StringBuilder(c.name());
        for (double p : c.precision()) {
          line.append(String.format(Locale.ROOT, " %.4f", p));
        }
        spec.commandLine().getOut().println(line);
      }
      ChartFiles.write(PrecisionRecall.chart(curves, output.title("Interpolated precision-recall, " + qrels.getFileName())),
          output.out, output.width, output.height);
      spec.commandLine().getOut().println("wrote " + output.out);
      return 0;
    }
  }

  @Command(name = "regret", mixinStandardHelpOptions = true,
      description = "Regret curves with 95% bands from the CSV of 'bandit blb --csv' or 'bandit movielens --csv'.")
  static final class Regret implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CSV") Path csv;
    @CommandLine.Mixin Output output;

    @Override
    public Integer call() {
      List<Charts.Curve> curves = RegretCsv.read(csv);
      ChartFiles.write(Charts.bandsChart(output.title("Cumulative regret, " + csv.getFileName()), "round",
          "cumulative regret", curves), output.out, output.width, output.height);
      spec.commandLine().getOut().printf(Locale.ROOT, "%d curves; wrote %s%n", curves.size(), output.out);
      return 0;
    }
  }

  @Command(name = "ope", mixinStandardHelpOptions = true,
      description = "Off-policy estimates as error bars (with the ground truth when known) from 'ope ... --csv'.")
  static final class Ope implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CSV") Path csv;
    @CommandLine.Mixin Output output;

    @Override
    public Integer call() {
      List<EstimatorBars.Row> rows = EstimatorBars.read(csv);
      ChartFiles.write(EstimatorBars.chart(rows, output.title("Off-policy estimates, " + csv.getFileName()), "estimate"),
          output.out, output.width, output.height);
      spec.commandLine().getOut().printf(Locale.ROOT, "%d estimates; wrote %s%n", rows.size(), output.out);
      return 0;
    }
  }
}
