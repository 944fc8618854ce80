package io.rankstack.streaming.topology;

import org.apache.kafka.common.serialization.Serde;

/** The per-position click/examination counter as a {@link ContextLearner} (store {@code rankstack-learner-positions}). */
public final class PositionCountsLearner implements ContextLearner<PositionCounts> {
  public static final String NAME = "positions";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Serde<PositionCounts> stateSerde() {
    return PositionCounts.serde();
  }

  @Override
  public PositionCounts initial(String contextKey) {
    return PositionCounts.EMPTY;
  }

  @Override
  public PositionCounts update(PositionCounts state, JoinedImpression outcome) {
    return state.plus(outcome);
  }
}
