package io.rankstack.eval;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.eval.bandit.BanditCommand;
import io.rankstack.eval.bench.BenchCommand;
import io.rankstack.eval.bench.FeatureBenchCommand;
import io.rankstack.eval.bench.IndexBenchCommand;
import io.rankstack.eval.clicks.ClickModelsCommand;
import io.rankstack.eval.compare.CompareCommand;
import io.rankstack.eval.ctr.CtrCommand;
import io.rankstack.eval.demo.DemoCommand;
import io.rankstack.eval.fusion.FuseCommand;
import io.rankstack.eval.grank.GRankCommand;
import io.rankstack.eval.interleaving.InterleavingSimulationCommand;
import io.rankstack.eval.ltr.FeaturesCommand;
import io.rankstack.eval.ltr.LtrCommand;
import io.rankstack.eval.ope.OpeCommand;
import io.rankstack.eval.plot.PlotCommand;
import io.rankstack.eval.rerank.RerankCommand;
import io.rankstack.eval.retrieval.IndexCommand;
import io.rankstack.eval.retrieval.SearchCommand;
import io.rankstack.eval.trec.TrecCommand;
import io.rankstack.eval.tsp.TspRankCommand;
import io.rankstack.eval.ultr.UltrCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code rankstack-eval} command-line tool. Each subcommand is a thin binding
 * from flags to a typed API in this module or below; the work happens there.
 *
 * <p>Exit codes: 0 success, 1 an internal error, 2 bad input (a malformed file or a bad flag), with
 * the file, line and field named on standard error.
 */
@Command(
    name = "rankstack-eval",
    mixinStandardHelpOptions = true,
    versionProvider = RankstackEval.Version.class,
    description = "Rankstack's offline evaluation tool: index, search, evaluate and compare runs.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DemoCommand.class,
        IndexCommand.class,
        SearchCommand.class,
        TrecCommand.class,
        CompareCommand.class,
        FuseCommand.class,
        ClickModelsCommand.class,
        InterleavingSimulationCommand.class,
        GRankCommand.class,
        BenchCommand.class,
        IndexBenchCommand.class,
        FeaturesCommand.class,
        LtrCommand.class,
        FeatureBenchCommand.class,
        BanditCommand.class,
        TspRankCommand.class,
        OpeCommand.class,
        PlotCommand.class,
        UltrCommand.class,
        CtrCommand.class,
        RerankCommand.class,
    })
public final class RankstackEval {
  /** Exit code for malformed input files and bad arguments. */
  public static final int EXIT_BAD_INPUT = 2;

  private RankstackEval() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the tool with the given streams and returns its exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** The configured command line: bad input of any kind exits with {@link #EXIT_BAD_INPUT}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RankstackEval());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InputFormatException || ex instanceof IllegalArgumentException) {
        commandLine.getErr().println("rankstack-eval: " + ex.getMessage());
        return EXIT_BAD_INPUT;
      }
      if (ex instanceof UncheckedIOException) {
        commandLine.getErr().println("rankstack-eval: " + ex.getMessage());
        return EXIT_BAD_INPUT;
      }
      throw ex;
    });
    cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? EXIT_BAD_INPUT : 1);
    return cl;
  }

  /** Reads the version from the jar manifest (set by the build). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RankstackEval.class.getPackage().getImplementationVersion();
      return new String[] {"rankstack-eval " + (v == null ? "(development build)" : v)};
    }
  }
}
