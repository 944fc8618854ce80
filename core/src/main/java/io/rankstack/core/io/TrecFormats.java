package io.rankstack.core.io;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading and writing the TREC text formats: qrels ({@code qid iter docid rel}), BEIR qrels TSV
 * ({@code query-id corpus-id score} with a header), and runs ({@code qid Q0 docid rank score tag}).
 *
 * <p>Readers check every line and throw {@link InputFormatException} naming file, line and field
 * before returning anything, so a caller never works from half a file.
 */
public final class TrecFormats {
  private TrecFormats() {}

  /**
   * Reads TREC qrels: whitespace-separated {@code qid iter docid rel}, rel an integer. Blank lines
   * are skipped. A later line for the same query and document replaces the earlier one.
   */
  public static Judgments readQrels(Path file) {
    Judgments.Builder b = new Judgments.Builder();
    forEachLine(file, (line, n) -> {
      String[] f = line.trim().split("\\s+");
      if (f.length != 4) {
        throw new InputFormatException(file.toString(), n, null,
            "expected 4 whitespace-separated fields 'qid iter docid rel', found " + f.length);
      }
      b.add(f[0], f[2], parseInt(f[3], file, n, "rel"));
    });
    return b.build();
  }

  /**
   * Reads BEIR qrels: tab-separated {@code query-id corpus-id score} after one header line.
   */
  public static Judgments readBeirQrels(Path file) {
    Judgments.Builder b = new Judgments.Builder();
    forEachLine(file, (line, n) -> {
      String[] f = line.split("\t");
      if (n == 1 && f.length >= 1 && f[0].trim().equals("query-id")) {
        return;
      }
      if (f.length != 3) {
        throw new InputFormatException(file.toString(), n, null,
            "expected 3 tab-separated fields 'query-id corpus-id score', found " + f.length);
      }
      b.add(f[0].trim(), f[1].trim(), parseInt(f[2].trim(), file, n, "score"));
    });
    return b.build();
  }

  /** Reads qrels in either format: BEIR when the first line is the {@code query-id} header. */
  public static Judgments readAnyQrels(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first != null && first.startsWith("query-id")) {
        return readBeirQrels(file);
      }
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
    return readQrels(file);
  }

  /**
   * Reads a TREC run. Each query's documents are ordered as trec_eval orders them: by descending
   * score, equal scores by document id descending; the rank column is checked to be an integer but
   * otherwise ignored. The tag is the sixth column of the first line.
   */
  public static Run readRun(Path file) {
    Map<String, List<Candidate>> byQuery = new LinkedHashMap<>();
    String[] tag = {null};
    forEachLine(file, (line, n) -> {
      String[] f = line.trim().split("\\s+");
      if (f.length < 6) {
        throw new InputFormatException(file.toString(), n, null,
            "expected 6 whitespace-separated fields 'qid Q0 docid rank score tag', found " + f.length);
      }
      parseInt(f[3], file, n, "rank");
      double score = parseDouble(f[4], file, n, "score");
      if (tag[0] == null) {
        tag[0] = f[5];
      }
      List<Candidate> list = byQuery.computeIfAbsent(f[0], q -> new ArrayList<>());
      list.add(new Candidate(f[2], score));
    });
    List<RankedList> lists = new ArrayList<>();
    for (Map.Entry<String, List<Candidate>> e : byQuery.entrySet()) {
      List<Candidate> c = e.getValue();
      c.sort((a, b) -> {
        int s = Double.compare(b.score(), a.score());
        return s != 0 ? s : b.docId().compareTo(a.docId());
      });
      try {
        lists.add(new RankedList(e.getKey(), c));
      } catch (IllegalArgumentException dup) {
        throw new InputFormatException(file.toString(), 0, "docid", dup.getMessage());
      }
    }
    return Run.of(tag[0] == null ? "empty" : tag[0], lists);
  }

  /** Writes a run in TREC format, ranks from 1, scores with six decimals. */
  public static void writeRun(Run run, Writer out) throws IOException {
    for (RankedList list : run.lists().values()) {
      int rank = 1;
      for (Candidate c : list.candidates()) {
        out.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", list.queryId(), c.docId(), rank++, c.score(), run.tag()));
      }
    }
  }

  /** Writes a run to a file, replacing it. */
  public static void writeRun(Run run, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeRun(run, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface LineHandler {
    void accept(String line, long lineNumber);
  }

  private static void forEachLine(Path file, LineHandler handler) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          handler.accept(line, n);
        }
      }
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
  }

  private static int parseInt(String s, Path file, long line, String field) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new InputFormatException(file.toString(), line, field, "not an integer: '" + s + "'");
    }
  }

  private static double parseDouble(String s, Path file, long line, String field) {
    try {
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InputFormatException(file.toString(), line, field, "not a finite number: '" + s + "'");
    }
  }
}
