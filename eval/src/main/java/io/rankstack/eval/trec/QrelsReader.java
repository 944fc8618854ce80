package io.rankstack.eval.trec;

import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TREC qrels as trec_eval 10.0 does ({@code get_qrels.c}).
 *
 * <p>Each line is {@code qid iter docno rel}: exactly four fields separated by white space, the
 * second ignored, {@code rel} an integer. A line whose first character is {@code '#'} is a comment.
 * As in trec_eval, a blank line is an error, and so is a document judged twice for one query.
 *
 * <p>Deliberate differences, all on input trec_eval mishandles: a {@code rel} that is not an
 * integer is an error (trec_eval reads {@code "high"} as 0 and {@code "1.5"} as 1), and every
 * comment line is skipped (trec_eval skips only the first of consecutive comment lines and parses
 * the next one as data). Every error names the file and line.
 *
 * <p>One extension: a file whose first line is BEIR's header {@code query-id corpus-id score} is
 * read as BEIR qrels (three tab-separated fields, {@code score} the integer grade), so BEIR
 * collections need no conversion. trec_eval itself would reject such a file.
 */
public final class QrelsReader {
  /** Grades above this would need a huge per-grade table; trec_eval documents -127..127. */
  static final int MAX_GRADE = 1_000_000;

  private QrelsReader() {}

  /** Reads a qrels file. */
  public static TrecQrels read(Path file) {
    Collector c = new Collector(file.toString());
    TextLines.read(file, c::line);
    return c.build();
  }

  /** Reads qrels text; {@code source} names it in messages. Does not close the reader. */
  public static TrecQrels read(Reader reader, String source) {
    Collector c = new Collector(source);
    try {
      TextLines.read(reader, c::line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    return c.build();
  }

  /** One judgment and the line it came from. */
  private record Entry(String qid, String docno, int rel, long line) {}

  /** Gathers judgments line by line, then sorts and checks them. */
  static final class Collector {
    private final String source;
    private final List<Entry> entries = new ArrayList<>();
    private boolean beir;

    Collector(String source) {
      this.source = source;
    }

    void line(String text, long number) {
      if (text.startsWith("#")) {
        return;
      }
      if (number == 1 && text.startsWith("query-id")) {
        beir = true;
        return;
      }
      if (beir) {
        beirLine(text, number);
        return;
      }
      List<String> f = CText.tokens(text);
      if (f.size() != 4) {
        String found = f.isEmpty() ? "a blank line" : f.size() + " field" + (f.size() == 1 ? "" : "s");
        throw new InputFormatException(source, number, null,
            "expected 4 fields 'qid iter docno rel' separated by white space, found " + found);
      }
      Long rel = CNumbers.parseStrictLong(f.get(3));
      if (rel == null) {
        throw new InputFormatException(source, number, "rel", "not an integer: '" + f.get(3) + "'");
      }
      add(f.get(0), f.get(2), rel, number);
    }

    private void beirLine(String text, long number) {
      String[] f = text.split("\t", -1);
      if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
        throw new InputFormatException(source, number, null,
            "expected 3 tab-separated fields 'query-id corpus-id score' (BEIR qrels), found " + f.length);
      }
      Long rel = CNumbers.parseStrictLong(f[2].trim());
      if (rel == null) {
        throw new InputFormatException(source, number, "score", "not an integer: '" + f[2] + "'");
      }
      add(f[0].trim(), f[1].trim(), rel, number);
    }

    void add(String qid, String docno, long rel, long line) {
      if (rel < Integer.MIN_VALUE || rel > MAX_GRADE) {
        throw new InputFormatException(source, line, "rel",
            "grade " + rel + " out of range (at most " + MAX_GRADE + ")");
      }
      entries.add(new Entry(qid, docno, (int) rel, line));
    }

    TrecQrels build() {
      if (entries.isEmpty()) {
        throw new InputFormatException(source, 0, null, "no judgments");
      }
      Entry[] all = entries.toArray(new Entry[0]);
      CMergeSort.sort(all, (a, b) -> {
        int c = CText.compare(a.qid(), b.qid());
        return c != 0 ? c : CText.compare(a.docno(), b.docno());
      });
      List<QueryJudgments> queries = new ArrayList<>();
      int start = 0;
      for (int i = 1; i <= all.length; i++) {
        if (i == all.length || !all[i].qid().equals(all[start].qid())) {
          queries.add(query(all, start, i));
          start = i;
        }
      }
      return new TrecQrels(source, queries);
    }

    private QueryJudgments query(Entry[] all, int from, int to) {
      String[] docs = new String[to - from];
      int[] rels = new int[to - from];
      for (int i = from; i < to; i++) {
        if (i > from && all[i].docno().equals(all[i - 1].docno())) {
          long first = Math.min(all[i].line(), all[i - 1].line());
          long second = Math.max(all[i].line(), all[i - 1].line());
          throw new InputFormatException(source, second, "docno", "document '" + all[i].docno()
              + "' is judged twice for query '" + all[i].qid() + "'" + (first > 0 ? " (also on line " + first + ")" : ""));
        }
        docs[i - from] = all[i].docno();
        rels[i - from] = all[i].rel();
      }
      return new QueryJudgments(all[from].qid(), docs, rels);
    }
  }
}
