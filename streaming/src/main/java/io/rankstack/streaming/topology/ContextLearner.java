package io.rankstack.streaming.topology;

import org.apache.kafka.common.serialization.Serde;

/**
 * One learner step of the learn loop: per-context state {@code S} folded over joined impressions.
 * The topology keeps one {@code S} per context key in a RocksDB store named
 * {@code rankstack-learner-<name>} with a changelog topic, and calls {@link #update} once per
 * impression whose join window closed, inside the exactly-once transaction that consumed it.
 *
 * <p>This is how the bandit state of {@code online} (CascadeKL-UCB by default) plugs in: a
 * {@code ContextLearner<BanditState>} whose serde is the bandit state's versioned binary codec.
 * {@link PositionCountsLearner} is the implementation kept here.
 *
 * <p>Implementations must be pure: {@code update} must not mutate {@code state}, must be
 * deterministic, and must not keep state of their own (the store is the state), so that replay
 * after a crash reproduces the same result.
 *
 * @param <S> the immutable state value
 */
public interface ContextLearner<S> {
  /** Short stable name, {@code [a-z0-9-]+}; it names the store and its changelog topic. */
  String name();

  /** How {@code S} is written to RocksDB and the changelog. */
  Serde<S> stateSerde();

  /** The state of a context never seen before. */
  S initial(String contextKey);

  /** The state after one more outcome. Must not modify {@code state}. */
  S update(S state, JoinedImpression outcome);
}
