package io.rankstack.rerank;

import java.util.List;

/** A query with its documents (for training: relevant ones plus hard negatives). */
public record RerankQuery(String queryId, String text, List<RerankDoc> docs) {
  public RerankQuery {
    if (queryId == null || text == null) {
      throw new IllegalArgumentException("queryId and text are required");
    }
    docs = List.copyOf(docs);
  }
}
