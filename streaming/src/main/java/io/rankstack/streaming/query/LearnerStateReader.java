package io.rankstack.streaming.query;

import io.rankstack.streaming.topology.ContextLearner;
import io.rankstack.streaming.topology.DocCounts;
import io.rankstack.streaming.topology.LearnLoopTopology;
import io.rankstack.streaming.topology.PositionCounts;
import io.rankstack.streaming.topology.PositionCountsLearner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The read side for serving (Kafka Streams interactive queries): the learned state of one context
 * from this instance's stores, or the address of the instance that owns the key. Read-only by
 * construction: it only ever sees {@link ReadOnlyKeyValueStore}s. Thread-safe.
 */
public final class LearnerStateReader {
  private final KafkaStreams streams;
  private final HostInfo self;
  private final List<ContextLearner<?>> learners;

  /**
   * @param streams  the running learn loop
   * @param self     this instance's {@code application.server}, or null when there is only one
   * @param learners the learners the topology was built with
   */
  public LearnerStateReader(KafkaStreams streams, HostInfo self, List<ContextLearner<?>> learners) {
    this.streams = streams;
    this.self = self;
    this.learners = List.copyOf(learners);
  }

  /** The state of {@code contextKey}, or where it lives. */
  public ContextState read(String contextKey) {
    String positionsStore = LearnLoopTopology.learnerStore(PositionCountsLearner.NAME);
    KeyQueryMetadata md;
    try {
      md = streams.queryMetadataForKey(LearnLoopTopology.DOC_COUNTS_STORE, contextKey, new StringSerializer());
    } catch (IllegalStateException e) {
      return new ContextState.Unavailable(contextKey, e.getMessage());
    }
    if (md == null || md.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return new ContextState.Unavailable(contextKey, "no metadata for the key yet (starting or rebalancing)");
    }
    HostInfo owner = md.activeHost();
    if (self != null && !owner.equals(self)) {
      return new ContextState.Remote(contextKey, owner.host(), owner.port());
    }
    try {
      Map<String, Object> states = new LinkedHashMap<>();
      PositionCounts positions = PositionCounts.EMPTY;
      for (ContextLearner<?> l : learners) {
        String name = LearnLoopTopology.learnerStore(l.name());
        ReadOnlyKeyValueStore<String, Object> s = store(name, md.partition());
        Object v = s.get(contextKey);
        if (v != null) {
          states.put(l.name(), v);
          if (name.equals(positionsStore)) {
            positions = (PositionCounts) v;
          }
        }
      }
      Map<String, DocCounts> docs = new HashMap<>();
      ReadOnlyKeyValueStore<String, DocCounts> d = store(LearnLoopTopology.DOC_COUNTS_STORE, md.partition());
      String prefix = DocCounts.prefix(contextKey);
      try (KeyValueIterator<String, DocCounts> it = d.prefixScan(prefix, new StringSerializer())) {
        while (it.hasNext()) {
          KeyValue<String, DocCounts> kv = it.next();
          docs.put(kv.key.substring(prefix.length()), kv.value);
        }
      }
      return new ContextState.Local(contextKey, positions, docs, states);
    } catch (InvalidStateStoreException e) {
      return new ContextState.Unavailable(contextKey, e.getMessage());
    }
  }

  /**
   * Every per-context position count held by this instance (all its partitions), by context. For
   * tests, benchmarks and admin dumps; serving reads one context with {@link #read}.
   */
  public Map<String, PositionCounts> localPositions() {
    return dump(LearnLoopTopology.learnerStore(PositionCountsLearner.NAME));
  }

  /** Every per-(context, document) count held by this instance, key {@link DocCounts#key}. */
  public Map<String, DocCounts> localDocCounts() {
    return dump(LearnLoopTopology.DOC_COUNTS_STORE);
  }

  private <V> Map<String, V> dump(String storeName) {
    ReadOnlyKeyValueStore<String, V> s =
        streams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
    Map<String, V> out = new java.util.TreeMap<>();
    try (KeyValueIterator<String, V> it = s.all()) {
      while (it.hasNext()) {
        KeyValue<String, V> kv = it.next();
        out.put(kv.key, kv.value);
      }
    }
    return out;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
        .withPartition(partition));
  }
}
