package io.rankstack.server.events;

import io.rankstack.streaming.event.ImpressionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@code capacity} impressions this instance served, by id, so that a click can be
 * checked against what was shown, completed with its context key, and credited to an experiment.
 * Bounded (least recently served evicted first); thread-safe.
 */
public final class RecentImpressions {
  private final Map<String, ImpressionEvent> byId;

  public RecentImpressions(int capacity) {
    this.byId = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ImpressionEvent> eldest) {
        return size() > capacity;
      }
    };
  }

  public synchronized void add(ImpressionEvent e) {
    byId.put(e.impressionId(), e);
  }

  public synchronized Optional<ImpressionEvent> get(String impressionId) {
    return Optional.ofNullable(byId.get(impressionId));
  }
}
