package io.rankstack.streaming;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the learn loop, each a documented {@code rankstack.*} key with a reasoned default.
 * {@link #fromMap} validates and names the bad key in its message.
 *
 * @param dataDir            {@value #DATA_DIR}: root of {@code state/} and {@code kafka/} (default {@code ./data})
 * @param bootstrapServers   {@value #BOOTSTRAP_SERVERS}: an existing Kafka cluster; null starts the embedded broker
 * @param applicationId      {@value #APPLICATION_ID}: Kafka Streams application id (consumer group, changelog prefix)
 * @param partitions         {@value #PARTITIONS}: partitions of the topics created at start (default 4)
 * @param joinWindow         {@value #JOIN_WINDOW_MS}: clicks at most this long after their impression join (default 30 min)
 * @param grace              {@value #GRACE_MS}: extra stream time before a window closes, for out-of-order arrival (default 1 min)
 * @param standbyReplicas    {@value #STANDBY_REPLICAS}: warm copies of each state partition on other instances (default 0)
 * @param commitInterval     {@value #COMMIT_INTERVAL_MS}: exactly-once transaction length (default 100 ms, Kafka's EOS default)
 * @param threads            {@value #THREADS}: stream threads (default 1)
 * @param applicationServer  {@value #APPLICATION_SERVER}: host:port this instance serves reads on, advertised to others; null for none
 * @param instanceId         {@value #INSTANCE_ID}: static group membership id, so a restarted instance gets its partitions back without a rebalance; null for dynamic
 * @param blockCacheBytes    {@value #ROCKSDB_BLOCK_CACHE_BYTES}: RocksDB block cache shared by all stores (default 64 MiB)
 * @param compression        {@value #ROCKSDB_COMPRESSION}: {@code lz4} (default), {@code zstd}, {@code snappy} or {@code none}
 * @param bloomBitsPerKey    {@value #ROCKSDB_BLOOM_BITS}: bloom filter bits per key (default 10, ~1% false positives; 0 disables)
 * @param maxTaskIdle        {@value #MAX_TASK_IDLE_MS}: how long a task waits for data on all its input partitions
 *                           (impressions and clicks) before processing one alone (default 0, Kafka's default).
 *                           The join does not need the wait (it keeps a clock per topic, see
 *                           {@code maxInputSkew}), and waiting put seconds of lag on the 99th percentile
 *                           (docs/benchmarks.md)
 * @param maxInputSkew       {@value #MAX_INPUT_SKEW_MS}: how far the join's clock may lag the faster of the two
 *                           input topics once the slower one is quiet (default 5 min): the longest a quiet topic
 *                           (a partition with no clicks for a while) holds windows open
 * @param quietInput         {@value #QUIET_INPUT_MS}: wall-clock time without a record from an input topic after
 *                           which it counts as quiet (default 10 s). Until then the join waits for it however far
 *                           its clock lags, as it must while that topic is still being read
 * @param cacheMaxBytes      {@value #CACHE_MAX_BYTES}: Kafka Streams record cache over all stores of the instance
 *                           ({@code statestore.cache.max.bytes}); it merges repeated writes of a key between
 *                           commits; 0 turns it off (every write goes to RocksDB and the changelog)
 */
public record StreamingConfig(
    Path dataDir,
    String bootstrapServers,
    String applicationId,
    int partitions,
    Duration joinWindow,
    Duration grace,
    int standbyReplicas,
    Duration commitInterval,
    int threads,
    String applicationServer,
    String instanceId,
    long blockCacheBytes,
    String compression,
    int bloomBitsPerKey,
    Duration maxTaskIdle,
    Duration maxInputSkew,
    Duration quietInput,
    long cacheMaxBytes) {

  public static final String DATA_DIR = "rankstack.data-dir";
  public static final String BOOTSTRAP_SERVERS = "rankstack.kafka.bootstrap-servers";
  public static final String APPLICATION_ID = "rankstack.streaming.application-id";
  public static final String PARTITIONS = "rankstack.streaming.partitions";
  public static final String JOIN_WINDOW_MS = "rankstack.streaming.join-window-ms";
  public static final String GRACE_MS = "rankstack.streaming.grace-ms";
  public static final String STANDBY_REPLICAS = "rankstack.streaming.standby-replicas";
  public static final String COMMIT_INTERVAL_MS = "rankstack.streaming.commit-interval-ms";
  public static final String THREADS = "rankstack.streaming.threads";
  public static final String APPLICATION_SERVER = "rankstack.streaming.application-server";
  public static final String INSTANCE_ID = "rankstack.streaming.instance-id";
  public static final String ROCKSDB_BLOCK_CACHE_BYTES = "rankstack.streaming.rocksdb.block-cache-bytes";
  public static final String ROCKSDB_COMPRESSION = "rankstack.streaming.rocksdb.compression";
  public static final String ROCKSDB_BLOOM_BITS = "rankstack.streaming.rocksdb.bloom-bits-per-key";
  public static final String MAX_TASK_IDLE_MS = "rankstack.streaming.max-task-idle-ms";
  public static final String MAX_INPUT_SKEW_MS = "rankstack.streaming.max-input-skew-ms";
  public static final String QUIET_INPUT_MS = "rankstack.streaming.quiet-input-ms";
  public static final String CACHE_MAX_BYTES = "rankstack.streaming.cache-max-bytes";

  public StreamingConfig {
    if (partitions < 1) {
      throw bad(PARTITIONS, partitions, "must be >= 1");
    }
    if (joinWindow.toMillis() < 1) {
      throw bad(JOIN_WINDOW_MS, joinWindow.toMillis(), "must be >= 1");
    }
    if (grace.isNegative()) {
      throw bad(GRACE_MS, grace.toMillis(), "must be >= 0");
    }
    if (standbyReplicas < 0) {
      throw bad(STANDBY_REPLICAS, standbyReplicas, "must be >= 0");
    }
    if (commitInterval.toMillis() < 1) {
      throw bad(COMMIT_INTERVAL_MS, commitInterval.toMillis(), "must be >= 1");
    }
    if (threads < 1) {
      throw bad(THREADS, threads, "must be >= 1");
    }
    if (blockCacheBytes < 1 << 20) {
      throw bad(ROCKSDB_BLOCK_CACHE_BYTES, blockCacheBytes, "must be >= 1048576");
    }
    if (!java.util.List.of("lz4", "zstd", "snappy", "none").contains(compression)) {
      throw bad(ROCKSDB_COMPRESSION, compression, "must be lz4, zstd, snappy or none");
    }
    if (bloomBitsPerKey < 0 || bloomBitsPerKey > 64) {
      throw bad(ROCKSDB_BLOOM_BITS, bloomBitsPerKey, "must be in [0, 64]");
    }
    if (maxTaskIdle.isNegative()) {
      throw bad(MAX_TASK_IDLE_MS, maxTaskIdle.toMillis(), "must be >= 0");
    }
    if (maxInputSkew.isNegative()) {
      throw bad(MAX_INPUT_SKEW_MS, maxInputSkew.toMillis(), "must be >= 0");
    }
    if (quietInput.isNegative()) {
      throw bad(QUIET_INPUT_MS, quietInput.toMillis(), "must be >= 0");
    }
    if (cacheMaxBytes < 0) {
      throw bad(CACHE_MAX_BYTES, cacheMaxBytes, "must be >= 0");
    }
    if (applicationServer != null && !applicationServer.matches("[^:]+:\\d+")) {
      throw bad(APPLICATION_SERVER, applicationServer, "must be host:port");
    }
  }

  private static IllegalArgumentException bad(String key, Object value, String why) {
    return new IllegalArgumentException("invalid setting " + key + "=" + value + ": " + why);
  }

  /** All defaults, data under {@code dataDir}. */
  public static StreamingConfig defaults(Path dataDir) {
    return fromMap(Map.of(DATA_DIR, dataDir.toString()));
  }

  /** Reads the settings from {@code rankstack.*} keys; missing keys take their defaults. */
  public static StreamingConfig fromMap(Map<String, String> m) {
    return new StreamingConfig(
        Path.of(m.getOrDefault(DATA_DIR, "./data")),
        blankToNull(m.get(BOOTSTRAP_SERVERS)),
        m.getOrDefault(APPLICATION_ID, "rankstack-learn-loop"),
        integer(m, PARTITIONS, 4),
        Duration.ofMillis(longValue(m, JOIN_WINDOW_MS, Duration.ofMinutes(30).toMillis())),
        Duration.ofMillis(longValue(m, GRACE_MS, Duration.ofMinutes(1).toMillis())),
        integer(m, STANDBY_REPLICAS, 0),
        Duration.ofMillis(longValue(m, COMMIT_INTERVAL_MS, 100)),
        integer(m, THREADS, 1),
        blankToNull(m.get(APPLICATION_SERVER)),
        blankToNull(m.get(INSTANCE_ID)),
        longValue(m, ROCKSDB_BLOCK_CACHE_BYTES, 64L << 20),
        m.getOrDefault(ROCKSDB_COMPRESSION, "lz4"),
        integer(m, ROCKSDB_BLOOM_BITS, 10),
        Duration.ofMillis(longValue(m, MAX_TASK_IDLE_MS, 0)),
        Duration.ofMillis(longValue(m, MAX_INPUT_SKEW_MS, Duration.ofMinutes(5).toMillis())),
        Duration.ofMillis(longValue(m, QUIET_INPUT_MS, 10_000)),
        longValue(m, CACHE_MAX_BYTES, 0));
  }

  /** The settings as {@code rankstack.*} keys (inverse of {@link #fromMap}). */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(DATA_DIR, dataDir.toString());
    if (bootstrapServers != null) {
      m.put(BOOTSTRAP_SERVERS, bootstrapServers);
    }
    m.put(APPLICATION_ID, applicationId);
    m.put(PARTITIONS, Integer.toString(partitions));
    m.put(JOIN_WINDOW_MS, Long.toString(joinWindow.toMillis()));
    m.put(GRACE_MS, Long.toString(grace.toMillis()));
    m.put(STANDBY_REPLICAS, Integer.toString(standbyReplicas));
    m.put(COMMIT_INTERVAL_MS, Long.toString(commitInterval.toMillis()));
    m.put(THREADS, Integer.toString(threads));
    if (applicationServer != null) {
      m.put(APPLICATION_SERVER, applicationServer);
    }
    if (instanceId != null) {
      m.put(INSTANCE_ID, instanceId);
    }
    m.put(ROCKSDB_BLOCK_CACHE_BYTES, Long.toString(blockCacheBytes));
    m.put(ROCKSDB_COMPRESSION, compression);
    m.put(ROCKSDB_BLOOM_BITS, Integer.toString(bloomBitsPerKey));
    m.put(MAX_TASK_IDLE_MS, Long.toString(maxTaskIdle.toMillis()));
    m.put(MAX_INPUT_SKEW_MS, Long.toString(maxInputSkew.toMillis()));
    m.put(QUIET_INPUT_MS, Long.toString(quietInput.toMillis()));
    m.put(CACHE_MAX_BYTES, Long.toString(cacheMaxBytes));
    return m;
  }

  /** A copy with one setting changed (by key), validated. */
  public StreamingConfig with(String key, String value) {
    Map<String, String> m = toMap();
    m.put(key, value);
    return fromMap(m);
  }

  /** {@code <dataDir>/state}: Kafka Streams state stores. */
  public Path stateDir() {
    return dataDir.resolve("state");
  }

  /** {@code <dataDir>/kafka}: log dirs of the embedded broker. */
  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int integer(Map<String, String> m, String key, int dflt) {
    String s = m.get(key);
    if (s == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw bad(key, s, "not an integer");
    }
  }

  private static long longValue(Map<String, String> m, String key, long dflt) {
    String s = m.get(key);
    if (s == null) {
      return dflt;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw bad(key, s, "not an integer");
    }
  }
}
