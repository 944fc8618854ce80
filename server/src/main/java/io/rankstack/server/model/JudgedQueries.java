package io.rankstack.server.model;

import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.index.io.QueryFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training input of the server's model trainings: the queries of a BEIR {@code queries.jsonl}
 * that the qrels judge (in file order), with the qrels.
 */
record JudgedQueries(List<Query> queries, Judgments qrels) {
  /** The fewest judged queries a training accepts. */
  static final int MINIMUM = 5;

  /**
   * Reads both files (TREC or BEIR qrels).
   *
   * @throws IllegalArgumentException when fewer than {@link #MINIMUM} queries are judged
   */
  static JudgedQueries read(Path queriesFile, Path qrelsFile) {
    Judgments qrels = TrecFormats.readAnyQrels(qrelsFile);
    List<Query> queries = new ArrayList<>();
    for (Query q : QueryFormat.BEIR.readAll(queriesFile)) {
      if (!qrels.of(q.id()).isEmpty()) {
        queries.add(q);
      }
    }
    if (queries.size() < MINIMUM) {
      throw new IllegalArgumentException(qrelsFile + " judges only " + queries.size() + " of the queries in "
          + queriesFile + "; at least " + MINIMUM + " are needed to train");
    }
    return new JudgedQueries(List.copyOf(queries), qrels);
  }
}
