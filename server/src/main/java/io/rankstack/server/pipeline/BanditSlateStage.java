package io.rankstack.server.pipeline;

import io.rankstack.bandits.BanditState;
import io.rankstack.bandits.CascadeKlUcb;
import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.online.bandit.ContextBandit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The online slate: CascadeKL-UCB (Kveton et al., ICML 2015) over the top {@code poolSize}
 * candidates of the incoming list, with the click statistics the learn loop keeps for this context.
 *
 * <p>Item e of the bandit is the candidate at rank e + 1 of the input, so KL-UCB's tie-break (the
 * lower item id) keeps the incoming order among equal indices: a context that has never been
 * clicked, or whose impressions were all observed equally, keeps the previous stage's order. The
 * slate (K = {@code slateSize} items) goes first, the rest of the list follows in its incoming
 * order. A slate item's score is its KL-UCB index (+∞ for an unobserved item is shown as 1, the
 * index's upper end); the others keep their scores.
 */
public final class BanditSlateStage implements Stage {
  private final Function<String, Optional<ContextBandit>> states;
  private final int poolSize;
  private final int slateSize;

  /**
   * @param states    the learned state of a context key (empty when the context has none yet)
   * @param poolSize  candidates the bandit chooses among
   * @param slateSize K
   */
  public BanditSlateStage(Function<String, Optional<ContextBandit>> states, int poolSize, int slateSize) {
    this.states = Objects.requireNonNull(states);
    if (slateSize < 1 || poolSize < slateSize) {
      throw new IllegalArgumentException("need 1 <= slateSize <= poolSize, got " + slateSize + ", " + poolSize);
    }
    this.poolSize = poolSize;
    this.slateSize = slateSize;
  }

  @Override
  public String name() {
    return "bandit";
  }

  @Override
  public String version(RequestContext context) {
    return states.apply(context.contextKey()).map(b -> "cascade-kl-ucb round " + b.round()).orElse("cascade-kl-ucb round 0");
  }

  @Override
  public RankedList apply(RequestContext context, RankedList input) {
    return slate(input, states.apply(context.contextKey()).orElse(null));
  }

  /** The slate for {@code input} given the context's state (null: nothing learned yet). */
  public RankedList slate(RankedList input, ContextBandit state) {
    int pool = Math.min(poolSize, input.size());
    if (pool == 0) {
      return input;
    }
    int k = Math.min(slateSize, pool);
    Map<String, Integer> known = new HashMap<>();
    if (state != null) {
      for (int e = 0; e < state.docIds().size(); e++) {
        known.put(state.docIds().get(e), e);
      }
    }
    long[] statePulls = state == null ? new long[0] : state.pulls();
    long[] stateClicks = state == null ? new long[0] : state.clicks();
    long[] pulls = new long[pool];
    long[] clicks = new long[pool];
    for (int e = 0; e < pool; e++) {
      Integer i = known.get(input.atRank(e + 1).docId());
      if (i != null) {
        pulls[e] = statePulls[i];
        clicks[e] = stateClicks[i];
      }
    }
    long round = state == null ? 0 : state.round();
    BanditState.Counts counts = new BanditState.Counts(BanditState.Algorithm.KL_UCB, k, round,
        CascadeKlUcb.DEFAULT_C, 0, pulls, clicks);
    int[] chosen = CascadeKlUcb.restore(counts).select();
    long t = round + 1;
    List<Candidate> out = new ArrayList<>(input.size());
    boolean[] used = new boolean[pool];
    for (int e : chosen) {
      used[e] = true;
      double index = pulls[e] == 0 ? 1.0
          : CascadeKlUcb.index((double) clicks[e] / pulls[e], pulls[e], Math.max(t, 1), CascadeKlUcb.DEFAULT_C);
      out.add(input.atRank(e + 1).withScore(index));
    }
    for (int r = 1; r <= input.size(); r++) {
      if (r > pool || !used[r - 1]) {
        out.add(input.atRank(r));
      }
    }
    return RankedList.ofDistinct(input.queryId(), out);
  }
}
