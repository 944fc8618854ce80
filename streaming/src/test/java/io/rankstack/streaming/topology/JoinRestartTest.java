package io.rankstack.streaming.topology;

import static io.rankstack.streaming.TestEvents.click;
import static io.rankstack.streaming.TestEvents.impression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The join across a restart: a new processor over the same join store, as after a crash or a
 * failover, starts with fresh topic clocks. A duplicate of an impression whose entry was already
 * purged must still not be learned twice.
 */
class JoinRestartTest {
  static final long W = 60_000;
  static final long G = 10_000;
  static final long SKEW = 300_000;
  static final String IMPRESSIONS = "imps";
  static final String CLICKS = "clicks";

  MockProcessorContext<String, Object> context;
  KeyValueStore<String, PendingImpression> store;
  long offset;

  @BeforeEach
  void setUp() {
    context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(1_000_000);
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LearnLoopTopology.JOIN_STORE), Serdes.String(),
        PendingImpression.serde()).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  JoinProcessor start() {
    JoinProcessor p = new JoinProcessor(IMPRESSIONS, CLICKS,
        new JoinSettings(Duration.ofMillis(W), Duration.ofMillis(G), Duration.ofMillis(SKEW), Duration.ofSeconds(10)));
    p.init(context);
    return p;
  }

  void sendImpression(JoinProcessor p, ImpressionEvent e) {
    context.setRecordMetadata(IMPRESSIONS, 0, offset++);
    p.process(new Record<>(e.contextKey(), EventJson.write(e), e.timestamp()));
  }

  void sendClick(JoinProcessor p, String id, String ctx, String doc, int position, long ts) {
    context.setRecordMetadata(CLICKS, 0, offset++);
    p.process(new Record<>(ctx, EventJson.write(click(id, ctx, doc, position, ts)), ts));
  }

  /** Moves both topic clocks to {@code ts} with a tick impression and its click. */
  void advance(JoinProcessor p, long ts) {
    sendImpression(p, impression("tick-" + ts, "tick", ts, "x"));
    sendClick(p, "tick-" + ts, "tick", "x", 1, ts);
  }

  /** Impressions sent to the learners, ticks left out. */
  List<String> learned() {
    return context.forwarded().stream().filter(f -> f.childName().orElse("").equals(LearnLoopTopology.LEARN_PROCESSOR))
        .map(f -> ((JoinedImpression) f.record().value()).impression().impressionId())
        .filter(id -> !id.startsWith("tick-")).toList();
  }

  List<String> deadLetterReasons() {
    return context.forwarded().stream().filter(f -> f.childName().orElse("").equals(LearnLoopTopology.DLQ_SINK))
        .map(f -> DeadLetters.header(f.record().headers(), DeadLetters.REASON)).toList();
  }

  @Test
  void aDuplicateOfAPurgedImpressionReadFirstAfterARestartIsNotLearnedTwice() {
    ImpressionEvent x = impression("x", "q", 1_000, "a", "b");
    JoinProcessor first = start();
    sendImpression(first, x);
    sendClick(first, "x", "q", "b", 2, 2_000);
    advance(first, 1_000 + W + G); // x's window closes
    advance(first, 1_000 + 2 * (W + G)); // its dedupe marker is purged
    assertEquals(List.of("x"), learned());
    assertNull(store.get("x"), "purged");
    first.close();

    context.resetForwards();
    JoinProcessor restarted = start(); // fresh topic clocks, same store
    sendImpression(restarted, x); // the first record read after the restart
    assertEquals(List.of("late-impression"), deadLetterReasons());
    assertNull(store.get("x"));
    advance(restarted, 1_000 + 3 * (W + G));
    assertEquals(List.of(), learned(), "x was learned before the restart, and only then");
    assertNotNull(store.get(JoinProcessor.FLOOR_KEY), "the floor is kept, never expired like an entry");
  }

  @Test
  void aCopyOfAnEventDeadLetteredBeforeARestartIsDeadLetteredAgain() {
    JoinProcessor first = start();
    advance(first, 400_000);
    ImpressionEvent late = impression("late", "q", 300_000, "a"); // its window closed at 370,000
    sendImpression(first, late);
    assertEquals(List.of("late-impression"), deadLetterReasons());
    first.close();

    context.resetForwards();
    JoinProcessor restarted = start();
    sendImpression(restarted, late); // a resent copy, read first after the restart
    assertEquals(List.of("late-impression"), deadLetterReasons(), "not accepted (and later learned) this time");
    advance(restarted, 500_000);
    assertEquals(List.of(), learned());
  }

  @Test
  void theFloorNeverClosesAWindowEarlyAfterARestart() {
    JoinProcessor first = start();
    sendImpression(first, impression("old", "q", 1_000, "a"));
    advance(first, 1_000 + 2 * (W + G)); // "old" closes and is purged at once: the floor is raised
    sendImpression(first, impression("open", "q", 1_000 + 2 * (W + G), "a", "b"));
    first.close();

    context.resetForwards();
    JoinProcessor restarted = start();
    sendClick(restarted, "open", "q", "b", 2, 1_000 + 2 * (W + G) + 5_000);
    advance(restarted, 1_000 + 3 * (W + G) - 1);
    assertEquals(List.of(), learned(), "open's window is still open");
    advance(restarted, 1_000 + 3 * (W + G));
    assertEquals(List.of("open"), learned());
    assertEquals(List.of(), deadLetterReasons(), "the click after the restart joined");
  }
}
