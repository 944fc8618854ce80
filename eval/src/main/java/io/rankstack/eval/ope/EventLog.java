package io.rankstack.eval.ope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rankstack.core.io.InputFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads logged impressions and clicks in the project's event format (DESIGN.md "Events": the JSON of
 * {@code streaming}'s {@code ImpressionEvent} and {@code ClickEvent}, one event per line) into
 * {@link LoggedImpression}s. An impression's {@code contextKey} is the context; each item's
 * {@code docId}, {@code position} and {@code propensity} become a slot, whose reward is 1 when a
 * click names the same {@code impressionId} and {@code position}, else 0.
 *
 * <p>Only the fields the estimators need are read (eval does not depend on {@code streaming}); they
 * are checked as strictly as the stream's reader checks them. Every item needs a
 * {@code propensity} in (0, 1]: an item without one cannot be weighted, and leaving it out would
 * bias the estimate. A click whose impression is not in the impressions file, or whose position
 * was not shown, is an error rather than a dropped click. Errors name the file, the 1-based line
 * and the field (e.g. {@code items[2].propensity}).
 */
public final class EventLog {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventLog() {}

  /** Reads impressions and (optionally, may be null) clicks and joins them. */
  public static List<LoggedImpression> read(Path impressions, Path clicks) {
    Map<String, Parsed> byId = new LinkedHashMap<>();
    forEachObject(impressions, (n, line) -> {
      Parsed p = impression(n, impressions.toString(), line);
      if (byId.putIfAbsent(p.id, p) != null) {
        throw new InputFormatException(impressions.toString(), line, "impressionId", "duplicate impression '" + p.id + "'");
      }
    });
    if (clicks != null) {
      forEachObject(clicks, (n, line) -> {
        String src = clicks.toString();
        String id = text(n, "impressionId", src, line);
        int position = position(n.get("position"), src, line, "position");
        Parsed p = byId.get(id);
        if (p == null) {
          throw new InputFormatException(src, line, "impressionId", "no impression '" + id + "' in " + impressions);
        }
        if (!p.positions.contains(position)) {
          throw new InputFormatException(src, line, "position", "impression '" + id + "' showed nothing at position " + position);
        }
        p.clicked.add(position);
      });
    }
    List<LoggedImpression> log = new ArrayList<>(byId.size());
    for (Parsed p : byId.values()) {
      List<LoggedSlot> slots = new ArrayList<>();
      for (int i = 0; i < p.docs.size(); i++) {
        int k = p.slotPositions.get(i);
        slots.add(new LoggedSlot(p.docs.get(i), k, p.propensities.get(i), p.clicked.contains(k) ? 1 : 0));
      }
      log.add(new LoggedImpression(p.context, slots));
    }
    return log;
  }

  private static final class Parsed {
    String id;
    String context;
    final List<String> docs = new ArrayList<>();
    final List<Integer> slotPositions = new ArrayList<>();
    final List<Double> propensities = new ArrayList<>();
    final Set<Integer> positions = new HashSet<>();
    final Set<Integer> clicked = new HashSet<>();
  }

  private static Parsed impression(JsonNode n, String src, long line) {
    Parsed p = new Parsed();
    p.id = text(n, "impressionId", src, line);
    p.context = text(n, "contextKey", src, line);
    JsonNode items = n.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new InputFormatException(src, line, "items", "required non-empty array");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode it = items.get(i);
      String f = "items[" + i + "]";
      if (!it.isObject()) {
        throw new InputFormatException(src, line, f, "must be an object");
      }
      p.docs.add(text(it, "docId", src, line, f + ".docId"));
      int k = position(it.get("position"), src, line, f + ".position");
      if (!p.positions.add(k)) {
        throw new InputFormatException(src, line, f + ".position", "duplicate position " + k);
      }
      p.slotPositions.add(k);
      JsonNode prop = it.get("propensity");
      if (prop == null || prop.isNull()) {
        throw new InputFormatException(src, line, f + ".propensity", "required for off-policy evaluation");
      }
      if (!prop.isNumber() || !(prop.asDouble() > 0 && prop.asDouble() <= 1)) {
        throw new InputFormatException(src, line, f + ".propensity", "must be a number in (0, 1]: " + prop);
      }
      p.propensities.add(prop.asDouble());
    }
    return p;
  }

  private static String text(JsonNode n, String name, String src, long line) {
    return text(n, name, src, line, name);
  }

  private static String text(JsonNode n, String name, String src, long line, String field) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new InputFormatException(src, line, field, "required");
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new InputFormatException(src, line, field, "must be a non-empty string");
    }
    return v.asText();
  }

  private static int position(JsonNode v, String src, long line, String field) {
    if (v == null || v.isNull()) {
      throw new InputFormatException(src, line, field, "required");
    }
    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
      throw new InputFormatException(src, line, field, "must be an integer >= 1: " + v);
    }
    return v.asInt();
  }

  private interface LineHandler {
    void accept(JsonNode object, long line);
  }

  private static void forEachObject(Path file, LineHandler handler) {
    String src = file.toString();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          throw new InputFormatException(src, no, null, "not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
          throw new InputFormatException(src, no, null, "not a JSON object");
        }
        handler.accept(n, no);
      }
    } catch (IOException e) {
      throw InputFormatException.io(src, e);
    }
  }
}
