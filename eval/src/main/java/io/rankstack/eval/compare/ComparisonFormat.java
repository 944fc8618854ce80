package io.rankstack.eval.compare;

import java.util.Locale;

/**
 * How {@code compare} prints a {@link ComparisonReport}.
 *
 * <p>{@link #TEXT}: a header naming the measure, both runs and the query set; a table with one row
 * per query ({@code query  A  B  B-A}, four decimals as trec_eval prints); then a summary block with
 * the means, the mean difference with its 95% Student-t confidence interval, wins/ties/losses, and
 * the paired t-test and randomisation test p-values.
 *
 * <p>{@link #JSON}: one object with the same content at full precision:
 * <pre>{@code
 * {"measure": "ndcg_cut.10",
 *  "runA": {"source": "a.run", "tag": "bm25"}, "runB": {...},
 *  "queries": {"evaluated": 50, "withoutRelevant": 0, "missingFromA": 0, "missingFromB": 1},
 *  "perQuery": [{"query": "1", "a": 0.5, "b": 0.6, "diff": 0.1}, ...],
 *  "summary": {"n": 50, "meanA": ..., "meanB": ..., "meanDiff": ..., "sdDiff": ...,
 *              "ci": {"level": 0.95, "lower": ..., "upper": ...},
 *              "wins": ..., "ties": ..., "losses": ...,
 *              "tTest": {"t": ..., "df": 49, "p": ...},
 *              "randomisation": {"p": ..., "method": "monte-carlo", "permutations": 10000, "seed": 42,
 *                                "pValue": "(count + 1) / (N + 1)"}}}
 * }</pre>
 * Numbers that are undefined or infinite (the t-test with one query; t when every difference is the
 * same non-zero value) are {@code null}.
 */
public enum ComparisonFormat {
  /** A table for people. */
  TEXT {
    @Override
    public String render(ComparisonReport r) {
      PairedComparison s = r.stats();
      StringBuilder out = new StringBuilder();
      line(out, "compare %s: per-query difference B - A", r.settings().measure());
      line(out, "A: %s (run tag %s)", r.a().source(), r.a().tag());
      line(out, "B: %s (run tag %s)", r.b().source(), r.b().tag());
      line(out, "queries: %d, those of the qrels with at least one relevant document (%d without one left out)",
          s.n(), r.withoutRelevant());
      line(out, "missing from A: %d, from B: %d (a missing query scores 0, as with trec_eval -c)",
          r.missingFromA(), r.missingFromB());
      out.append('\n');
      int width = "query".length();
      for (ComparisonReport.QueryRow row : r.rows()) {
        width = Math.max(width, row.queryId().length());
      }
      String rowFormat = "%-" + width + "s  %8s  %8s  %8s";
      line(out, rowFormat, "query", "A", "B", "B-A");
      for (ComparisonReport.QueryRow row : r.rows()) {
        line(out, rowFormat, row.queryId(), fixed(row.a()), fixed(row.b()), signed(row.difference()));
      }
      out.append('\n');
      line(out, "summary over %d queries", s.n());
      line(out, "  mean A              %s", fixed(s.meanA()));
      line(out, "  mean B              %s", fixed(s.meanB()));
      line(out, "  mean B-A            %s  (sd %s)", signed(s.meanDifference()), fixed(s.sdDifference()));
      line(out, "  %d%% CI of mean B-A  [%s, %s]  (Student t, %d df)", Math.round(s.interval().level() * 100),
          signed(s.interval().lower()), signed(s.interval().upper()), s.tTest().df());
      line(out, "  wins/ties/losses    %d / %d / %d  (B better / equal / worse)", s.wins(), s.ties(), s.losses());
      line(out, "  paired t-test       p = %s  (two-sided; t = %s, %d df)", pValue(s.tTest().p()),
          number(s.tTest().t(), "%.4f"), s.tTest().df());
      if (s.randomisationExact()) {
        line(out, "  randomisation test  p = %s  (two-sided, exact: all 2^%d = %d sign assignments)",
            pValue(s.randomisationP()), s.n(), 1L << s.n());
      } else {
        line(out, "  randomisation test  p = %s  (two-sided, %d random sign flips, seed %d, p = (count + 1) / (N + 1))",
            pValue(s.randomisationP()), s.permutations(), s.seed());
      }
      return out.toString();
    }
  },

  /** One JSON object for programs (see the class documentation for its fields). */
  JSON {
    @Override
    public String render(ComparisonReport r) {
      PairedComparison s = r.stats();
      StringBuilder j = new StringBuilder();
      j.append("{\"measure\": ").append(string(r.settings().measure()));
      j.append(",\n \"runA\": {\"source\": ").append(string(r.a().source())).append(", \"tag\": ").append(string(r.a().tag())).append('}');
      j.append(",\n \"runB\": {\"source\": ").append(string(r.b().source())).append(", \"tag\": ").append(string(r.b().tag())).append('}');
      j.append(",\n \"queries\": {\"evaluated\": ").append(s.n())
          .append(", \"withoutRelevant\": ").append(r.withoutRelevant())
          .append(", \"missingFromA\": ").append(r.missingFromA())
          .append(", \"missingFromB\": ").append(r.missingFromB()).append('}');
      j.append(",\n \"perQuery\": [");
      for (int i = 0; i < r.rows().size(); i++) {
        ComparisonReport.QueryRow row = r.rows().get(i);
        j.append(i == 0 ? "\n  " : ",\n  ");
        j.append("{\"query\": ").append(string(row.queryId()))
            .append(", \"a\": ").append(number(row.a()))
            .append(", \"b\": ").append(number(row.b()))
            .append(", \"diff\": ").append(number(row.difference())).append('}');
      }
      j.append("],\n \"summary\": {\"n\": ").append(s.n())
          .append(", \"meanA\": ").append(number(s.meanA()))
          .append(", \"meanB\": ").append(number(s.meanB()))
          .append(", \"meanDiff\": ").append(number(s.meanDifference()))
          .append(", \"sdDiff\": ").append(number(s.sdDifference()));
      j.append(",\n  \"ci\": {\"level\": ").append(number(s.interval().level()))
          .append(", \"lower\": ").append(number(s.interval().lower()))
          .append(", \"upper\": ").append(number(s.interval().upper())).append('}');
      j.append(",\n  \"wins\": ").append(s.wins()).append(", \"ties\": ").append(s.ties())
          .append(", \"losses\": ").append(s.losses());
      j.append(",\n  \"tTest\": {\"t\": ").append(number(s.tTest().t()))
          .append(", \"df\": ").append(s.tTest().df())
          .append(", \"p\": ").append(number(s.tTest().p())).append('}');
      j.append(",\n  \"randomisation\": {\"p\": ").append(number(s.randomisationP()))
          .append(", \"method\": ").append(string(s.randomisationExact() ? "exact" : "monte-carlo"))
          .append(", \"permutations\": ").append(s.randomisationExact() ? 1L << s.n() : s.permutations())
          .append(", \"seed\": ").append(s.seed())
          .append(", \"pValue\": ").append(string(s.randomisationExact() ? "count / 2^n" : "(count + 1) / (N + 1)"))
          .append("}}}\n");
      return j.toString();
    }
  };

  /** The report as this format's text, ending with a newline. */
  public abstract String render(ComparisonReport report);

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static String fixed(double x) {
    return number(x, "%.4f");
  }

  private static String signed(double x) {
    return number(x, "%+.4f");
  }

  /** Four decimals, or two significant digits in scientific notation below 0.0001. */
  private static String pValue(double p) {
    return number(p, p != 0 && p < 1e-4 ? "%.2e" : "%.4f");
  }

  private static String number(double x, String format) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, format, x);
  }

  /** A JSON number: shortest round-trip form, {@code null} for NaN and infinities. */
  private static String number(double x) {
    return Double.isFinite(x) ? Double.toString(x) : "null";
  }

  /** A JSON string literal. */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
