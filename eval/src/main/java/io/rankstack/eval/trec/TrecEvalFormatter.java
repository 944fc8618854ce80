package io.rankstack.eval.trec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link TrecEvalResult} exactly as trec_eval prints it: one line per value,
 * {@code name<TAB>query<TAB>value}, the name left-justified in 22 columns ({@code %-22s}), real
 * values with {@code %6.4f}, counts with {@code %ld}, relstring quoted. With per-query output
 * ({@code -q}) each query's values come first, in query order; the summary lines have the query id
 * {@code all} and come last unless turned off ({@code -n}). Lines end with {@code \n} on every
 * platform.
 */
public final class TrecEvalFormatter {
  private final boolean perQuery;
  private final boolean summary;

  /**
   * @param perQuery print each query's values ({@code -q})
   * @param summary  print the summary ({@code true} unless {@code -n})
   */
  public TrecEvalFormatter(boolean perQuery, boolean summary) {
    this.perQuery = perQuery;
    this.summary = summary;
  }

  /** The formatted output as a string. */
  public String format(TrecEvalResult result) {
    StringBuilder sb = new StringBuilder();
    try {
      write(result, sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a StringBuilder
    }
    return sb.toString();
  }

  /** Appends the formatted output to {@code out}. */
  public void write(TrecEvalResult result, Appendable out) throws IOException {
    List<TrecEvalResult.Column> columns = result.columns();
    if (perQuery) {
      for (int q = 0; q < result.queryIds().size(); q++) {
        String qid = result.queryIds().get(q);
        for (int c = 0; c < columns.size(); c++) {
          TrecEvalResult.Column col = columns.get(c);
          if (!col.family().printedPerQuery()) {
            continue;
          }
          String value = col.family().output() == MeasureFamily.Output.TEXT
              ? "'" + result.relString(qid).orElse("") + "'"
              : number(col, result.perQueryValue(q, c));
          line(out, col.name(), qid, value);
        }
      }
    }
    if (summary) {
      for (int c = 0; c < columns.size(); c++) {
        TrecEvalResult.Column col = columns.get(c);
        if (!col.family().printedInSummary()) {
          continue;
        }
        String value = col.family().output() == MeasureFamily.Output.RUN_ID
            ? result.runId()
            : number(col, result.summaryValue(c));
        line(out, col.name(), "all", value);
      }
    }
  }

  private static String number(TrecEvalResult.Column col, double value) {
    return col.family().output() == MeasureFamily.Output.COUNT
        ? Long.toString(CNumbers.truncToLong(value))
        : CPrintf.fixed(value, 6, 4);
  }

  private static void line(Appendable out, String name, String qid, String value) throws IOException {
    out.append(CPrintf.padRight(name, 22)).append('\t').append(qid).append('\t').append(value).append('\n');
  }
}
