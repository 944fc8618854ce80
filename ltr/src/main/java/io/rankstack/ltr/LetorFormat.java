package io.rankstack.ltr;

import io.rankstack.core.io.InputFormatException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes learning-to-rank data in the two text layouts in common use.
 *
 * <ul>
 *   <li><b>SVMlight/LETOR</b> (RankLib, LETOR 3/4, MSLR): one row per line,
 *       {@code grade qid:Q i:v j:v … # comment}. Feature indices start at 1, may be sparse (absent
 *       features are 0) and in any order; an index may not repeat. The comment is by convention the
 *       document id. Blank lines and lines starting with {@code #} are skipped.
 *   <li><b>LightGBM</b>: the same lines without {@code qid:}, plus a {@code .query} file with one
 *       group size per line: the first n1 rows belong to query 0, the next n2 to query 1, and so on.
 *       Query ids are the group numbers {@code 0, 1, …}.
 * </ul>
 * Grades must be non-negative integers ({@code 2} or {@code 2.0}). A malformed line stops the read
 * with an {@link InputFormatException} naming the file, the 1-based line and the 1-based column
 * (character position) of the bad token.
 *
 * <p>Written values use the shortest decimal that reads back to the same {@code float}
 * ({@link Float#toString}), so write → read is lossless; zero features are omitted (sparse).
 */
public final class LetorFormat {
  private LetorFormat() {}

  /** Reads an SVMlight/LETOR file with {@code qid:} on every line. */
  public static LetorDataset readSvmlight(Path file) {
    return read(file, null);
  }

  /** Reads the LightGBM layout: {@code data} without {@code qid:} and the group sizes in {@code queryFile}. */
  public static LetorDataset readLightGbm(Path data, Path queryFile) {
    int[] groups = readGroups(queryFile);
    return read(data, groups);
  }

  /** LightGBM's sibling group file: {@code data + ".query"}. */
  public static Path queryFileOf(Path data) {
    return data.resolveSibling(data.getFileName() + ".query");
  }

  private static int[] readGroups(Path queryFile) {
    String src = queryFile.toString();
    List<Integer> sizes = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(queryFile, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty()) {
          continue;
        }
        try {
          int v = Integer.parseInt(t);
          if (v <= 0) {
            throw new NumberFormatException();
          }
          sizes.add(v);
        } catch (NumberFormatException e) {
          throw new InputFormatException(src, n, "column 1", "group size '" + t + "' is not a positive integer");
        }
      }
    } catch (IOException e) {
      throw InputFormatException.io(src, e);
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Reads rows; with {@code groups} null every line needs qid:, otherwise no line may have one. */
  private static LetorDataset read(Path file, int[] groups) {
    String src = file.toString();
    List<LetorRow> rows = new ArrayList<>();
    int width = 0;
    int group = 0;
    int leftInGroup = groups == null || groups.length == 0 ? 0 : groups[0];
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        String qid = null;
        if (groups != null) {
          if (group >= groups.length) {
            throw new InputFormatException(src, n, "column 1", "more rows than the " + groups.length
                + " groups of the .query file hold (" + Arrays.stream(groups).sum() + " rows)");
          }
          qid = Integer.toString(group);
          if (--leftInGroup == 0) {
            group++;
            leftInGroup = group < groups.length ? groups[group] : 0;
          }
        }
        LetorRow row = parseLine(src, n, line, qid);
        width = Math.max(width, row.featureCount());
        rows.add(row);
      }
      if (groups != null && group < groups.length) {
        throw new InputFormatException(src, n, null, "the .query file lists " + Arrays.stream(groups).sum()
            + " rows but the data has " + rows.size());
      }
    } catch (IOException e) {
      throw InputFormatException.io(src, e);
    }
    try {
      return new LetorDataset(src, width, rows);
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(src, 0, "qid", e.getMessage());
    }
  }

  /**
   * Parses one line. {@code forcedQid} non-null means the LightGBM layout (no {@code qid:} allowed).
   */
  static LetorRow parseLine(String src, long lineNo, String line, String forcedQid) {
    int hash = line.indexOf('#');
    String comment = hash < 0 ? "" : line.substring(hash + 1);
    String body = hash < 0 ? line : line.substring(0, hash);
    int pos = 0;
    int len = body.length();
    int grade = -1;
    String qid = forcedQid;
    int[] idx = new int[16];
    float[] val = new float[16];
    int count = 0;
    int maxIndex = 0;
    int tokenNo = 0;
    while (pos < len) {
      while (pos < len && Character.isWhitespace(body.charAt(pos))) {
        pos++;
      }
      if (pos >= len) {
        break;
      }
      int start = pos;
      while (pos < len && !Character.isWhitespace(body.charAt(pos))) {
        pos++;
      }
      String tok = body.substring(start, pos);
      int column = start + 1;
      tokenNo++;
      if (tokenNo == 1) {
        grade = parseGrade(src, lineNo, column, tok);
        continue;
      }
      int colon = tok.indexOf(':');
      if (colon <= 0 || colon == tok.length() - 1) {
        throw new InputFormatException(src, lineNo, "column " + column, "expected index:value or qid:Q, got '" + tok + "'");
      }
      String key = tok.substring(0, colon);
      String value = tok.substring(colon + 1);
      if (key.equals("qid")) {
        if (forcedQid != null) {
          throw new InputFormatException(src, lineNo, "column " + column, "qid: in a LightGBM-layout file (groups come from the .query file)");
        }
        if (tokenNo != 2 || qid != null) {
          throw new InputFormatException(src, lineNo, "column " + column, "qid: must come once, right after the grade");
        }
        qid = value;
        continue;
      }
      int index;
      try {
        index = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        index = 0;
      }
      if (index < 1) {
        throw new InputFormatException(src, lineNo, "column " + column, "feature index '" + key + "' is not a positive integer");
      }
      float v;
      try {
        v = Float.parseFloat(value);
      } catch (NumberFormatException e) {
        throw new InputFormatException(src, lineNo, "column " + (column + colon + 1), "feature value '" + value + "' is not a number");
      }
      if (!Float.isFinite(v)) {
        throw new InputFormatException(src, lineNo, "column " + (column + colon + 1), "feature value '" + value + "' is not finite");
      }
      if (count == idx.length) {
        idx = Arrays.copyOf(idx, count * 2);
        val = Arrays.copyOf(val, count * 2);
      }
      idx[count] = index;
      val[count] = v;
      count++;
      maxIndex = Math.max(maxIndex, index);
    }
    if (tokenNo == 0) {
      throw new InputFormatException(src, lineNo, "column 1", "no grade");
    }
    if (qid == null) {
      throw new InputFormatException(src, lineNo, "column " + (line.length() + 1), "no qid: (use the LightGBM reader for files with a .query file)");
    }
    float[] dense = new float[maxIndex];
    boolean[] seen = new boolean[maxIndex + 1];
    for (int i = 0; i < count; i++) {
      if (seen[idx[i]]) {
        throw new InputFormatException(src, lineNo, "feature " + idx[i], "feature index " + idx[i] + " appears twice");
      }
      seen[idx[i]] = true;
      dense[idx[i] - 1] = val[i];
    }
    return new LetorRow(qid, grade, dense, comment);
  }

  private static int parseGrade(String src, long lineNo, int column, String tok) {
    try {
      double g = Double.parseDouble(tok);
      if (g >= 0 && g == Math.rint(g) && g <= Integer.MAX_VALUE) {
        return (int) g;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new InputFormatException(src, lineNo, "column " + column, "grade '" + tok + "' is not a non-negative integer");
  }

  /** Writes {@code data} as SVMlight/LETOR with {@code qid:} (sparse: zero features omitted). */
  public static void writeSvmlight(LetorDataset data, Path file) {
    write(data, file, true, List.of());
  }

  /** As {@link #writeSvmlight(LetorDataset, Path)}, with {@code header} lines written first as {@code # } comments. */
  public static void writeSvmlight(LetorDataset data, Path file, List<String> header) {
    write(data, file, true, header);
  }

  /** Writes the LightGBM layout: {@code file} without qid and {@link #queryFileOf}{@code (file)} with group sizes. */
  public static void writeLightGbm(LetorDataset data, Path file) {
    write(data, file, false, List.of());
    try (BufferedWriter w = Files.newBufferedWriter(queryFileOf(file), StandardCharsets.UTF_8)) {
      for (int g : data.groupSizes()) {
        w.write(Integer.toString(g));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + queryFileOf(file) + ": " + e.getMessage(), e);
    }
  }

  private static void write(LetorDataset data, Path file, boolean withQid, List<String> header) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String h : header) {
          w.write("# ");
          w.write(h);
          w.write('\n');
        }
        for (LetorRow r : data.rows()) {
          writeRow(w, r, withQid);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes one row as a line: {@code grade [qid:Q] i:v … [# comment]}. */
  public static void writeRow(Writer w, LetorRow r, boolean withQid) throws IOException {
    StringBuilder sb = new StringBuilder(32 + r.featureCount() * 8);
    sb.append(r.grade());
    if (withQid) {
      if (r.queryId().isEmpty() || r.queryId().chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("query id '" + r.queryId() + "' cannot be written in SVMlight (blank or has spaces)");
      }
      sb.append(" qid:").append(r.queryId());
    }
    for (int i = 0; i < r.featureCount(); i++) {
      float v = r.feature(i);
      if (v != 0f) {
        sb.append(' ').append(i + 1).append(':').append(format(v));
      }
    }
    if (!r.comment().isEmpty()) {
      sb.append(" # ").append(r.comment());
    }
    sb.append('\n');
    w.write(sb.toString());
  }

  private static String format(float v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e7) {
      return Long.toString((long) v);
    }
    return Float.toString(v).toLowerCase(Locale.ROOT);
  }
}
