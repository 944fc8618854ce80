package io.rankstack.streaming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.bench.ReferenceFold;
import io.rankstack.streaming.bench.SyntheticClickStream;
import io.rankstack.streaming.broker.EmbeddedKafka;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import io.rankstack.streaming.topology.DeadLetters;
import io.rankstack.streaming.topology.DocCounts;
import io.rankstack.streaming.topology.PositionCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under SIGKILL: a producer writes more than 100,000 events (duplicates, clicks before
 * their impressions, orphans) while the learn loop runs in a child JVM that is killed at random
 * moments at least five times and restarted. The state, restored from the changelogs into a fresh
 * instance, must equal the in-memory fold of the same input: no click lost, none counted twice.
 */
@Timeout(300)
class CrashRecoveryTest {
  static final int PARTITIONS = 2;
  static final long WINDOW = 60_000;
  static final long GRACE = 30_000;
  static final String APP = "rankstack-crash-test";

  @TempDir
  Path tmp;

  @Test
  void stateAfterRepeatedSigkillEqualsTheInMemoryFold() throws Exception {
    long seed = Long.getLong("rankstack.crash.seed", System.nanoTime());
    System.out.println("[crash] seed=" + seed + " (rerun with -Drankstack.crash.seed=" + seed + ")");
    SyntheticClickStream.Generated g = new SyntheticClickStream(54_000, 300, 40, 5, 20, System.currentTimeMillis() - 3_600_000, seed).generate();
    ReferenceFold expected = ReferenceFold.of(g.impressions(), g.clicks(), WINDOW);
    int m = g.events().size();
    assertTrue(m >= 100_000, "events: " + m);

    try (EmbeddedKafka broker = EmbeddedKafka.start(tmp.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      LearnLoop.createTopics(bootstrap, Topics.DEFAULT, PARTITIONS);
      Map<String, String> child = Map.of(
          StreamingConfig.BOOTSTRAP_SERVERS, bootstrap,
          StreamingConfig.DATA_DIR, tmp.resolve("child").toString(),
          StreamingConfig.APPLICATION_ID, APP,
          StreamingConfig.PARTITIONS, Integer.toString(PARTITIONS),
          StreamingConfig.JOIN_WINDOW_MS, Long.toString(WINDOW),
          StreamingConfig.GRACE_MS, Long.toString(GRACE),
          StreamingConfig.INSTANCE_ID, "crash-child",
          StreamingConfig.COMMIT_INTERVAL_MS, "100");
      Path log = Path.of("target", "crash-test", "child-" + seed + ".log").toAbsolutePath();
      Files.createDirectories(log.getParent());
      System.out.println("[crash] child log: " + log);

      // Producer: the events in send order, paced over ~25 s, then one far-future tick per partition.
      AtomicBoolean produced = new AtomicBoolean();
      AtomicReference<Throwable> producerError = new AtomicReference<>();
      Thread producer = new Thread(() -> {
        try (KafkaProducer<String, byte[]> p = Kafka.producer(bootstrap)) {
          long start = System.nanoTime();
          double perMs = g.events().size() / 25_000.0;
          int i = 0;
          for (SyntheticClickStream.Event e : g.events()) {
            String topic = e.impression() ? Topics.DEFAULT.impressions() : Topics.DEFAULT.clicks();
            p.send(new ProducerRecord<>(topic, null, e.timestamp(), e.key(), e.value()));
            if (++i % 500 == 0) {
              long due = start + (long) (i / perMs * 1e6);
              long wait = due - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
            }
          }
          p.flush();
          produced.set(true);
        } catch (Throwable t) {
          producerError.set(t);
        }
      }, "producer");
      producer.start();

      SplittableRandom r = new SplittableRandom(seed);
      int kills = 0;
      long t0 = System.nanoTime();
      while (kills < 5 || !produced.get()) {
        if (producerError.get() != null) {
          throw new AssertionError("producer failed", producerError.get());
        }
        ChildProcessor p = ChildProcessor.start(child, log);
        boolean up = p.awaitRunning(Duration.ofSeconds(60));
        long delay = 200 + r.nextLong(2_800); // a random moment while it processes
        Thread.sleep(delay);
        p.kill();
        kills++;
        System.out.printf("[crash] SIGKILL %d, %d ms after RUNNING%s (t=%.1f s, producer done=%s)%n", kills, delay,
            up ? "" : " (never got RUNNING)", (System.nanoTime() - t0) / 1e9, produced.get());
      }
      producer.join();
      ChildProcessor last = ChildProcessor.start(child, log);
      try (Admin admin = broker.admin()) {
        Kafka.await(Duration.ofSeconds(120), "the restarted processor to catch up", () -> caughtUp(admin));
        // Now close every window: the tick comes after everything else has been consumed.
        Kafka.tick(bootstrap, PARTITIONS, g.lastTimestamp() + 600_000);
        Kafka.await(Duration.ofSeconds(60), "the tick to be processed", () -> caughtUp(admin));
      } finally {
        last.stop();
      }
      System.out.printf("[crash] caught up after %d kills, %.1f s%n", kills, (System.nanoTime() - t0) / 1e9);

      // Read the state back through a fresh instance that restores it from the changelogs.
      StreamingConfig fresh = StreamingConfig.fromMap(Map.of(
          StreamingConfig.BOOTSTRAP_SERVERS, bootstrap,
          StreamingConfig.DATA_DIR, tmp.resolve("reader").toString(),
          StreamingConfig.APPLICATION_ID, APP,
          StreamingConfig.INSTANCE_ID, "crash-child",
          StreamingConfig.JOIN_WINDOW_MS, Long.toString(WINDOW),
          StreamingConfig.GRACE_MS, Long.toString(GRACE)));
      Map<String, PositionCounts> positions;
      Map<String, DocCounts> docs;
      try (LearnLoop reader = LearnLoop.start(fresh)) {
        reader.awaitRunning(Duration.ofSeconds(120));
        AtomicReference<Map<String, PositionCounts>> pos = new AtomicReference<>();
        Kafka.await(Duration.ofSeconds(60), "restored stores", () -> {
          try {
            pos.set(reader.reader().localPositions());
            return true;
          } catch (RuntimeException e) {
            return false;
          }
        });
        positions = new java.util.TreeMap<>(pos.get());
        docs = new java.util.TreeMap<>(reader.reader().localDocCounts());
      }
      positions.remove("tick");
      docs.keySet().removeIf(k -> k.startsWith(DocCounts.prefix("tick")));

      var dlq = Kafka.readAll(bootstrap, Topics.DEFAULT.dlq());
      Map<String, Long> reasons = dlq.stream().collect(Collectors.groupingBy(
          rec -> Objects.toString(DeadLetters.header(rec.headers(), DeadLetters.REASON)), Collectors.counting()));

      long gotClicks = positions.values().stream().mapToLong(PositionCounts::totalClicks).sum();
      long gotImpressions = positions.values().stream().mapToLong(PositionCounts::impressions).sum();
      long lost = Math.max(0, expected.totalClicks() - gotClicks);
      long twice = Math.max(0, gotClicks - expected.totalClicks());
      System.out.printf("[crash] events produced %d (impressions %d + %d duplicates, clicks %d + %d duplicates, "
              + "%d clicks sent before their impression, %d orphan clicks), SIGKILLs %d%n",
          m, g.impressions().size(), g.duplicateImpressions(), g.clicks().size(), g.duplicateClicks(),
          g.outOfOrderClicks(), g.orphanClicks(), kills);
      System.out.printf("[crash] expected: %d impressions, %d clicks, %d contexts, %d (context, doc) keys; "
              + "got: %d impressions, %d clicks, %d contexts, %d keys; lost clicks %d, counted twice %d; "
              + "dead letters %s%n",
          expected.joinedImpressions, expected.totalClicks(), expected.positions.size(), expected.docs.size(),
          gotImpressions, gotClicks, positions.size(), docs.size(), lost, twice, reasons);
      assertEquals(expected.joinedImpressions, gotImpressions, "impressions");
      assertEquals(expected.totalClicks(), gotClicks, "clicks");
      assertEquals(expected.positions, positions, "per-position counts, every context");
      assertEquals(expected.docs, docs, "per-(context, doc) counts, every key");
      assertEquals(Map.of("orphan-click", (long) g.orphanClicks()), reasons, "dead letters: only the orphan clicks");
      assertTrue(kills >= 5);
    }
  }

  private static long lastProgress;

  private static boolean caughtUp(Admin admin) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata().get();
      List<TopicPartition> inputs = new ArrayList<>();
      StringBuilder progress = new StringBuilder();
      for (int p = 0; p < PARTITIONS; p++) {
        inputs.add(new TopicPartition(Topics.DEFAULT.impressions(), p));
        inputs.add(new TopicPartition(Topics.DEFAULT.clicks(), p));
      }
      ListOffsetsResult ends = admin.listOffsets(inputs.stream()
          .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())));
      for (TopicPartition tp : inputs) {
        OffsetAndMetadata c = committed.get(tp);
        long end = ends.partitionResult(tp).get().offset();
        progress.append(tp).append('=').append(c == null ? -1 : c.offset()).append('/').append(end).append(' ');
      }
      if (System.currentTimeMillis() - lastProgress > 10_000) {
        lastProgress = System.currentTimeMillis();
        System.out.println("[crash] committed/end: " + progress);
      }
      for (TopicPartition tp : inputs) {
        OffsetAndMetadata c = committed.get(tp);
        long end = ends.partitionResult(tp).get().offset();
        if (end > 0 && (c == null || c.offset() < end)) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
