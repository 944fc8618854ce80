package io.rankstack.server.web;

import io.rankstack.server.config.LearnLoopService;
import io.rankstack.server.events.EventLog;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the learn loop and the event log: DOWN while the learn loop does not run yet (an
 * external cluster not reachable: {@code learnLoop=starting} and the reason) and when Kafka
 * Streams stopped or failed; the event log's queue and last send error are reported as details.
 * This indicator is not part of the readiness group: search keeps answering while Kafka is down,
 * so a failing learn loop or event log does not take the instance out of service.
 */
@Component("learnLoopHealthIndicator")
public class LearnLoopHealth implements HealthIndicator {
  private final LearnLoopService loop;
  private final EventLog events;

  public LearnLoopHealth(LearnLoopService loop, EventLog events) {
    this.loop = loop;
    this.events = events;
  }

  @Override
  public Health health() {
    Health.Builder b;
    String bootstrap = loop.bootstrapServers();
    if (loop.isRunning()) {
      KafkaStreams.State state;
      try {
        state = loop.loop().streams().state();
      } catch (IllegalStateException e) { // closed between the two calls
        state = KafkaStreams.State.NOT_RUNNING;
      }
      b = state.isRunningOrRebalancing() ? Health.up() : Health.down();
      b.withDetail("learnLoop", "running").withDetail("streams", state.name());
    } else {
      String reason = loop.notRunningReason();
      b = Health.down().withDetail("learnLoop", "starting").withDetail("reason", reason == null ? "" : reason);
    }
    b.withDetail("bootstrapServers", bootstrap == null ? "" : bootstrap)
        .withDetail("eventsQueued", events.queued()).withDetail("eventsSent", events.sent())
        .withDetail("impressionsDropped", events.droppedImpressions()).withDetail("clicksRefused", events.refusedClicks());
    if (events.lastError() != null) {
      b.withDetail("eventLogError", events.lastError());
    }
    return b.build();
  }
}
