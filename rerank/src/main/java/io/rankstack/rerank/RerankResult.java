package io.rankstack.rerank;

import io.rankstack.core.RankedList;

/**
 * What the reranking stage returns.
 *
 * @param list          the reranked list, or the input list unchanged when {@code passedThrough}
 * @param passedThrough true when the stage returned its input order (time budget exhausted)
 * @param reason        why it passed through, empty otherwise
 * @param scored        candidates scored before the stage finished or gave up
 * @param nanos         time spent in the stage
 */
public record RerankResult(RankedList list, boolean passedThrough, String reason, int scored, long nanos) {
  /** Same as {@link #passedThrough()}: the time budget ran out. */
  public boolean timedOut() {
    return passedThrough;
  }
}
