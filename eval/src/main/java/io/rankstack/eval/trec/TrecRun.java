package io.rankstack.eval.trec;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run as trec_eval reads it: for each query the retrieved documents with their scores, in file
 * order (trec_eval ranks them itself, by score), and the run id. Immutable.
 */
public final class TrecRun {
  /**
   * One retrieved document.
   *
   * @param docno the document id
   * @param score the similarity; higher is ranked first
   * @param line  the 1-based line it was read from, or 0 when it did not come from a file
   */
  public record Entry(String docno, double score, long line) {
    public Entry {
      Objects.requireNonNull(docno, "docno");
    }
  }

  private final String source;
  private final String runId;
  private final Map<String, List<Entry>> byQuery;

  /**
   * @param source  where the run came from (a file name), for messages
   * @param runId   the run's name as printed by {@code runid}
   * @param byQuery retrieved documents per query; at least one query, none empty
   */
  public TrecRun(String source, String runId, Map<String, List<Entry>> byQuery) {
    this.source = Objects.requireNonNull(source, "source");
    this.runId = Objects.requireNonNull(runId, "runId");
    Map<String, List<Entry>> m = new LinkedHashMap<>();
    byQuery.forEach((q, docs) -> {
      if (docs.isEmpty()) {
        throw new IllegalArgumentException(source + ": query " + q + " has no results");
      }
      m.put(q, List.copyOf(docs));
    });
    if (m.isEmpty()) {
      throw new IllegalArgumentException(source + ": no results");
    }
    this.byQuery = Collections.unmodifiableMap(m);
  }

  /** Reads a TREC run file ({@code qid iter docno rank sim run_id}); see {@link ResultsReader}. */
  public static TrecRun read(Path file) {
    return ResultsReader.read(file);
  }

  /** Adapts a core run: each candidate's score is its sim; the run's tag is the run id. */
  public static TrecRun from(Run run) {
    Map<String, List<Entry>> m = new LinkedHashMap<>();
    for (RankedList list : run.lists().values()) {
      if (list.candidates().isEmpty()) {
        continue;
      }
      List<Entry> docs = new ArrayList<>();
      for (Candidate c : list.candidates()) {
        docs.add(new Entry(c.docId(), c.score(), 0));
      }
      m.put(list.queryId(), docs);
    }
    return new TrecRun("run " + run.tag(), run.tag(), m);
  }

  /** Where the run came from (a file name), for messages. */
  public String source() {
    return source;
  }

  /** The run id: the sixth field of the last line, as trec_eval takes it. */
  public String runId() {
    return runId;
  }

  /** Query ids in order of first appearance. */
  public List<String> queryIds() {
    return List.copyOf(byQuery.keySet());
  }

  /** The retrieved documents of a query in file order, or an empty list. */
  public List<Entry> results(String queryId) {
    return byQuery.getOrDefault(queryId, List.of());
  }
}
