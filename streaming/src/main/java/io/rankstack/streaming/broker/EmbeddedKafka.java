package io.rankstack.streaming.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM,
 * bound to 127.0.0.1 on free ports chosen at start, with its log directory under a given folder
 * (the default run uses {@code <data-dir>/kafka}). Transactions work: the internal topics use
 * replication factor 1. The recipe is STACK.md's, verified on Kafka 4.1.2.
 *
 * <p>Restarting on the same folder keeps the topics and their data (the storage is formatted
 * only once). {@link #close()} shuts down cleanly and is idempotent.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;
  private final KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafka(Path logDir, int brokerPort, int controllerPort, KafkaRaftServer server) {
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.server = server;
  }

  /** Starts a broker on {@code logDir} with default settings and waits until it answers. */
  public static EmbeddedKafka start(Path logDir) {
    return start(logDir, Map.of());
  }

  /**
   * Starts a broker on {@code logDir} and waits until it answers.
   *
   * @param overrides broker properties that replace the defaults (for example
   *                  {@code num.partitions})
   */
  public static EmbeddedKafka start(Path logDir, Map<String, String> overrides) {
    try {
      return start(logDir, freePort(), freePort(), overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a broker on {@code logDir} listening on the given ports and waits until it answers (for
   * example a cluster that comes up where a client already waits for it).
   *
   * @param bport     the client (PLAINTEXT) port on 127.0.0.1
   * @param cport     the controller port on 127.0.0.1
   * @param overrides broker properties that replace the defaults
   */
  public static EmbeddedKafka start(Path logDir, int bport, int cport, Map<String, String> overrides) {
    try {
      Files.createDirectories(logDir);
      Properties p = brokerProperties(logDir, bport, cport);
      p.putAll(overrides);
      Path propsFile = logDir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(propsFile)) {
        p.store(out, "rankstack embedded KRaft broker");
      }
      // Formatted once, on the first start. Formatting again, even with --ignore-formatted, wrote a
      // new random cluster id that the broker then refused against the one in meta.properties, so
      // a second start on the same folder (the default run, started again) failed.
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
            propsFile.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (rc != 0) {
          throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed: "
              + log.toString(StandardCharsets.UTF_8));
        }
      }
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafka k = new EmbeddedKafka(logDir, bport, cport, server);
      k.awaitReady(Duration.ofSeconds(60));
      return k;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The broker settings: STACK.md's recipe. */
  static Properties brokerProperties(Path logDir, int bport, int cport) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + cport);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + bport + ",CONTROLLER://127.0.0.1:" + cport);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + bport);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Tests and the crash loop use short sessions so a killed member leaves quickly.
    p.put("group.min.session.timeout.ms", "1000");
    p.put("auto.create.topics.enable", "false");
    // Its default reserves 128 MiB of heap; with this the broker lives in ~40 MB.
    p.put("log.cleaner.dedupe.buffer.size", "8388608");
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < end) {
      try (Admin a = admin()) {
        a.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
      }
    }
    close();
    throw new IllegalStateException("embedded Kafka did not answer within " + timeout, last);
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path logDir() {
    return logDir;
  }

  /** A new admin client for this broker; the caller closes it. */
  public Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(p);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
  }
}
