package io.rankstack.eval.tsp;

import io.rankstack.core.io.InputFormatException;
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
 * TSPRank experiment until the shared LETOR reader of the ltr module lands. Documents are named by
 * their 1-based line number ({@code L<line>}); queries by their 1-based group number.
 */
final class LetorQueries {
  /** One query's documents in file order. */
  record Query(String id, String[] docIds, float[][] features, int[] grades, int[] lines) {}

  private LetorQueries() {}

  /** Reads {@code data} and {@code data.query} with a dense feature width of {@code featureCount}. */
  static List<Query> read(Path data, int featureCount) {
    Path groups = Path.of(data.toString() + ".query");
    List<Integer> sizes = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(groups, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          int s = Integer.parseInt(line.trim());
          if (s < 1) {
            throw new NumberFormatException();
          }
          sizes.add(s);
        } catch (NumberFormatException e) {
          throw new InputFormatException(groups.toString(), no, "group size", "expected a positive integer, got '" + line + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(groups + ": " + e.getMessage(), e);
    }
    List<Query> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
      int no = 0;
      for (int q = 0; q < sizes.size(); q++) {
        int n = sizes.get(q);
        String[] ids = new String[n];
        float[][] x = new float[n][featureCount];
        int[] grades = new int[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
          String line = r.readLine();
          no++;
          if (line == null) {
            throw new InputFormatException(data.toString(), no, "line", "file ends before the " + sizes.stream().mapToInt(Integer::intValue).sum()
                + " lines the group file " + groups + " announces");
          }
          String[] tok = line.trim().split("\\s+");
          try {
            grades[i] = Integer.parseInt(tok[0]);
          } catch (NumberFormatException e) {
            throw new InputFormatException(data.toString(), no, "label", "expected an integer, got '" + tok[0] + "'");
          }
          for (int t = 1; t < tok.length; t++) {
            if (tok[t].startsWith("#")) {
              break;
            }
            int c = tok[t].indexOf(':');
            try {
              int idx = Integer.parseInt(tok[t].substring(0, c));
              if (idx < 1 || idx > featureCount) {
                throw new InputFormatException(data.toString(), no, "feature " + idx, "index outside 1.." + featureCount);
              }
              x[i][idx - 1] = Float.parseFloat(tok[t].substring(c + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
              throw new InputFormatException(data.toString(), no, "feature", "expected idx:value, got '" + tok[t] + "'");
            }
          }
          ids[i] = "L" + no;
          lines[i] = no;
        }
        out.add(new Query(Integer.toString(q + 1), ids, x, grades, lines));
      }
      String extra;
      while ((extra = r.readLine()) != null) {
        no++;
        if (!extra.isBlank()) {
          throw new InputFormatException(data.toString(), no, "line", "more lines than the group file " + groups + " announces");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(data + ": " + e.getMessage(), e);
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
