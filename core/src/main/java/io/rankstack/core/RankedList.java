package io.rankstack.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ranked candidates for one query, best first. Every ranking stage takes one and returns one.
 *
 * <p>The order is the list's order: a list is never re-sorted behind the caller's back. Use
 * {@link #sortedByScore} to order candidates by descending score with the deterministic tie-break
 * this project uses everywhere: equal scores are ordered by document id ascending, so two runs over
 * the same data are identical. A document appears at most once.
 *
 * @param queryId    the query these candidates answer
 * @param candidates candidates in rank order (rank 1 first)
 */
public record RankedList(String queryId, List<Candidate> candidates) {

  /** Descending score, then ascending document id; NaN scores sort last. */
  public static final Comparator<Candidate> BY_SCORE_THEN_ID =
      Comparator.comparingDouble((Candidate c) -> Double.isNaN(c.score()) ? Double.NEGATIVE_INFINITY : c.score())
          .reversed()
          .thenComparing(Candidate::docId);

  public RankedList {
    Objects.requireNonNull(queryId, "queryId");
    candidates = List.copyOf(candidates);
    Set<String> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.docId())) {
        throw new IllegalArgumentException("document " + c.docId() + " appears twice in the list for query " + queryId);
      }
    }
  }

  /** A list ordered by {@link #BY_SCORE_THEN_ID}. */
  public static RankedList sortedByScore(String queryId, List<Candidate> candidates) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BY_SCORE_THEN_ID);
    return new RankedList(queryId, sorted);
  }

  /** Number of candidates. */
  public int size() {
    return candidates.size();
  }

  /** The candidate at 1-based {@code rank}. */
  public Candidate atRank(int rank) {
    return candidates.get(rank - 1);
  }

  /** Document ids in rank order. */
  public List<String> docIds() {
    return candidates.stream().map(Candidate::docId).toList();
  }

  /** The first {@code k} candidates (all of them when fewer). */
  public RankedList top(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be non-negative: " + k);
    }
    return k >= candidates.size() ? this : new RankedList(queryId, candidates.subList(0, k));
  }
}
