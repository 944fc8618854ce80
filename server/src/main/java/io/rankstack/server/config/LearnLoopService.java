package io.rankstack.server.config;

import io.rankstack.online.bandit.ContextBandit;
import io.rankstack.online.bandit.ContextBanditLearner;
import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.query.ContextState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learn loop inside the server: the embedded KRaft broker under {@code data-dir/kafka} (unless
 * {@code rankstack.kafka.bootstrap-servers} names a cluster), the exactly-once Kafka Streams
 * topology with its RocksDB state under {@code data-dir/state}, and the cascading-bandit learner
 * whose per-context state serving reads back through the interactive-query API.
 *
 * <p>The embedded broker is local, so a failure to start it is a real error: the constructor starts
 * the loop and throws when it cannot. An external cluster may just be down for a while, and search
 * must not wait for it: the constructor returns at once and one daemon thread tries to start the
 * loop, pausing 1 s, 2 s, 4 s, ... up to {@code kafka.retry-max-ms} between attempts, until it
 * runs. Until then {@link #isRunning()} is false, {@link #notRunningReason()} says why, and
 * {@link #bandit(String)} throws (the bandit stage passes through). Whatever needs the running loop
 * registers with {@link #whenRunning(Consumer)}.
 */
public final class LearnLoopService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LearnLoopService.class);
  /** The first pause between attempts; it doubles up to {@code kafka.retry-max-ms}. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  /** How long one attempt waits for the cluster to answer before it counts as unreachable. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(120);

  private final StreamingConfig config;
  private final int slateSize;
  private final String external;
  private final Duration retryMax;
  private final Object lock = new Object();
  private final List<Consumer<LearnLoop>> onRunning = new ArrayList<>();
  private final Thread starter;
  private volatile LearnLoop loop;
  private volatile String notRunningReason;
  private volatile boolean closed;

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
    this.config = StreamingConfig.fromMap(m);
    this.slateSize = props.bandit().slateSize();
    this.external = config.bootstrapServers();
    this.retryMax = Duration.ofMillis(props.kafka().retryMaxMs());
    if (external == null) {
      LOG.info("starting the embedded Kafka broker under {}/kafka and the learn loop ...", props.dataDir());
      this.loop = startOnce();
      this.starter = null;
    } else {
      this.notRunningReason = "starting: connecting to Kafka at " + external;
      LOG.info("starting the learn loop on Kafka at {} in the background (search serves meanwhile) ...", external);
      this.starter = new Thread(this::startWithRetries, "rankstack-learn-loop-start");
      starter.setDaemon(true);
      starter.start();
    }
  }

  /** Starts the loop and waits until Kafka Streams runs; closes what it started when that fails. */
  private LearnLoop startOnce() {
    long t0 = System.nanoTime();
    LearnLoop l = LearnLoop.start(config, List.of(new ContextBanditLearner(
        io.rankstack.bandits.BanditState.Algorithm.KL_UCB, slateSize)));
    try {
      l.awaitRunning(RUNNING_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      l.close();
      throw new IllegalStateException("interrupted while starting the learn loop", e);
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
    LOG.info("learn loop running on {} ({} ms)", l.bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
    return l;
  }

  private void startWithRetries() {
    long pauseMs = FIRST_RETRY.toMillis();
    for (int attempt = 1; !closed; attempt++) {
      try {
        probe(external);
        LearnLoop l = startOnce();
        running(l);
        return;
      } catch (InterruptedException e) {
        return; // close()
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        notRunningReason = "Kafka at " + external + " not reachable (attempt " + attempt + "): " + oneLine(e);
        LOG.warn("learn loop not started, next attempt in {} ms: {}", pauseMs, notRunningReason);
      }
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        return;
      }
      pauseMs = Math.min(pauseMs * 2, retryMax.toMillis());
    }
  }

  /**
   * Asks the cluster for its id, so that an unreachable cluster costs one short attempt instead of
   * the learn loop's 30 s topic-creation timeout.
   */
  private static void probe(String bootstrap) throws InterruptedException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    Admin admin = Admin.create(p);
    try {
      admin.describeCluster().clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cluster id request failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + PROBE_TIMEOUT.toMillis() + " ms");
    } finally {
      admin.close(Duration.ZERO); // nothing pending is worth waiting for
    }
  }

  /** Publishes the running loop (or closes it when close() came first) and runs the listeners. */
  private void running(LearnLoop l) {
    List<Consumer<LearnLoop>> listeners;
    synchronized (lock) {
      if (closed) {
        l.close();
        return;
      }
      loop = l;
      notRunningReason = null;
      listeners = List.copyOf(onRunning);
      onRunning.clear();
    }
    for (Consumer<LearnLoop> c : listeners) {
      notify(c, l);
    }
  }

  private static void notify(Consumer<LearnLoop> c, LearnLoop l) {
    try {
      c.accept(l);
    } catch (RuntimeException e) {
      LOG.error("a learn-loop listener failed: {}", e.toString(), e);
    }
  }

  /** The exception and its root cause in one line. */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String s = e.getClass().getSimpleName() + ": " + e.getMessage();
    return root == e ? s : s + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /**
   * Runs {@code listener} with the loop once it runs: now, on this thread, when it already does,
   * else on the thread that started it. A listener that throws is logged and skipped.
   */
  public void whenRunning(Consumer<LearnLoop> listener) {
    LearnLoop l;
    synchronized (lock) {
      l = loop;
      if (l == null) {
        onRunning.add(listener);
        return;
      }
    }
    notify(listener, l);
  }

  /** True once the learn loop was started (Kafka Streams may rebalance or fail later: see its state). */
  public boolean isRunning() {
    return loop != null;
  }

  /** Why the loop does not run yet (the last failed attempt, in one line); null once it runs. */
  public String notRunningReason() {
    return loop != null ? null : closed ? "closed" : notRunningReason;
  }

  /** The cluster: the configured external one, or the embedded broker's. */
  public String bootstrapServers() {
    LearnLoop l = loop;
    return external != null ? external : l == null ? null : l.bootstrapServers();
  }

  /**
   * The bandit state of a context, when this instance holds one.
   *
   * @throws IllegalStateException while the learn loop does not run yet, or when the state is unavailable
   */
  public Optional<ContextBandit> bandit(String contextKey) {
    ContextState s = loop().reader().read(contextKey);
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

  /**
   * The running loop.
   *
   * @throws IllegalStateException while it does not run yet (with the reason)
   */
  public LearnLoop loop() {
    LearnLoop l = loop;
    if (l == null) {
      throw new IllegalStateException("the learn loop is not running yet: " + notRunningReason());
    }
    return l;
  }

  /** Stops the start attempts and closes the loop if it runs. */
  @Override
  public void close() {
    closed = true;
    if (starter != null) {
      starter.interrupt();
      try {
        starter.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LearnLoop l;
    synchronized (lock) {
      l = loop;
      loop = null;
      onRunning.clear();
    }
    if (l != null) {
      l.close();
    }
  }
}
