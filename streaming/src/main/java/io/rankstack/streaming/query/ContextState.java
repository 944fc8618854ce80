package io.rankstack.streaming.query;

import io.rankstack.streaming.topology.DocCounts;
import io.rankstack.streaming.topology.PositionCounts;
import java.util.Map;

/** What the read API knows about one context: its state here, the instance that has it, or nothing yet. */
public sealed interface ContextState {
  String contextKey();

  /**
   * The state read from this instance's stores.
   *
   * @param positions     per-position click and examination counts ({@link PositionCounts#EMPTY} if none)
   * @param docs          per-document counts of this context, by document id
   * @param learnerStates the state of every {@code ContextLearner}, by learner name (absent when none yet)
   */
  record Local(String contextKey, PositionCounts positions, Map<String, DocCounts> docs,
      Map<String, Object> learnerStates) implements ContextState {
    public Local {
      docs = Map.copyOf(docs);
      learnerStates = Map.copyOf(learnerStates);
    }
  }

  /** The key lives on another instance: ask it at {@code host:port}. */
  record Remote(String contextKey, String host, int port) implements ContextState {}

  /** No instance can answer now (starting, rebalancing, restoring). */
  record Unavailable(String contextKey, String reason) implements ContextState {}
}
