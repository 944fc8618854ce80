package io.rankstack.streaming;

import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.query.LearnerStateReader;
import io.rankstack.streaming.state.RankstackRocksDBConfig;
import io.rankstack.streaming.topology.ContextLearner;
import io.rankstack.streaming.topology.JoinSettings;
import io.rankstack.streaming.topology.LearnLoopTopology;
import io.rankstack.streaming.topology.PositionCountsLearner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The running learn loop: the embedded broker when no cluster is configured, the topics, and the
 * Kafka Streams application (exactly_once_v2, RocksDB stores with changelogs). Close to stop.
 */
public final class LearnLoop implements AutoCloseable {
  private final StreamingConfig config;
  private final EmbeddedKafka broker;
  private final KafkaStreams streams;
  private final LearnerStateReader reader;
  private final String bootstrapServers;

  private LearnLoop(StreamingConfig config, EmbeddedKafka broker, String bootstrapServers, KafkaStreams streams,
      LearnerStateReader reader) {
    this.config = config;
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.streams = streams;
    this.reader = reader;
  }

  /** Starts with the default learners (per-position counts). */
  public static LearnLoop start(StreamingConfig config) {
    return start(config, List.of());
  }

  /**
   * Starts the broker (unless {@link StreamingConfig#bootstrapServers()} is set), creates the
   * topics, and starts processing.
   *
   * @param extraLearners learners besides {@link PositionCountsLearner} (for example the bandit)
   */
  public static LearnLoop start(StreamingConfig config, List<ContextLearner<?>> extraLearners) {
    return start(config, extraLearners, null);
  }

  /**
   * As {@link #start(StreamingConfig, List)}, with a Kafka Streams state listener installed before
   * processing starts (null for none).
   */
  public static LearnLoop start(StreamingConfig config, List<ContextLearner<?>> extraLearners,
      KafkaStreams.StateListener listener) {
    EmbeddedKafka broker = null;
    String bootstrap = config.bootstrapServers();
    if (bootstrap == null) {
      broker = EmbeddedKafka.start(config.kafkaDir());
      bootstrap = broker.bootstrapServers();
    }
    try {
      createTopics(bootstrap, Topics.DEFAULT, config.partitions());
      List<ContextLearner<?>> learners = new ArrayList<>();
      learners.add(new PositionCountsLearner());
      learners.addAll(extraLearners);
      KafkaStreams streams = new KafkaStreams(
          LearnLoopTopology.build(Topics.DEFAULT, new JoinSettings(config.joinWindow(), config.grace(),
              config.maxInputSkew(), config.quietInput()), learners),
          streamsProperties(config, bootstrap));
      HostInfo self = config.applicationServer() == null ? null : HostInfo.buildFromEndpoint(config.applicationServer());
      LearnerStateReader reader = new LearnerStateReader(streams, self, learners);
      if (listener != null) {
        streams.setStateListener(listener);
      }
      streams.start();
      return new LearnLoop(config, broker, bootstrap, streams, reader);
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /** The Kafka Streams settings derived from {@code config}. */
  public static Properties streamsProperties(StreamingConfig config, String bootstrap) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RankstackRocksDBConfig.class);
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, config.maxTaskIdle().toMillis());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
    if (config.applicationServer() != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
    }
    if (config.instanceId() != null) {
      p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
    }
    // A member that dies is noticed within 6 s (the broker minimum is lowered for the embedded one).
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    // Batching (measured with bench-stream, docs/benchmarks.md): under exactly-once nothing the
    // topology writes is visible before the commit flushes the producer, so lingering costs no
    // visible latency, and big batches cut the requests the producer sends and the broker handles
    // (with linger.ms=5 and 16 KiB batches the producer's network thread and the broker's request
    // handlers took more CPU than the stream thread itself).
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), (int) Math.min(Integer.MAX_VALUE,
        config.commitInterval().toMillis()));
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 512 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // Passed through to RankstackRocksDBConfig.
    p.put(StreamingConfig.ROCKSDB_BLOCK_CACHE_BYTES, Long.toString(config.blockCacheBytes()));
    p.put(StreamingConfig.ROCKSDB_COMPRESSION, config.compression());
    p.put(StreamingConfig.ROCKSDB_BLOOM_BITS, Integer.toString(config.bloomBitsPerKey()));
    return p;
  }

  /** Creates the learn-loop topics that do not exist yet, with {@code partitions} partitions each. */
  public static void createTopics(String bootstrap, Topics topics, int partitions) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
      List<NewTopic> missing = new ArrayList<>();
      for (String t : topics.all()) {
        if (!existing.contains(t)) {
          missing.add(new NewTopic(t, Optional.of(partitions), Optional.empty()));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("creating topics " + topics.all() + " on " + bootstrap + " failed", e);
    }
  }

  /** Waits until Kafka Streams is RUNNING. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > end || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("learn loop not running after " + timeout + ": " + streams.state());
      }
      Thread.sleep(20);
    }
  }

  public LearnerStateReader reader() {
    return reader;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public StreamingConfig config() {
    return config;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    if (broker != null) {
      broker.close();
    }
  }
}
