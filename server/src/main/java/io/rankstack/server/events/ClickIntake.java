package io.rankstack.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rankstack.server.experiment.Experiments;
import io.rankstack.server.search.BadRequestException;
import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/events}: one click object or an array of them. Every click is checked first
 * (a bad one rejects the whole request, naming its index and field, and nothing is accepted); then
 * all are queued for Kafka, and credited to popularity, the user's recent clicks and experiments.
 *
 * <p>A click: {@code impressionId} and {@code docId} (strings), {@code position} (1-based int),
 * optional {@code contextKey} (required when this instance did not serve the impression),
 * {@code timestamp} (epoch ms, default now), {@code dwellMillis}, {@code userId}.
 */
public final class ClickIntake {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS = Set.of("impressionId", "docId", "position", "contextKey", "timestamp",
      "dwellMillis", "userId", "type");

  private final EventLog events;
  private final RecentImpressions recent;
  private final ClickStats stats;
  private final Experiments experiments;
  private final int maxBatch;

  /** What was accepted. */
  public record Accepted(int accepted) {}

  /** The queue is full: the caller answers 503 and the client retries. */
  public static final class QueueFullException extends RuntimeException {
    public QueueFullException(String message) {
      super(message);
    }
  }

  public ClickIntake(EventLog events, RecentImpressions recent, ClickStats stats, Experiments experiments, int maxBatch) {
    this.events = events;
    this.recent = recent;
    this.stats = stats;
    this.experiments = experiments;
    this.maxBatch = maxBatch;
  }

  public Accepted accept(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("body", "the body must be a click object or an array of click objects (JSON)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("body", "the body is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    }
    List<JsonNode> nodes = new ArrayList<>();
    if (root != null && root.isArray()) {
      if (root.size() == 0) {
        throw new BadRequestException("body", "the array holds no clicks");
      }
      if (root.size() > maxBatch) {
        throw new BadRequestException("body", "at most " + maxBatch + " clicks per request, got " + root.size());
      }
      root.forEach(nodes::add);
    } else if (root != null && root.isObject()) {
      nodes.add(root);
    } else {
      throw new BadRequestException("body", "the body must be a click object or an array of click objects");
    }
    List<ClickEvent> clicks = new ArrayList<>();
    List<String> users = new ArrayList<>();
    List<String> exps = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < nodes.size(); i++) {
      String at = nodes.size() == 1 && !root.isArray() ? "" : "[" + i + "].";
      JsonNode n = nodes.get(i);
      if (!n.isObject()) {
        throw new BadRequestException("body", at + ": each click must be a JSON object");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw new BadRequestException(at + f, "unknown field '" + at + f + "'; a click has " + FIELDS);
        }
      }
      if (n.has("type") && !"click".equals(n.get("type").asText(null))) {
        throw new BadRequestException(at + "type", "'" + at + "type' must be \"click\" (the only event taken here)");
      }
      String impressionId = text(n, at, "impressionId", true);
      String docId = text(n, at, "docId", true);
      int position = (int) integer(n, at, "position", 1, EventJson.MAX_ITEMS, -1);
      long timestamp = integer(n, at, "timestamp", 0, Long.MAX_VALUE, now);
      long dwell = integer(n, at, "dwellMillis", -1, Long.MAX_VALUE, -1);
      String user = text(n, at, "userId", false);
      String key = text(n, at, "contextKey", false);
      ImpressionEvent imp = recent.get(impressionId).orElse(null);
      if (imp != null) {
        ImpressionItem item = imp.itemAt(position);
        if (item == null || !item.docId().equals(docId)) {
          throw new BadRequestException(at + "position", "impression " + impressionId + " showed "
              + (item == null ? "nothing" : "'" + item.docId() + "'") + " at position " + position + ", not '" + docId + "'");
        }
        if (key != null && !key.equals(imp.contextKey())) {
          throw new BadRequestException(at + "contextKey", "impression " + impressionId + " has context key '"
              + imp.contextKey() + "', not '" + key + "'");
        }
        key = imp.contextKey();
        user = user != null ? user : imp.userId();
        exps.add(imp.experiment() == null ? null : imp.experiment().id());
      } else {
        if (key == null) {
          throw new BadRequestException(at + "contextKey", "impression " + impressionId
              + " is unknown here (served by another instance or long ago): send its 'contextKey' too");
        }
        exps.add(null);
      }
      clicks.add(new ClickEvent(EventJson.SCHEMA_VERSION, impressionId, key, docId, position, timestamp, dwell));
      users.add(user);
    }
    if (!events.hasRoom(clicks.size())) {
      throw new QueueFullException("the event queue is full (Kafka unreachable or slow); retry later");
    }
    for (int i = 0; i < clicks.size(); i++) {
      ClickEvent c = clicks.get(i);
      if (!events.click(c)) {
        throw new QueueFullException("the event queue filled up after " + i + " of " + clicks.size()
            + " clicks; the first " + i + " were accepted, retry the rest");
      }
      stats.click(c.docId(), users.get(i));
      if (exps.get(i) != null) {
        experiments.click(exps.get(i), c.impressionId(), c.position());
      }
    }
    return new Accepted(clicks.size());
  }

  private static String text(JsonNode n, String at, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequestException(at + field, "'" + at + field + "' is required (a string)");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > EventJson.MAX_ID_LENGTH) {
      throw new BadRequestException(at + field, "'" + at + field + "' must be a string of 1-" + EventJson.MAX_ID_LENGTH + " characters");
    }
    return v.asText();
  }

  private static long integer(JsonNode n, String at, String field, long min, long max, long dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (dflt == -1 && min == 1) {
        throw new BadRequestException(at + field, "'" + at + field + "' is required (an integer from " + min + ")");
      }
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
      throw new BadRequestException(at + field, "'" + at + field + "' must be an integer in [" + min + ", " + max + "]");
    }
    return v.asLong();
  }
}
