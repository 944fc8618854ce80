package io.rankstack.eval.tsp;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.LetorRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal reader for LightGBM's ranking example format (SVMlight lines {@code label idx:val ...}
 * without qid, 1-based feature indices, plus a {@code .query} file of group sizes), used only by the
 * TSPRank experiment, as per-query arrays over the ltr module's LETOR reader. Documents are named by
 * their 1-based data line number ({@code L<line>}); queries by their 1-based group number.
 */
final class LetorQueries {
  /** One query's documents in file order. */
  record Query(String id, String[] docIds, float[][] features, int[] grades, int[] lines) {}

  private LetorQueries() {}

  /**
   * Reads {@code data} and {@code data.query} (through the ltr module's {@link LetorFormat}, so
   * errors name file, line and column as everywhere else) with a dense feature width of
   * {@code featureCount}.
   */
  static List<Query> read(Path data, int featureCount) {
    LetorDataset d = LetorFormat.readLightGbm(data, LetorFormat.queryFileOf(data));
    if (d.featureCount() > featureCount) {
      throw new InputFormatException(data.toString(), 0, "features",
          "rows have feature indices up to " + d.featureCount() + ", more than the " + featureCount + " expected");
    }
    List<LetorRow> rows = d.rows();
    List<Query> out = new ArrayList<>();
    int start = 0;
    for (int q = 0; start < rows.size(); q++) {
      int end = start;
      while (end < rows.size() && rows.get(end).queryId().equals(rows.get(start).queryId())) {
        end++;
      }
      int n = end - start;
      String[] ids = new String[n];
      float[][] x = new float[n][featureCount];
      int[] grades = new int[n];
      int[] lines = new int[n];
      for (int i = 0; i < n; i++) {
        LetorRow r = rows.get(start + i);
        float[] f = r.features();
        System.arraycopy(f, 0, x[i], 0, Math.min(f.length, featureCount));
        grades[i] = r.grade();
        lines[i] = start + i + 1;
        ids[i] = "L" + lines[i];
      }
      out.add(new Query(Integer.toString(q + 1), ids, x, grades, lines));
      start = end;
    }
    return out;
  }

  /** Reads one score per line (LightGBM's predict output), aligned with the data file's lines. */
  static double[] readScores(Path file) {
    List<Double> v = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          v.add(Double.parseDouble(line.trim().split("\\s+")[0]));
        } catch (NumberFormatException e) {
          throw new InputFormatException(file.toString(), no, "score", "expected a number, got '" + line + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
