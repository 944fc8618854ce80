package io.rankstack.streaming.it;

import static io.rankstack.streaming.TestEvents.click;
import static io.rankstack.streaming.TestEvents.impression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.bench.ReferenceFold;
import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.query.ContextState;
import io.rankstack.streaming.topology.DocCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two learn-loop instances (same application id, own state directories, own
 * {@code application.server}) on one real broker with two partitions: the state of every context
 * is complete and correct across the two, each instance's read API answers locally for its own
 * keys and with the owner's address for the others; then one instance stops and the other takes
 * over its partition, with the state restored from the changelog (no standby replica, so the
 * restore is the whole changelog).
 */
@Timeout(240)
class TwoInstanceTest {
  static final long WINDOW = 10_000;
  static final int PARTITIONS = 2;
  static final int CONTEXTS = 24;
  /** A recent base time: the broker deletes records older than retention by their timestamps. */
  static final long T = System.currentTimeMillis() - 600_000;

  @TempDir
  Path data;

  @Test
  void stateIsSplitAcrossInstancesAndMovesToTheSurvivor() throws Exception {
    try (EmbeddedKafka broker = EmbeddedKafka.start(data.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      // Two impressions per context, three documents each; context i clicks positions that depend on
      // i, some twice (duplicates), so every context's counts differ.
      List<ImpressionEvent> imps = new ArrayList<>();
      List<ClickEvent> clicks = new ArrayList<>();
      for (int i = 0; i < CONTEXTS; i++) {
        String ctx = String.format("ctx-%02d", i);
        for (int j = 0; j < 2; j++) {
          String id = ctx + "-i" + j;
          long ts = T + 100 * (i + 1) + j; // all within one window: none closes before the tick
          imps.add(impression(id, ctx, ts, ctx + "-a", ctx + "-b", ctx + "-c"));
          int pos = (i + j) % 3 + 1;
          clicks.add(click(id, ctx, ctx + "-" + (char) ('a' + pos - 1), pos, ts + 500));
          if (i % 4 == 0) {
            clicks.add(click(id, ctx, ctx + "-" + (char) ('a' + pos - 1), pos, ts + 600)); // duplicate
          }
        }
      }
      ReferenceFold expected = ReferenceFold.of(imps, clicks, WINDOW);

      try (LearnLoop a = LearnLoop.start(config("a", bootstrap, 7101))) {
        LearnLoop b = LearnLoop.start(config("b", bootstrap, 7102));
        try {
          a.awaitRunning(Duration.ofSeconds(90));
          b.awaitRunning(Duration.ofSeconds(90));
          Kafka.await(Duration.ofSeconds(60), "one task on each instance",
              () -> tasks(a) == 1 && tasks(b) == 1);
          produce(bootstrap, imps, clicks);
          try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Kafka.await(Duration.ofSeconds(60), "the events consumed",
                () -> Kafka.caughtUp(admin, "two-instances", PARTITIONS));
          }
          Kafka.tick(bootstrap, PARTITIONS, T + 100_000);

          // Every context resolves, through a's read API, either locally or to b's address, and
          // the state found there equals the in-memory fold.
          Kafka.await(Duration.ofSeconds(60), "every context learned on its owner",
              () -> expected.positions.keySet().stream().allMatch(ctx -> resolve(a, b, ctx) != null
                  && resolve(a, b, ctx).positions().impressions() == 2));
          int onA = 0;
          int onB = 0;
          for (String ctx : expected.positions.keySet()) {
            ContextState fromA = a.reader().read(ctx);
            ContextState fromB = b.reader().read(ctx);
            if (fromA instanceof ContextState.Local) {
              onA++;
              ContextState.Remote r = assertInstanceOf(ContextState.Remote.class, fromB, ctx);
              assertEquals(7101, r.port(), ctx);
            } else {
              onB++;
              ContextState.Remote r = assertInstanceOf(ContextState.Remote.class, fromA, ctx);
              assertEquals("127.0.0.1", r.host(), ctx);
              assertEquals(7102, r.port(), ctx);
              assertInstanceOf(ContextState.Local.class, fromB, ctx);
            }
            assertState(expected, ctx, resolve(a, b, ctx));
          }
          assertTrue(onA > 0 && onB > 0, "both instances own contexts: " + onA + " on a, " + onB + " on b");
          System.out.printf("two instances: %d contexts on a, %d on b, %d clicks checked%n", onA, onB,
              expected.totalClicks());
        } finally {
          b.close();
        }

        // b is gone: a takes over b's partition and restores its stores from the changelog.
        Kafka.await(Duration.ofSeconds(90), "a owns every context after b stopped",
            () -> tasks(a) == PARTITIONS && a.streams().state() == KafkaStreams.State.RUNNING
                && expected.positions.keySet().stream().allMatch(ctx -> a.reader().read(ctx) instanceof ContextState.Local));
        for (String ctx : expected.positions.keySet()) {
          assertState(expected, ctx, assertInstanceOf(ContextState.Local.class, a.reader().read(ctx)));
        }
      }
    }
  }

  private StreamingConfig config(String name, String bootstrap, int port) {
    return StreamingConfig.fromMap(Map.of(
        StreamingConfig.DATA_DIR, data.resolve(name).toString(),
        StreamingConfig.BOOTSTRAP_SERVERS, bootstrap,
        StreamingConfig.APPLICATION_ID, "two-instances",
        StreamingConfig.PARTITIONS, Integer.toString(PARTITIONS),
        StreamingConfig.JOIN_WINDOW_MS, Long.toString(WINDOW),
        StreamingConfig.GRACE_MS, "0",
        StreamingConfig.STANDBY_REPLICAS, "0",
        StreamingConfig.APPLICATION_SERVER, "127.0.0.1:" + port));
  }

  /** Active tasks of the instance. */
  private static int tasks(LearnLoop loop) {
    return loop.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
  }

  /** The state of {@code ctx} found by asking a, and following a Remote answer to b; null if none yet. */
  private static ContextState.Local resolve(LearnLoop a, LearnLoop b, String ctx) {
    ContextState s = a.reader().read(ctx);
    if (s instanceof ContextState.Remote r) {
      if (r.port() != 7102) {
        throw new AssertionError("a points " + ctx + " to " + r + ", not to b");
      }
      s = b.reader().read(ctx);
    }
    return s instanceof ContextState.Local l ? l : null;
  }

  private static void assertState(ReferenceFold expected, String ctx, ContextState.Local l) {
    assertEquals(expected.positions.get(ctx), l.positions(), ctx);
    Map<String, DocCounts> docs = new TreeMap<>();
    String prefix = DocCounts.prefix(ctx);
    expected.docs.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        docs.put(k.substring(prefix.length()), v);
      }
    });
    assertEquals(docs, new TreeMap<>(l.docs()), ctx);
  }

  private static void produce(String bootstrap, List<ImpressionEvent> imps, List<ClickEvent> clicks) {
    try (KafkaProducer<String, byte[]> p = Kafka.producer(bootstrap)) {
      for (ImpressionEvent e : imps) {
        p.send(new ProducerRecord<>(Topics.DEFAULT.impressions(), null, e.timestamp(), e.contextKey(),
            EventJson.write(e)));
      }
      for (ClickEvent c : clicks) {
        p.send(new ProducerRecord<>(Topics.DEFAULT.clicks(), null, c.timestamp(), c.contextKey(), EventJson.write(c)));
      }
      p.flush();
    }
  }
}
