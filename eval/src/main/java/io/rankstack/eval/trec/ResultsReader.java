package io.rankstack.eval.trec;

import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads TREC runs as trec_eval 10.0 does ({@code get_trec_results.c}).
 *
 * <p>Each line is {@code qid iter docno rank sim run_id}, separated by white space; fields after
 * the sixth are ignored, and so are {@code iter} and {@code rank} (trec_eval ranks by {@code sim}).
 * Blank lines and lines whose first non-blank character is {@code '#'} are skipped. The run id is
 * taken from the last line.
 *
 * <p>One deliberate difference: a {@code sim} that is not a number from end to end (or is NaN) is
 * an error naming file and line; trec_eval reads {@code "abc"} as 0. Duplicate documents are
 * detected when the query is evaluated, as in trec_eval, since only the top {@code -M} count.
 */
public final class ResultsReader {
  private ResultsReader() {}

  /** Reads a run file. */
  public static TrecRun read(Path file) {
    Collector c = new Collector(file.toString());
    TextLines.read(file, c::line);
    return c.build();
  }

  /** Reads run text; {@code source} names it in messages. Does not close the reader. */
  public static TrecRun read(Reader reader, String source) {
    Collector c = new Collector(source);
    try {
      TextLines.read(reader, c::line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    return c.build();
  }

  private static final class Collector {
    private final String source;
    private final Map<String, List<TrecRun.Entry>> byQuery = new LinkedHashMap<>();
    private String runId;

    Collector(String source) {
      this.source = source;
    }

    void line(String text, long number) {
      int i = 0;
      while (i < text.length() && CText.isSpace(text.charAt(i))) {
        i++;
      }
      if (i == text.length() || text.charAt(i) == '#') {
        return;
      }
      List<String> f = CText.tokens(text);
      if (f.size() < 6) {
        throw new InputFormatException(source, number, null,
            "expected 6 fields 'qid iter docno rank sim run_id' separated by white space, found " + f.size());
      }
      Double sim = CNumbers.parseStrictDouble(f.get(4));
      if (sim == null) {
        throw new InputFormatException(source, number, "sim", "not a number: '" + f.get(4) + "'");
      }
      byQuery.computeIfAbsent(f.get(0), q -> new ArrayList<>()).add(new TrecRun.Entry(f.get(2), sim, number));
      runId = f.get(5);
    }

    TrecRun build() {
      if (byQuery.isEmpty()) {
        throw new InputFormatException(source, 0, null, "no results");
      }
      return new TrecRun(source, runId, byQuery);
    }
  }
}
