package io.rankstack.streaming.topology;

import io.rankstack.streaming.Topics;
import java.time.Duration;
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
 *       topics' clocks (the largest record timestamp read from each), but at most
 *       {@code maxInputSkew} behind the larger: a window closes only once both topics have been
 *       read past it, so reading one topic ahead of the other cannot turn clicks still unread into
 *       late clicks, and a topic that goes quiet delays closings by at most {@code maxInputSkew}.
 *       With {@code maxInputSkew = 0} the join time is Kafka Streams' stream time.</li>
 *   <li><b>Late clicks:</b> a click later than {@code window} after its impression, or one that
 *       arrives once its impression's window has closed, goes to the DLQ as {@code late-click} and
 *       changes nothing already learned.</li>
 *   <li>A click whose impression has not arrived when stream time reaches
 *       {@code click.timestamp + window + grace} (join time) goes to the DLQ as {@code orphan-click}.</li>
 *   <li>An impression that arrives after its own window closed goes to the DLQ as
 *       {@code late-impression}. Closed impressions are remembered (without payload) for one more
 *       {@code window + grace}, so duplicates are recognised; a duplicate later than that is
 *       necessarily a late impression.</li>
 *   <li>Malformed JSON, an unknown schema version, or a failed validation go to the DLQ at once.</li>
 * </ul>
 * Every rule depends only on event timestamps and the order records are read in, never on
 * wall-clock time or a punctuation schedule. After a restart the topic clocks start again from
 * the records read, which can postpone a closing but never bring one forward; closings already
 * committed are in the join store, so none is made twice, and a floor kept there (at least the
 * deadline of every purged impression) makes a duplicate of a purged impression late even right
 * after a restart.
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
   * @param topics         topic names
   * @param window         join window (clicks at most this long after their impression join)
   * @param grace          extra join time before a window closes, for out-of-order arrival
   * @param maxInputSkew   how far the join time may lag the faster input topic (see the rules)
   * @param learners       the per-context learners, each with its own store; names unique
   */
  public static Topology build(Topics topics, Duration window, Duration grace, Duration maxInputSkew,
      List<ContextLearner<?>> learners) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("join window must be > 0: " + window);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0: " + grace);
    }
    if (maxInputSkew.isNegative()) {
      throw new IllegalArgumentException("max input skew must be >= 0: " + maxInputSkew);
    }
    List<ContextLearner<?>> ls = List.copyOf(learners);
    if (ls.stream().map(ContextLearner::name).distinct().count() != ls.size()) {
      throw new IllegalArgumentException("learner names must be unique");
    }
    for (ContextLearner<?> l : ls) {
      if (!l.name().matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("learner name must match [a-z0-9-]+: " + l.name());
      }
    }
    long w = window.toMillis();
    long g = grace.toMillis();
    long skew = maxInputSkew.toMillis();
    Topology t = new Topology();
    // Explicitly from the earliest offset: a partition with no committed offset (a first run, or a
    // crash before the first commit) must be read from its start, never from its end.
    t.addSource(AutoOffsetReset.earliest(), IMPRESSIONS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
        topics.impressions());
    t.addSource(AutoOffsetReset.earliest(), CLICKS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
        topics.clicks());
    t.addProcessor(JOIN_PROCESSOR, () -> new JoinProcessor(topics.impressions(), topics.clicks(), w, g, skew),
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
