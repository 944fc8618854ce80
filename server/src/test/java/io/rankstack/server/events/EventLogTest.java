package io.rankstack.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Kafka unreachable (a closed loopback port), logging never blocks: events queue up to the
 * capacity, impressions beyond it are dropped and counted, clicks beyond it are refused, and the
 * error is reported.
 */
class EventLogTest {
  private static ImpressionEvent impression(int i) {
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, "imp-" + i, 1000 + i, Surface.SEARCH, "q", "q", null, null, null,
        List.of(new ImpressionItem("d", 1, 1.0, new double[0], 1.0)), Map.of(), null);
  }

  @Test
  void kafkaDownQueuesBoundedAndReports() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (EventLog log = new EventLog("127.0.0.1:" + port, Topics.DEFAULT, 5, registry)) {
      long t0 = System.nanoTime();
      int accepted = 0;
      for (int i = 0; i < 20; i++) {
        if (log.impression(impression(i))) {
          accepted++;
        }
      }
      long micros = (System.nanoTime() - t0) / 1000;
      assertTrue(accepted >= 5 && accepted <= 6, "capacity 5 (+1 held by the sender): " + accepted);
      assertEquals(20 - accepted, log.droppedImpressions());
      assertTrue(micros < 2_000_000, "offering never waits for Kafka: " + micros + " µs");
      assertFalse(log.click(new ClickEvent(EventJson.SCHEMA_VERSION, "imp-1", "q", "d", 1, 2000, -1)));
      assertEquals(1, log.refusedClicks());
      assertFalse(log.hasRoom(1));
      long end = System.nanoTime() + 10_000_000_000L;
      while (log.lastError() == null && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertNotNull(log.lastError(), "the failure is reported");
      assertEquals(0, log.sent());
      assertEquals((double) log.droppedImpressions(), registry.get("rankstack.events.impressions.dropped").gauge().value(), 0);
    }
  }
}
