package io.rankstack.streaming.topology;

import io.rankstack.streaming.Topics;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The learn-loop topology (Processor API):
 *
 * <pre>
 * rankstack.impressions ─┐
 *                        ├─► join (decode, validate, dedupe, window) ─► learn (learners, counters) ─► rankstack.training-examples
 * rankstack.clicks ──────┘          └─► rankstack.dlq
 * </pre>
 *
 * <h2>Join rules</h2>
 * <ul>
 *   <li>Impressions are identified by {@code impressionId}; a second impression with the same id is
 *       a duplicate and is ignored (metric {@code duplicate-impressions}).</li>
 *   <li>A click joins its impression when its item matches (same position and document, same
 *       context) and {@code click.timestamp ≤ impression.timestamp + window}. Clicks are identified by
 *       (impressionId, position), which for matching clicks is the same as (impressionId, docId): a
 *       second one is a duplicate and ignored (metric {@code duplicate-clicks}). Clicks may arrive
 *       before their impression; they wait in the join state.</li>
 *   <li>The window of an impression closes when the <em>join time</em> reaches
 *       {@code impression.timestamp + window + grace}; the impression is then emitted with its
 *       clicks to the learners, exactly once. The join time is the smaller of the two input
 *       topics' clocks (the largest record timestamp read from each), so a window closes only once
 *       both topics have been read past it and reading one topic ahead of the other cannot turn
 *       clicks still unread into late clicks. Once the slower topic has had no record for
 *       {@code quietInput} of wall-clock time, the join time may run up to {@code maxInputSkew}
 *       behind the faster clock, so a quiet topic delays closings by at most that much. The join
 *       time never goes back, and after a restart it starts at a floor kept in the join store
 *       (see below). With no skew and no quiet time it is, within one run, Kafka Streams' stream time.</li>
 *   <li><b>Late clicks:</b> a click later than {@code window} after its impression, or one that
 *       arrives once its impression's window has closed, goes to the DLQ as {@code late-click} and
 *       changes nothing already learned.</li>
 *   <li>A click whose impression has not arrived when the join time reaches
 *       {@code click.timestamp + window + grace} (join time) goes to the DLQ as {@code orphan-click}.</li>
 *   <li>An impression that arrives after its own window closed (the join time, or the latest
 *       impression read, is at or past {@code impression.timestamp + window + grace}) goes to the
 *       DLQ as {@code late-impression}. Closed impressions are remembered (without payload) for one more
 *       {@code window + grace}, so duplicates are recognised; a duplicate later than that is
 *       necessarily a late impression.</li>
 *   <li>Malformed JSON, an unknown schema version, or a failed validation go to the DLQ at once.</li>
 * </ul>
 * The rules depend on event timestamps, the order records are read in, and (only for whether a
 * topic counts as quiet) wall-clock time; exactly-once holds whatever they decide, because every
 * decision commits in the same transaction as the input offsets and state it follows from. After a
 * restart the topic clocks start from scratch and the join time starts at a floor persisted in
 * the join store, at most one second (of event time) below the join time of the last commit: a
 * duplicate of a purged impression is still late, and so none is learned twice.
 */
public final class LearnLoopTopology {
  /** Join state: impression id to {@link PendingImpression}. */
  public static final String JOIN_STORE = "rankstack-join";
  /** Per-(context, document) counts, key {@link DocCounts#key}. */
  public static final String DOC_COUNTS_STORE = "rankstack-doc-counts";
  /** Prefix of each {@link ContextLearner}'s store. */
  public static final String LEARNER_STORE_PREFIX = "rankstack-learner-";
  /** Metric scope: metrics are in group {@code stream-rankstack-metrics}. */
  public static final String METRICS_SCOPE = "rankstack";
  /** Dead-letter metric names: {@code dead-letters-<reason>-total} and {@code -rate}. */
  public static final String DEAD_LETTER_METRIC_PREFIX = "dead-letters-";

  static final String IMPRESSIONS_SOURCE = "impressions";
  static final String CLICKS_SOURCE = "clicks";
  static final String JOIN_PROCESSOR = "join";
  static final String LEARN_PROCESSOR = "learn";
  static final String DLQ_SINK = "dlq-sink";
  static final String TRAINING_SINK = "training-sink";

  private LearnLoopTopology() {}

  /** The store name of a learner. */
  public static String learnerStore(String learnerName) {
    return LEARNER_STORE_PREFIX + learnerName;
  }

  /**
   * Builds the topology.
   *
   * @param topics   topic names
   * @param join     the join's time settings
   * @param learners the per-context learners, each with its own store; names unique
   */
  public static Topology build(Topics topics, JoinSettings join, List<ContextLearner<?>> learners) {
    List<ContextLearner<?>> ls = List.copyOf(learners);
    if (ls.stream().map(ContextLearner::name).distinct().count() != ls.size()) {
      throw new IllegalArgumentException("learner names must be unique");
    }
    for (ContextLearner<?> l : ls) {
      if (!l.name().matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("learner name must match [a-z0-9-]+: " + l.name());
      }
    }
    Topology t = new Topology();
    // Explicitly from the earliest offset: a partition with no committed offset (a first run, or a
    // crash before the first commit) must be read from its start, never from its end.
    t.addSource(AutoOffsetReset.earliest(), IMPRESSIONS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
        topics.impressions());
    t.addSource(AutoOffsetReset.earliest(), CLICKS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
        topics.clicks());
    t.addProcessor(JOIN_PROCESSOR, () -> new JoinProcessor(topics.impressions(), topics.clicks(), join),
        IMPRESSIONS_SOURCE, CLICKS_SOURCE);
    t.addProcessor(LEARN_PROCESSOR, () -> new LearnProcessor(ls), JOIN_PROCESSOR);
    t.addSink(DLQ_SINK, topics.dlq(), new StringSerializer(), new ByteArraySerializer(), JOIN_PROCESSOR);
    t.addSink(TRAINING_SINK, topics.trainingExamples(), new StringSerializer(), new ByteArraySerializer(),
        LEARN_PROCESSOR);
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOIN_STORE), Serdes.String(),
        PendingImpression.serde()).withCachingEnabled(), JOIN_PROCESSOR);
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOC_COUNTS_STORE), Serdes.String(),
        DocCounts.serde()).withCachingEnabled(), LEARN_PROCESSOR);
    for (ContextLearner<?> l : ls) {
      t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(learnerStore(l.name())),
          Serdes.String(), l.stateSerde()).withCachingEnabled(), LEARN_PROCESSOR);
    }
    return t;
  }
}
