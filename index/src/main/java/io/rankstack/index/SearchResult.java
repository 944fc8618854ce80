package io.rankstack.index;

import io.rankstack.core.RankedList;
import java.util.Objects;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param ranking         the top k, by descending score, equal scores by ascending document id
 * @param totalHits       documents that matched: exact when {@code totalHitsExact}, otherwise a
 *                        lower bound (matching stopped being counted once at least
 *                        {@link Bm25Searcher#TOTAL_HITS_THRESHOLD} had been seen and low-scoring
 *                        documents could be skipped)
 * @param totalHitsExact  whether {@code totalHits} is the exact count
 */
public record SearchResult(RankedList ranking, long totalHits, boolean totalHitsExact) {
  public SearchResult {
    Objects.requireNonNull(ranking, "ranking");
  }
}
