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
 * <p>A final class rather than a record so that {@link #ofDistinct} can skip the duplicate check for
 * producers that already guarantee distinct ids (a top-k collector over a unique-id index): on a
 * 1,000-candidate list that check costs about as much as 3% of a BM25 search.
 */
public final class RankedList {
  private final String queryId;
  private final List<Candidate> candidates;

  /** Descending score, then ascending document id; NaN scores sort last. */
  public static final Comparator<Candidate> BY_SCORE_THEN_ID =
      Comparator.comparingDouble((Candidate c) -> Double.isNaN(c.score()) ? Double.NEGATIVE_INFINITY : c.score())
          .reversed()
          .thenComparing(Candidate::docId);

  /**
   * @param queryId    the query these candidates answer
   * @param candidates candidates in rank order (rank 1 first); copied; no document twice
   * @throws IllegalArgumentException when a document appears twice
   */
  public RankedList(String queryId, List<Candidate> candidates) {
    this(queryId, List.copyOf(candidates), true);
  }

  private RankedList(String queryId, List<Candidate> candidates, boolean check) {
    this.queryId = Objects.requireNonNull(queryId, "queryId");
    this.candidates = candidates;
    if (check) {
      Set<String> seen = new HashSet<>();
      for (Candidate c : candidates) {
        if (!seen.add(c.docId())) {
          throw new IllegalArgumentException("document " + c.docId() + " appears twice in the list for query " + queryId);
        }
      }
    }
  }

  /**
   * A list from candidates whose ids the caller guarantees to be distinct, without checking them.
   * For producers that cannot make duplicates by construction; a wrong guarantee gives a list that
   * breaks this class's invariant, so everything else uses the checking constructor.
   */
  public static RankedList ofDistinct(String queryId, List<Candidate> candidates) {
    return new RankedList(queryId, List.copyOf(candidates), false);
  }

  /** The query these candidates answer. */
  public String queryId() {
    return queryId;
  }

  /** Candidates in rank order (rank 1 first); unmodifiable. */
  public List<Candidate> candidates() {
    return candidates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankedList l && queryId.equals(l.queryId) && candidates.equals(l.candidates);
  }

  @Override
  public int hashCode() {
    return 31 * queryId.hashCode() + candidates.hashCode();
  }

  @Override
  public String toString() {
    return "RankedList[" + queryId + ", " + candidates.size() + " candidates]";
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
    return k >= candidates.size() ? this : new RankedList(queryId, List.copyOf(candidates.subList(0, k)), false);
  }
}
