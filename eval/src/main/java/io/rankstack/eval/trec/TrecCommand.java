package io.rankstack.eval.trec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code rankstack-eval trec QRELS RUN [flags]}: trec_eval 10.0, with its flags and its output byte
 * for byte. The arguments are parsed by {@link TrecArguments} rather than picocli, because
 * trec_eval's flags follow getopt conventions ({@code -mrelstring.20}, {@code -qc}, flags after the
 * files) that must keep working exactly as in scripts written for trec_eval.
 */
@Command(
    name = "trec",
    description = {
        "Evaluates a TREC run against qrels exactly as trec_eval 10.0 (NIST) does,",
        "with the same flags and byte-identical output.",
        "",
        "  -q          also print each query's values",
        "  -m MEASURE  measure or set of measures, parameters after a dot; repeatable:",
        "              official (default), all_trec, set, P.5,10, ndcg_cut.10,",
        "              ndcg.1=3,2=9, iprec_at_recall..1,.5, utility.2,-1,0,0",
        "  -c          evaluate every qrels query (missing ones as retrieving nothing)",
        "  -l LEVEL    minimum grade for relevance (default 1)",
        "  -M NUM      evaluate only the top NUM documents of each query",
        "  -J          drop unjudged documents before evaluating",
        "  -N NUM      number of documents in the collection (for utility)",
        "  -n          no summary",
        "  -h, -v      help, version",
        "",
        "Not supported: -R prefs/qrels_jg, -Z (z-scores), -D (debug)."
    },
    customSynopsis = {
        "rankstack-eval trec [-qcnJ] [-m MEASURE[.PARAMS]]... [-l LEVEL] [-M NUM]",
        "                           [-N NUM] QRELS RUN"
    })
public final class TrecCommand implements Callable<Integer> {
  /** The trec_eval version whose behaviour this command reproduces. */
  public static final String TREC_EVAL_VERSION = "10.0";

  @Spec
  private CommandSpec spec;

  @Unmatched
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    TrecArguments parsed;
    try {
      parsed = TrecArguments.parse(args);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "trec: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (parsed.help()) {
      spec.commandLine().usage(out);
      out.flush();
      return 0;
    }
    if (parsed.version()) {
      spec.commandLine().getErr().println("trec_eval version " + TREC_EVAL_VERSION + " (rankstack-eval)");
      spec.commandLine().getErr().flush();
      return 0;
    }
    TrecEvaluator evaluator = new TrecEvaluator(parsed.options());
    TrecEvalResult result = evaluator.evaluate(TrecQrels.read(parsed.qrels()), TrecRun.read(parsed.run()));
    out.print(new TrecEvalFormatter(parsed.perQuery(), parsed.summary()).format(result));
    out.flush();
    return 0;
  }
}
