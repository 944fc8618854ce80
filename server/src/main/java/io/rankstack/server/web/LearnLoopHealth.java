package io.rankstack.server.web;

import io.rankstack.server.config.LearnLoopService;
import io.rankstack.server.events.EventLog;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the learn loop and the event log: DOWN when Kafka Streams stopped or failed; the event
 * log's queue and last send error are reported as details (search keeps answering while Kafka is
 * down, so a failing event log does not take the instance out of service).
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
    KafkaStreams.State state = loop.loop().streams().state();
    Health.Builder b = state.isRunningOrRebalancing() ? Health.up() : Health.down();
    b.withDetail("streams", state.name()).withDetail("bootstrapServers", loop.loop().bootstrapServers())
        .withDetail("eventsQueued", events.queued()).withDetail("eventsSent", events.sent())
        .withDetail("impressionsDropped", events.droppedImpressions()).withDetail("clicksRefused", events.refusedClicks());
    if (events.lastError() != null) {
      b.withDetail("eventLogError", events.lastError());
    }
    return b.build();
  }
}
