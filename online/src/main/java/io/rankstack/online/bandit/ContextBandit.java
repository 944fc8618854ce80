package io.rankstack.online.bandit;

import io.rankstack.bandits.BanditState;
import io.rankstack.bandits.CascadingBandit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cascading-bandit state of one context (a normalised query, or a user): the documents this
 * context has shown, in first-seen order, and per document the cascade statistics every count-based
 * cascading bandit keeps (Kveton et al., ICML 2015): T(e), how often e was observed, and how often it
 * was observed attractive (clicked). {@link #toBanditState()} hands them to the bandits module, which
 * turns them into a CascadeUCB1, CascadeKL-UCB or Thompson learner.
 *
 * <p>A plain immutable value: {@link #observe} returns a new state.
 *
 * @param algorithm which learner this state feeds
 * @param listSize  K, the slate length the learner picks
 * @param round     impressions learned from
 * @param docIds    documents in first-seen order (item e of the bandit is docIds[e])
 * @param pulls     T(e) per document
 * @param clicks    clicks per document, at most its pulls
 */
public record ContextBandit(BanditState.Algorithm algorithm, int listSize, long round, List<String> docIds,
                            long[] pulls, long[] clicks) {
  public ContextBandit {
    Objects.requireNonNull(algorithm, "algorithm");
    docIds = List.copyOf(docIds);
    pulls = pulls.clone();
    clicks = clicks.clone();
    if (listSize < 1) {
      throw new IllegalArgumentException("illegal list size " + listSize + ", must be >= 1");
    }
    if (round < 0 || pulls.length != docIds.size() || clicks.length != docIds.size()) {
      throw new IllegalArgumentException("round must be >= 0 and one pull and click count per document");
    }
    for (int e = 0; e < pulls.length; e++) {
      if (pulls[e] < 0 || clicks[e] < 0 || clicks[e] > pulls[e]) {
        throw new IllegalArgumentException("illegal counts for " + docIds.get(e) + ": clicks " + clicks[e] + ", pulls " + pulls[e]);
      }
    }
  }

  /** A context that has shown nothing yet. */
  public static ContextBandit empty(BanditState.Algorithm algorithm, int listSize) {
    return new ContextBandit(algorithm, listSize, 0, List.of(), new long[0], new long[0]);
  }

  @Override
  public long[] pulls() {
    return pulls.clone();
  }

  @Override
  public long[] clicks() {
    return clicks.clone();
  }

  /**
   * The state after one impression: documents {@code shown} (rank 1 first) with the first click at
   * 0-based {@code firstClick}, or {@link CascadingBandit#NO_CLICK} (−1) for none. Cascade feedback: the documents above the first click
   * are observed unattractive, the clicked one attractive, those below are not observed; without a
   * click every shown document is observed unattractive. Later clicks of the same impression are
   * outside the cascade model and ignored. Documents never seen before join with zero counts.
   */
  public ContextBandit observe(List<String> shown, int firstClick) {
    // the bandits module's rule: C + 1 positions observed for a click at C, all without one (checks the position too)
    int observed = CascadingBandit.observedCount(shown.size(), firstClick);
    List<String> ids = new ArrayList<>(docIds);
    Map<String, Integer> index = new HashMap<>();
    for (int e = 0; e < ids.size(); e++) {
      index.put(ids.get(e), e);
    }
    for (String d : shown) {
      if (!index.containsKey(d)) {
        index.put(d, ids.size());
        ids.add(d);
      }
    }
    long[] p = Arrays.copyOf(pulls, ids.size());
    long[] c = Arrays.copyOf(clicks, ids.size());
    for (int k = 0; k < observed; k++) {
      int e = index.get(shown.get(k));
      p[e]++;
      if (k == firstClick) {
        c[e]++;
      }
    }
    return new ContextBandit(algorithm, listSize, round + 1, ids, p, c);
  }

  /**
   * The bandits module's state for this context, or null while it has shown fewer than one document
   * (a learner needs at least one item). K is capped at the number of documents seen.
   */
  public BanditState.Counts toBanditState() {
    if (docIds.isEmpty()) {
      return null;
    }
    double exploration = switch (algorithm) {
      case UCB1 -> 1.5;
      case KL_UCB -> 3;
      case THOMPSON -> 0;
    };
    return new BanditState.Counts(algorithm, Math.min(listSize, docIds.size()), round, exploration, 0, pulls, clicks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContextBandit b && algorithm == b.algorithm && listSize == b.listSize && round == b.round
        && docIds.equals(b.docIds) && Arrays.equals(pulls, b.pulls) && Arrays.equals(clicks, b.clicks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, listSize, round, docIds) * 31 + Arrays.hashCode(pulls) * 17 + Arrays.hashCode(clicks);
  }
}
