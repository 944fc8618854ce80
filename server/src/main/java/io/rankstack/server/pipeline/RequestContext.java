package io.rankstack.server.pipeline;

import io.rankstack.core.Query;
import io.rankstack.index.Bm25Searcher;
import java.util.Objects;

/**
 * The immutable inputs of one ranking request, shared by its stages.
 *
 * @param query      the query (for recommendations: the user's id and an empty text)
 * @param contextKey the learner's context key (normalised query, or {@code user:<id>})
 * @param searcher   the index view the request runs on (one view for every stage)
 */
public record RequestContext(Query query, String contextKey, Bm25Searcher searcher) {
  public RequestContext {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(contextKey, "contextKey");
    Objects.requireNonNull(searcher, "searcher");
  }
}
