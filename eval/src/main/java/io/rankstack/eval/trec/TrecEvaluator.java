package io.rankstack.eval.trec;

import io.rankstack.core.io.InputFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Java implementation of trec_eval 10.0 (NIST) for TREC qrels and runs: the same measures, the
 * same numbers, and through {@link TrecEvalFormatter} the same output, byte for byte.
 *
 * <p>Each query of the qrels is evaluated in turn ({@code strcmp} order of query ids). Queries that
 * appear only in the run are ignored. A qrels query the run has no results for is an error, as in
 * trec_eval 10.0, unless {@code -c} ({@link TrecEvalOptions#completeRelInfo()}) asks to evaluate it
 * as a run that retrieved one unjudged document, with {@code num_ret}, {@code utility},
 * {@code relstring}, {@code unj*} and {@code rbp_resid} then reset to zero.
 *
 * <p>Usage:
 * <pre>{@code
 * TrecEvaluator eval = new TrecEvaluator(TrecEvalOptions.defaults().withMeasures("ndcg_cut.10", "map"));
 * TrecEvalResult r = eval.evaluate(TrecQrels.read(qrelsPath), TrecRun.read(runPath));
 * Map<String, Double> ndcg10 = r.perQuery("ndcg_cut_10");
 * double map = r.summary("map");
 * }</pre>
 * An evaluator holds no state besides its options and can evaluate any number of runs, from any
 * number of threads.
 */
public final class TrecEvaluator {
  /** The document trec_eval pretends a query without results retrieved under {@code -c}. */
  static final String MISSING_QUERY_DOCNO = "ceci_nest_pas_un_docno";

  private final TrecEvalOptions options;
  private final List<Measure> measures;

  /**
   * @param options what to evaluate
   * @throws IllegalArgumentException when a {@code -m} argument names no measure or has parameters
   *                                  trec_eval would refuse
   */
  public TrecEvaluator(TrecEvalOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.measures = MeasureSelection.select(options.measures());
  }

  /** Reads both files and evaluates the run with the given options. */
  public static TrecEvalResult evaluate(Path qrels, Path run, TrecEvalOptions options) {
    TrecEvaluator evaluator = new TrecEvaluator(options);
    return evaluator.evaluate(TrecQrels.read(qrels), TrecRun.read(run));
  }

  /** The options this evaluator was built with. */
  public TrecEvalOptions options() {
    return options;
  }

  /** The names of every value this evaluator produces, in trec_eval's printing order. */
  public List<String> valueNames() {
    List<String> names = new ArrayList<>();
    measures.forEach(m -> names.addAll(m.valueNames()));
    return names;
  }

  /**
   * Evaluates a run against judgments.
   *
   * @throws IllegalArgumentException when a qrels query has no results and {@code -c} is off
   * @throws InputFormatException     when a document appears twice in a query's evaluated results
   */
  public TrecEvalResult evaluate(TrecQrels qrels, TrecRun run) {
    List<TrecEvalResult.Column> columns = new ArrayList<>();
    for (Measure m : measures) {
      m.valueNames().forEach(n -> columns.add(new TrecEvalResult.Column(n, m.family())));
    }
    List<QueryJudgments> queries = qrels.queries();
    List<String> queryIds = new ArrayList<>();
    double[][] rows = new double[queries.size()][];
    Map<String, String> relStrings = new LinkedHashMap<>();
    for (int qi = 0; qi < queries.size(); qi++) {
      QueryJudgments judgments = queries.get(qi);
      String qid = judgments.queryId();
      List<TrecRun.Entry> retrieved = run.results(qid);
      boolean missing = retrieved.isEmpty();
      if (missing) {
        if (!options.completeRelInfo()) {
          throw new IllegalArgumentException("query '" + qid + "' of " + qrels.source() + " has no results in "
              + run.source() + " (trec_eval 10.0 stops here; -c evaluates such queries as retrieving nothing)");
        }
        retrieved = List.of(new TrecRun.Entry(MISSING_QUERY_DOCNO, 1.0, 0));
      }
      QueryContext q = QueryContext.build(judgments, retrieved, options, run.source());
      double[] row = new double[columns.size()];
      int offset = 0;
      for (Measure m : measures) {
        double[] out = new double[m.valueNames().size()];
        m.family().compute(q, m.params(), out);
        System.arraycopy(out, 0, row, offset, out.length);
        String text = m.family().text(q, m.params());
        if (text != null) {
          relStrings.put(qid, missing && m.valueNames().get(0).equals("relstring") ? "" : text);
        }
        offset += out.length;
      }
      if (missing) {
        resetForMissingQuery(columns, row);
      }
      queryIds.add(qid);
      rows[qi] = row;
    }
    double[] summary = summarize(columns, rows, qrels);
    return new TrecEvalResult(run.runId(), queryIds, columns, rows, summary, relStrings);
  }

  /**
   * What trec_eval resets, by exact value name (so {@code utility_2,-1,0,0} keeps its value), after
   * evaluating a query without results.
   */
  private static void resetForMissingQuery(List<TrecEvalResult.Column> columns, double[] row) {
    for (int c = 0; c < columns.size(); c++) {
      String name = columns.get(c).name();
      if (name.equals("num_ret") || name.equals("utility") || name.startsWith("unj") || name.equals("rbp_resid")) {
        row[c] = 0.0;
      }
    }
  }

  private static long positiveJudgments(TrecQrels qrels) {
    long positive = 0;
    for (QueryJudgments q : qrels.queries()) {
      positive += q.numPositive();
    }
    return positive;
  }

  private double[] summarize(List<TrecEvalResult.Column> columns, double[][] rows, TrecQrels qrels) {
    long evaluated = rows.length;
    long numQueries = options.completeRelInfo() ? qrels.queries().size() : evaluated;
    double[] summary = new double[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      double sum = 0.0;
      for (double[] row : rows) {
        sum += row[c];
      }
      summary[c] = switch (columns.get(c).family().averaging()) {
        case NONE -> 0.0;
        case SUM -> sum;
        case MEAN -> numQueries != 0 ? sum / numQueries : sum;
        case GEOMETRIC_MEAN -> {
          if (numQueries == 0) {
            yield sum;
          }
          if (options.completeRelInfo()) {
            // Queries never evaluated count as the floor value (none in trec_eval 10.0, which
            // evaluates every qrels query under -c).
            sum += (numQueries - evaluated) * Math.log(MeasureFamily.MIN_GEO_MEAN);
          }
          yield Math.exp(sum / numQueries);
        }
        case QUERY_COUNT -> numQueries;
        case RELEVANT_COUNT -> options.completeRelInfo() ? positiveJudgments(qrels) : sum;
      };
    }
    return summary;
  }
}
