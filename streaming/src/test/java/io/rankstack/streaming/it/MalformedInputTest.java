package io.rankstack.streaming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.bench.ReferenceFold;
import io.rankstack.streaming.bench.SyntheticClickStream;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.DeadLetterReason;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import io.rankstack.streaming.topology.DeadLetters;
import io.rankstack.streaming.topology.DocCounts;
import io.rankstack.streaming.topology.PositionCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream in which 10% of the events are bad, of every dead-letter kind: every bad one ends in
 * the DLQ with its reason and source offset, every good one is applied, and processing never stops.
 */
@Timeout(180)
class MalformedInputTest {
  static final long WINDOW = 60_000;
  static final long GRACE = 30_000;

  @TempDir
  Path data;

  record Out(boolean impression, String key, long ts, byte[] value) {}

  @Test
  void tenPercentBadEventsOfEveryKindAreDeadLetteredAndTheRestApplied() throws Exception {
    long seed = 7;
    SyntheticClickStream.Generated g = new SyntheticClickStream(2_000, 50, 20, 5, 50, System.currentTimeMillis() - 3_600_000, seed).generate();
    List<Out> out = new ArrayList<>();
    for (SyntheticClickStream.Event e : g.events()) {
      out.add(new Out(e.impression(), e.key(), e.timestamp(), e.value()));
    }
    int good = out.size();
    int badTotal = good / 9; // bad / (good + bad) = 10%
    int perKind = badTotal / 7;
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, Integer> planned = new TreeMap<>();
    planned.put("orphan-click", g.orphanClicks());
    List<ImpressionEvent> imps = g.impressions();
    // Each impression carries the bad events of at most one k: two identical bad clicks would be
    // duplicates, whose count depends on whether their impression was read before them.
    List<Integer> picks = new ArrayList<>();
    for (int i = 100; i < imps.size() - 100; i++) {
      picks.add(i);
    }
    for (int i = picks.size() - 1; i > 0; i--) {
      java.util.Collections.swap(picks, i, r.nextInt(i + 1));
    }
    for (int k = 0; k < perKind; k++) {
      ImpressionEvent imp = imps.get(picks.get(k));
      String ctx = imp.contextKey();
      long ts = imp.timestamp();
      // Events tied to an impression go right after it; the others anywhere after the start.
      int afterImp = indexOf(out, imp) + 1;
      // Bad events placed anywhere carry the record timestamp of their neighbour, as a client sending
      // at that moment would: a record timestamp moves stream time even when its value is bad.
      String json = new String(EventJson.write(imp), StandardCharsets.UTF_8);
      int at = 50 + r.nextInt(out.size() - 50);
      out.add(at, new Out(r.nextBoolean(), ctx, out.get(at - 1).ts(),
          json.substring(0, r.nextInt(json.length() - 1)).getBytes(StandardCharsets.UTF_8)));
      at = 50 + r.nextInt(out.size() - 50);
      out.add(at, new Out(true, ctx, out.get(at - 1).ts(),
          json.replace("\"v\":1", "\"v\":" + (2 + r.nextInt(5))).getBytes(StandardCharsets.UTF_8)));
      String[] invalid = {
          json.replace("\"position\":1,", "\"position\":0,"),
          json.replace("\"surface\":\"search\"", "\"surface\":\"email\""),
          json.replace("\"impressionId\":\"" + imp.impressionId() + "\",", ""),
          json.replace("\"timestamp\":" + ts, "\"timestamp\":-5"),
          json.replace("\"contextKey\":\"" + ctx + "\"", "\"contextKey\":\"someone-else\"")};
      at = 50 + r.nextInt(out.size() - 50);
      out.add(at, new Out(true, ctx, out.get(at - 1).ts(), invalid[k % invalid.length].getBytes(StandardCharsets.UTF_8)));
      ClickEvent orphan = new ClickEvent(1, "never-" + k, ctx, "d", 1, ts, -1);
      out.add(afterImp, new Out(false, ctx, ts, EventJson.write(orphan)));
      ImpressionItem first = imp.items().get(0);
      // A late click is sent when the stream reaches its time (its timestamp must not move stream time ahead).
      ClickEvent late = new ClickEvent(1, imp.impressionId(), ctx, first.docId(), 1, ts + WINDOW + 1, -1);
      out.add(firstAfter(out, late.timestamp()), new Out(false, ctx, late.timestamp(), EventJson.write(late)));
      ClickEvent mismatch = new ClickEvent(1, imp.impressionId(), ctx, "not-shown", 2, ts + 10, -1);
      out.add(afterImp, new Out(false, ctx, mismatch.timestamp(), EventJson.write(mismatch)));
      ImpressionEvent stale = new ImpressionEvent(1, "stale-" + k, ts - 10 * WINDOW - k, Surface.SEARCH, ctx, null, null, null,
          null, imp.items(), null, null);
      out.add(afterImp, new Out(true, ctx, stale.timestamp(), EventJson.write(stale)));
    }
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      planned.merge(reason.label(), perKind, Integer::sum);
    }
    int bad = perKind * 7;
    int total = out.size();
    System.out.printf("[malformed] %d events, %d bad (%.1f%%), %d per kind, planned dead letters %s%n", total, bad,
        100.0 * bad / total, perKind, planned);
    ReferenceFold expected = ReferenceFold.of(g.impressions(), g.clicks(), WINDOW);

    StreamingConfig cfg = StreamingConfig.fromMap(Map.of(StreamingConfig.DATA_DIR, data.toString(),
        StreamingConfig.PARTITIONS, "2", StreamingConfig.JOIN_WINDOW_MS, Long.toString(WINDOW),
        StreamingConfig.GRACE_MS, Long.toString(GRACE)));
    try (LearnLoop loop = LearnLoop.start(cfg)) {
      loop.awaitRunning(Duration.ofSeconds(90));
      Topics t = Topics.DEFAULT;
      try (KafkaProducer<String, byte[]> p = Kafka.producer(loop.bootstrapServers())) {
        for (Out o : out) {
          p.send(new ProducerRecord<>(o.impression() ? t.impressions() : t.clicks(), null, o.ts(), o.key(), o.value()));
        }
      }
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
          Map.of("bootstrap.servers", loop.bootstrapServers()))) {
        Kafka.await(Duration.ofSeconds(90), "the stream consumed",
            () -> Kafka.caughtUp(admin, cfg.applicationId(), 2));
      }
      Kafka.tick(loop.bootstrapServers(), 2, g.lastTimestamp() + 10 * WINDOW);
      int expectedDlq = planned.values().stream().mapToInt(Integer::intValue).sum();
      AtomicReference<List<ConsumerRecord<String, byte[]>>> dlq = new AtomicReference<>(List.of());
      try {
        Kafka.await(Duration.ofSeconds(60), expectedDlq + " dead letters", () -> {
          dlq.set(Kafka.readAll(loop.bootstrapServers(), t.dlq()));
          return dlq.get().size() >= expectedDlq;
        });
      } catch (AssertionError e) {
        System.out.println("[malformed] " + e.getMessage()); // the comparison below shows what is missing
      }
      Map<String, Integer> got = dlq.get().stream().collect(Collectors.groupingBy(
          rec -> Objects.toString(DeadLetters.header(rec.headers(), DeadLetters.REASON)), TreeMap::new,
          Collectors.summingInt(x -> 1)));
      for (ConsumerRecord<String, byte[]> rec : dlq.get()) {
        assertTrue(DeadLetters.header(rec.headers(), DeadLetters.SOURCE_OFFSET) != null, "offset header");
        assertTrue(DeadLetters.header(rec.headers(), DeadLetters.DETAIL) != null, "detail header");
      }
      Kafka.await(Duration.ofSeconds(60), "all good impressions applied", () -> {
        try {
          Map<String, PositionCounts> pc = loop.reader().localPositions();
          return pc.values().stream().mapToLong(PositionCounts::impressions).sum() >= expected.joinedImpressions;
        } catch (RuntimeException e) {
          return false;
        }
      });
      Map<String, PositionCounts> positions = new TreeMap<>(loop.reader().localPositions());
      positions.remove("tick");
      Map<String, DocCounts> docs = new TreeMap<>(loop.reader().localDocCounts());
      docs.keySet().removeIf(k -> k.startsWith(DocCounts.prefix("tick")));
      Map<String, Long> metric = DeadLetters.counts(loop.streams().metrics());
      System.out.printf("[malformed] dead letters by reason %s (metric %s); applied %d impressions, %d clicks%n",
          got, metric, positions.values().stream().mapToLong(PositionCounts::impressions).sum(),
          positions.values().stream().mapToLong(PositionCounts::totalClicks).sum());
      assertEquals(planned, got);
      assertEquals(expected.positions, positions);
      assertEquals(expected.docs, docs);
      for (Map.Entry<String, Integer> e : planned.entrySet()) {
        assertEquals((long) e.getValue(), metric.get(e.getKey()), "metric " + e.getKey());
      }
      assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, loop.streams().state());
    }
  }

  private static int firstAfter(List<Out> out, long ts) {
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).ts() > ts) {
        return i;
      }
    }
    return out.size();
  }

  private static int indexOf(List<Out> out, ImpressionEvent imp) {
    byte[] b = EventJson.write(imp);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).impression() && java.util.Arrays.equals(out.get(i).value(), b)) {
        return i;
      }
    }
    throw new AssertionError("impression not in stream");
  }
}
