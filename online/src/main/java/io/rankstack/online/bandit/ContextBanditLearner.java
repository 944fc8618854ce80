package io.rankstack.online.bandit;

import io.rankstack.bandits.BanditState;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.topology.ContextLearner;
import io.rankstack.streaming.topology.JoinedImpression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * The learn loop's cascading-bandit learner: one {@link ContextBandit} per context key, in its own
 * RocksDB store ({@code rankstack-learner-bandit}) with a changelog, updated from each joined
 * impression with cascade feedback (first click). The default policy is CascadeKL-UCB, as the design
 * asks; serving turns the stored state into a learner with {@code BanditStates.restore}.
 */
public final class ContextBanditLearner implements ContextLearner<ContextBandit> {
  /** The learner's name, which names its store. */
  public static final String NAME = "bandit";
  /** The slate length the default learner picks. */
  public static final int DEFAULT_LIST_SIZE = 10;

  private final BanditState.Algorithm algorithm;
  private final int listSize;

  /** CascadeKL-UCB over slates of {@link #DEFAULT_LIST_SIZE}. */
  public ContextBanditLearner() {
    this(BanditState.Algorithm.KL_UCB, DEFAULT_LIST_SIZE);
  }

  /**
   * @param algorithm the count-based learner the state feeds
   * @param listSize  K, at least 1
   */
  public ContextBanditLearner(BanditState.Algorithm algorithm, int listSize) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    if (listSize < 1) {
      throw new IllegalArgumentException("illegal list size " + listSize + ", must be >= 1");
    }
    this.listSize = listSize;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Serde<ContextBandit> stateSerde() {
    return ContextBanditCodec.serde();
  }

  @Override
  public ContextBandit initial(String contextKey) {
    return ContextBandit.empty(algorithm, listSize);
  }

  @Override
  public ContextBandit update(ContextBandit state, JoinedImpression outcome) {
    List<ImpressionItem> items = new ArrayList<>(outcome.impression().items());
    items.sort(Comparator.comparingInt(ImpressionItem::position));
    List<String> shown = new ArrayList<>(items.size());
    int firstClick = -1;
    for (ImpressionItem item : items) {
      if (firstClick < 0 && outcome.clicked(item.position())) {
        firstClick = shown.size();
      }
      shown.add(item.docId());
    }
    return state.observe(shown, firstClick);
  }
}
