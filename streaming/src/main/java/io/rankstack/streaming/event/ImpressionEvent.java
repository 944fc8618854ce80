package io.rankstack.streaming.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ranked list shown to a person (DESIGN.md "Events"). Immutable; validated by {@link EventJson}
 * when read from the wire.
 *
 * @param v             schema version ({@link EventJson#SCHEMA_VERSION})
 * @param impressionId  unique id of this showing; duplicates of an event share it
 * @param timestamp     epoch milliseconds when the list was shown (≥ 0)
 * @param surface       search or recommend
 * @param contextKey    normalised query (search) or user id (recommend); the Kafka record key
 * @param query         the query text, or null
 * @param userId        the user, or null
 * @param sessionId     the session, or null
 * @param domain        the collection/domain, or null
 * @param items         the shown items, positions unique, at least one
 * @param modelVersions model name to version that produced the list (may be empty)
 * @param experiment    the interleaving experiment, or null when none ran
 */
public record ImpressionEvent(
    int v,
    String impressionId,
    long timestamp,
    Surface surface,
    String contextKey,
    String query,
    String userId,
    String sessionId,
    String domain,
    List<ImpressionItem> items,
    Map<String, String> modelVersions,
    Experiment experiment) {

  public ImpressionEvent {
    Objects.requireNonNull(impressionId, "impressionId");
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(contextKey, "contextKey");
    items = List.copyOf(items);
    modelVersions = modelVersions == null ? Map.of() : Map.copyOf(modelVersions);
  }

  /**
   * An interleaving experiment: its id and the team (for example {@code A} or {@code B}) that
   * contributed each item, aligned with {@link ImpressionEvent#items()}.
   */
  public record Experiment(String id, List<String> teams) {
    public Experiment {
      Objects.requireNonNull(id, "id");
      teams = List.copyOf(teams);
    }
  }

  /** The item shown at 1-based {@code position}, or null when none was. */
  public ImpressionItem itemAt(int position) {
    for (ImpressionItem it : items) {
      if (it.position() == position) {
        return it;
      }
    }
    return null;
  }

  /** The largest position shown. */
  public int depth() {
    int d = 0;
    for (ImpressionItem it : items) {
      d = Math.max(d, it.position());
    }
    return d;
  }
}
