package io.rankstack.core;

import java.util.Objects;

/**
 * A search request's text with the identifier it carries in a test collection or a log.
 *
 * @param id   identifier of the query (a topic number in TREC, {@code _id} in BEIR); never blank
 * @param text the words a person typed; may be empty but never null
 */
public record Query(String id, String text) {
  public Query {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("query id must not be blank");
    }
  }
}
