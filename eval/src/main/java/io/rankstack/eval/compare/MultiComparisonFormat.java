package io.rankstack.eval.compare;

import java.util.Locale;

/**
 * Prints a {@link MultiComparison}: a table of means (runs × measures) with a marker after each
 * mean that differs significantly from the baseline's after Holm–Bonferroni correction
 * ({@code ▲} better, {@code ▼} worse), then one line per comparison with the raw and adjusted
 * p-values of both tests.
 */
public final class MultiComparisonFormat {
  private MultiComparisonFormat() {}

  public static String text(MultiComparison c, MultiComparison.Test test, double alpha) {
    StringBuilder out = new StringBuilder();
    int comparisons = c.comparisons().size();
    line(out, "compare: %d runs against the baseline %s on %d measure(s), %d queries (those with a relevant document;"
        + " a missing query scores 0)", c.runs().size() - 1, c.runs().get(0).source(), c.measures().size(), c.queries());
    line(out, "▲/▼: better/worse than the baseline, %s p after Holm-Bonferroni over %d comparisons <= %s",
        test == MultiComparison.Test.T ? "paired t-test" : "randomisation test", comparisons, alpha);
    out.append('\n');
    int width = "run".length();
    for (ComparisonReport.RunInfo r : c.runs()) {
      width = Math.max(width, r.source().length() + 2);
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "run"));
    for (String m : c.measures()) {
      header.append(String.format(Locale.ROOT, "  %13s", m));
    }
    out.append(header).append('\n');
    for (int r = 0; r < c.runs().size(); r++) {
      String name = c.runs().get(r).source() + (r == 0 ? " *" : "");
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", name));
      for (int k = 0; k < c.measures().size(); k++) {
        String marker = " ";
        if (r > 0) {
          MultiComparison.Cell cell = c.cell(r, k);
          double p = test == MultiComparison.Test.T ? cell.tTestHolm() : cell.randomisationHolm();
          if (p <= alpha && cell.stats().meanDifference() != 0) {
            marker = cell.stats().meanDifference() > 0 ? "▲" : "▼";
          }
        }
        row.append(String.format(Locale.ROOT, "  %11.4f %s", c.means().get(r)[k], marker));
      }
      out.append(row).append('\n');
    }
    line(out, "(* baseline)");
    out.append('\n');
    line(out, "%-" + width + "s  %-13s  %9s  %9s  %9s  %9s  %9s", "run", "measure", "B-A", "t p", "t Holm", "rand p",
        "rand Holm");
    for (MultiComparison.Cell cell : c.comparisons()) {
      line(out, "%-" + width + "s  %-13s  %+9.4f  %9s  %9s  %9s  %9s", c.runs().get(cell.run()).source(),
          c.measures().get(cell.measure()), cell.stats().meanDifference(), p(cell.stats().tTest().p()),
          p(cell.tTestHolm()), p(cell.stats().randomisationP()), p(cell.randomisationHolm()));
    }
    return out.toString();
  }

  private static String p(double p) {
    return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, p != 0 && p < 1e-4 ? "%.2e" : "%.4f", p);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
