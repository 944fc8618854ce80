package io.rankstack.eval.plot;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import io.rankstack.eval.bandit.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the regret CSV that {@code bandit blb --csv} and {@code bandit movielens --csv} write
 * ({@code algorithm,round,mean,low,high}, one row per algorithm and curve point, rounds increasing)
 * into the curves that {@link Charts#bandsChart} draws, so {@code plot regret} redraws a saved
 * experiment, as PNG or SVG, without rerunning it.
 */
public final class RegretCsv {
  /** The header the bandit commands write. */
  public static final String HEADER = "algorithm,round,mean,low,high";

  private RegretCsv() {}

  public static List<Charts.Curve> read(Path file) {
    String src = file.toString();
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    try (LineSource r = LineSource.open(file)) {
      r.requireHeader(HEADER);
      String line;
      String[] fields = HEADER.split(",");
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length != 5) {
          throw new InputFormatException(src, no, null, "expected 5 fields, found " + f.length);
        }
        if (f[0].isBlank()) {
          throw new InputFormatException(src, no, "algorithm", "empty");
        }
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
          try {
            p[i] = Double.parseDouble(f[i + 1].trim());
          } catch (NumberFormatException e) {
            throw new InputFormatException(src, no, fields[i + 1], "not a number: '" + f[i + 1] + "'");
          }
          if (!Double.isFinite(p[i])) {
            throw new InputFormatException(src, no, fields[i + 1], "must be finite: '" + f[i + 1] + "'");
          }
        }
        List<double[]> curve = points.computeIfAbsent(f[0].trim(), a -> new ArrayList<>());
        if (!curve.isEmpty() && p[0] <= curve.get(curve.size() - 1)[0]) {
          throw new InputFormatException(src, no, "round", "rounds of '" + f[0].trim() + "' must increase");
        }
        curve.add(p);
      }
    }
    if (points.isEmpty()) {
      throw new InputFormatException(src, 0, null, "no curve points");
    }
    List<Charts.Curve> curves = new ArrayList<>();
    points.forEach((name, pts) -> {
      int n = pts.size();
      double[] x = new double[n];
      double[] mean = new double[n];
      double[] low = new double[n];
      double[] high = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = pts.get(i)[0];
        mean[i] = pts.get(i)[1];
        low[i] = pts.get(i)[2];
        high[i] = pts.get(i)[3];
      }
      curves.add(new Charts.Curve(name, x, mean, low, high));
    });
    return curves;
  }
}
