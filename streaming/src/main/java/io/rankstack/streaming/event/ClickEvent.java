package io.rankstack.streaming.event;

import java.util.Objects;

/**
 * A click on one item of an impression (DESIGN.md "Events"). Immutable.
 *
 * @param v            schema version
 * @param impressionId the impression clicked in
 * @param contextKey   the impression's context key (the Kafka record key)
 * @param docId        the clicked document
 * @param position     1-based position clicked (≥ 1)
 * @param timestamp    epoch milliseconds of the click (≥ 0)
 * @param dwellMillis  time spent on the document, or -1 when unknown
 */
public record ClickEvent(int v, String impressionId, String contextKey, String docId, int position, long timestamp,
    long dwellMillis) {
  public ClickEvent {
    Objects.requireNonNull(impressionId, "impressionId");
    Objects.requireNonNull(contextKey, "contextKey");
    Objects.requireNonNull(docId, "docId");
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1: " + position);
    }
  }
}
