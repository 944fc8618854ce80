package io.rankstack.server.config;

import io.rankstack.online.bandit.ContextBandit;
import io.rankstack.online.bandit.ContextBanditLearner;
import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.query.ContextState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learn loop inside the server: the embedded KRaft broker under {@code data-dir/kafka} (unless
 * {@code rankstack.kafka.bootstrap-servers} names a cluster), the exactly-once Kafka Streams
 * topology with its RocksDB state under {@code data-dir/state}, and the cascading-bandit learner
 * whose per-context state serving reads back through the interactive-query API.
 */
public final class LearnLoopService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LearnLoopService.class);
  private final LearnLoop loop;

  public LearnLoopService(RankstackProperties props) {
    Map<String, String> m = new HashMap<>();
    m.put(StreamingConfig.DATA_DIR, props.dataDir().toString());
    if (!props.kafka().bootstrapServers().isEmpty()) {
      m.put(StreamingConfig.BOOTSTRAP_SERVERS, props.kafka().bootstrapServers());
    }
    m.put(StreamingConfig.JOIN_WINDOW_MS, Long.toString(props.streaming().joinWindowMs()));
    m.put(StreamingConfig.GRACE_MS, Long.toString(props.streaming().graceMs()));
    m.put(StreamingConfig.PARTITIONS, Integer.toString(props.streaming().partitions()));
    m.put(StreamingConfig.COMMIT_INTERVAL_MS, Long.toString(props.streaming().commitIntervalMs()));
    // Kafka Streams answers key-metadata queries only when an application server is set; a single
    // instance advertises a placeholder and reads every context locally.
    m.put(StreamingConfig.APPLICATION_SERVER, props.streaming().applicationServer().isEmpty()
        ? "127.0.0.1:0" : props.streaming().applicationServer());
    StreamingConfig config = StreamingConfig.fromMap(m);
    LOG.info(config.bootstrapServers() == null ? "starting the embedded Kafka broker under {}/kafka and the learn loop ..."
        : "starting the learn loop on Kafka at " + config.bootstrapServers() + " ...", props.dataDir());
    long t0 = System.nanoTime();
    this.loop = LearnLoop.start(config, List.of(new ContextBanditLearner(
        io.rankstack.bandits.BanditState.Algorithm.KL_UCB, props.bandit().slateSize())));
    try {
      loop.awaitRunning(Duration.ofSeconds(120));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      loop.close();
      throw new IllegalStateException("interrupted while starting the learn loop", e);
    } catch (RuntimeException e) {
      loop.close();
      throw e;
    }
    LOG.info("learn loop running on {} ({} ms)", loop.bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** The bandit state of a context, when this instance holds one. */
  public Optional<ContextBandit> bandit(String contextKey) {
    ContextState s = loop.reader().read(contextKey);
    if (s instanceof ContextState.Local l) {
      Object v = l.learnerStates().get(ContextBanditLearner.NAME);
      if (v instanceof ContextBandit b) {
        return Optional.of(b);
      }
      return Optional.empty();
    }
    if (s instanceof ContextState.Unavailable u) {
      throw new IllegalStateException("learned state unavailable: " + u.reason());
    }
    throw new IllegalStateException("state of this context lives on another instance: " + s);
  }

  public LearnLoop loop() {
    return loop;
  }

  @Override
  public void close() {
    loop.close();
  }
}
