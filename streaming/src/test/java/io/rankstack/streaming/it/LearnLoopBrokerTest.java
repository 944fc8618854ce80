package io.rankstack.streaming.it;

import static io.rankstack.streaming.TestEvents.click;
import static io.rankstack.streaming.TestEvents.impression;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.rankstack.streaming.LearnLoop;
import io.rankstack.streaming.StreamingConfig;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.query.ContextState;
import io.rankstack.streaming.topology.DeadLetters;
import io.rankstack.streaming.topology.DocCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The learn loop against the real embedded broker, read back through the read API. */
@Timeout(180)
class LearnLoopBrokerTest {
  static final long WINDOW = 10_000;
  /** A recent base time: the broker deletes records older than retention by their timestamps. */
  static final long T = System.currentTimeMillis() - 600_000;

  @TempDir
  Path data;

  @Test
  void impressionsAndClicksEndUpInTheStateStores() throws Exception {
    StreamingConfig cfg = StreamingConfig.fromMap(Map.of(
        StreamingConfig.DATA_DIR, data.toString(),
        StreamingConfig.PARTITIONS, "2",
        StreamingConfig.JOIN_WINDOW_MS, Long.toString(WINDOW),
        StreamingConfig.GRACE_MS, "0",
        StreamingConfig.APPLICATION_SERVER, "127.0.0.1:7070"));
    try (LearnLoop loop = LearnLoop.start(cfg)) {
      loop.awaitRunning(Duration.ofSeconds(90));
      Topics t = Topics.DEFAULT;
      try (KafkaProducer<String, byte[]> p = Kafka.producer(loop.bootstrapServers())) {
        ImpressionEvent a = impression("i1", "shoes", T + 1_000, "d1", "d2", "d3");
        ImpressionEvent b = impression("i2", "hats", T + 1_000, "h1", "h2");
        for (ImpressionEvent e : List.of(a, b, a)) { // a duplicate of a
          p.send(new ProducerRecord<>(t.impressions(), null, e.timestamp(), e.contextKey(), EventJson.write(e)));
        }
        for (ClickEvent c : List.of(click("i1", "shoes", "d2", 2, T + 2_000), click("i1", "shoes", "d2", 2, T + 2_000),
            click("i2", "hats", "h1", 1, T + 3_000), click("ghost", "hats", "h1", 1, T + 3_000))) {
          p.send(new ProducerRecord<>(t.clicks(), null, c.timestamp(), c.contextKey(), EventJson.write(c)));
        }
        p.send(new ProducerRecord<>(t.clicks(), null, T + 3_000L, "hats", "not json".getBytes(StandardCharsets.UTF_8)));
        p.flush();
      }
      // Once everything is consumed, move stream time past every window on both partitions.
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
          Map.of("bootstrap.servers", loop.bootstrapServers()))) {
        Kafka.await(Duration.ofSeconds(60), "the events consumed", () -> Kafka.caughtUp(admin, cfg.applicationId(), 2));
      }
      Kafka.tick(loop.bootstrapServers(), 2, T + 100_000);
      Kafka.await(Duration.ofSeconds(60), "both contexts learned", () -> {
        ContextState s1 = loop.reader().read("shoes");
        ContextState s2 = loop.reader().read("hats");
        return s1 instanceof ContextState.Local l1 && l1.positions().impressions() == 1
            && s2 instanceof ContextState.Local l2 && l2.positions().impressions() == 1;
      });
      ContextState.Local shoes = assertInstanceOf(ContextState.Local.class, loop.reader().read("shoes"));
      assertArrayEquals(new long[] {0, 1}, shoes.positions().clicks());
      assertArrayEquals(new long[] {1, 1}, shoes.positions().examinations());
      assertEquals(new DocCounts(1, 1, 1), shoes.docs().get("d2"));
      assertEquals(new DocCounts(1, 0, 0), shoes.docs().get("d3"));
      assertEquals(3, shoes.docs().size());
      ContextState.Local hats = assertInstanceOf(ContextState.Local.class, loop.reader().read("hats"));
      assertArrayEquals(new long[] {1}, hats.positions().clicks());
      assertEquals(Map.of("positions", hats.positions()), hats.learnerStates());

      Kafka.await(Duration.ofSeconds(30), "two dead letters",
          () -> Kafka.readAll(loop.bootstrapServers(), t.dlq()).size() >= 2);
      List<ConsumerRecord<String, byte[]>> dlq = Kafka.readAll(loop.bootstrapServers(), t.dlq());
      assertEquals(List.of("malformed-json", "orphan-click"), dlq.stream()
          .map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON)).sorted().toList());
      Map<String, Long> counts = DeadLetters.counts(loop.streams().metrics());
      assertEquals(1L, counts.get("malformed-json"));
      assertEquals(1L, counts.get("orphan-click"));
      assertEquals(2 + 1, Kafka.readAll(loop.bootstrapServers(), t.trainingExamples()).size());
    }
  }

  @Test
  void aKeyOwnedElsewhereAnswersWithTheOwnersAddress() {
    // The reader compares the owner with its own address; a reader that believes it is another host
    // gets a Remote answer naming the real owner.
    StreamingConfig cfg = StreamingConfig.fromMap(Map.of(StreamingConfig.DATA_DIR, data.toString(),
        StreamingConfig.PARTITIONS, "1", StreamingConfig.APPLICATION_SERVER, "127.0.0.1:7071"));
    try (LearnLoop loop = LearnLoop.start(cfg)) {
      loop.awaitRunning(Duration.ofSeconds(90));
      var other = new io.rankstack.streaming.query.LearnerStateReader(loop.streams(),
          new org.apache.kafka.streams.state.HostInfo("10.0.0.9", 7071), List.of());
      ContextState s = other.read("anything");
      ContextState.Remote r = assertInstanceOf(ContextState.Remote.class, s);
      assertEquals("127.0.0.1", r.host());
      assertEquals(7071, r.port());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
