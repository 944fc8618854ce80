package io.rankstack.streaming.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming fast path of {@link EventJson}: reads an event token by token with Jackson's
 * {@link JsonParser} straight into {@link ImpressionEvent} / {@link ClickEvent}, without building a
 * {@code JsonNode} tree (the tree building was about 15% of the learn loop's stream-thread CPU).
 *
 * <p><b>It never reports an error.</b> It returns null as soon as anything is not plainly valid
 * (malformed JSON, a wrong token type, a missing or null required field, a known field name that
 * appears twice, an integer beyond {@code long}, a failed validation, anything after the root
 * object), and the caller then runs the tree-based reader, which produces the precise
 * {@link EventFormatException}. So this class must only ever accept what the tree reader accepts,
 * and return an equal event; it applies the same rules:
 * <ul>
 *   <li>JSON {@code null} in an optional field is the same as absent;</li>
 *   <li>integer fields ({@code v}, timestamps, positions, {@code dwellMillis}) must be JSON integer
 *       tokens (the tree rejects {@code 1.0}) that fit a {@code long};</li>
 *   <li>double fields take any number: an integer token becomes the {@code double} of its
 *       {@code int}/{@code long} value (so {@code -0} is {@code +0.0}, as in the tree's
 *       {@code IntNode.asDouble()}), a fraction/exponent token {@link JsonParser#getDoubleValue()};</li>
 *   <li>values of unknown fields are skipped, but their strings and numbers are still decoded the
 *       way the tree decodes them, so an invalid UTF-8 sequence inside an ignored field cannot slip
 *       through here while the tree reader rejects it.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class FastEventReader {
  /** Unwinds the reader to "fall back"; preallocated and stackless because it is control flow. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  // Bits of the known fields already seen in one object, to give up on a repeated name (the tree
  // would keep the last value; not worth mirroring).
  private static final int V = 1;
  private static final int IMPRESSION_ID = 1 << 1;
  private static final int TIMESTAMP = 1 << 2;
  private static final int SURFACE = 1 << 3;
  private static final int CONTEXT_KEY = 1 << 4;
  private static final int QUERY = 1 << 5;
  private static final int USER_ID = 1 << 6;
  private static final int SESSION_ID = 1 << 7;
  private static final int DOMAIN = 1 << 8;
  private static final int ITEMS = 1 << 9;
  private static final int MODEL_VERSIONS = 1 << 10;
  private static final int EXPERIMENT = 1 << 11;
  private static final int DOC_ID = 1 << 12;
  private static final int POSITION = 1 << 13;
  private static final int DWELL = 1 << 14;
  private static final int SCORE = 1 << 15;
  private static final int FEATURES = 1 << 16;
  private static final int PROPENSITY = 1 << 17;
  private static final int TEAMS = 1 << 18;
  private static final int EXPERIMENT_ID = 1 << 19;

  private static final double[] NO_FEATURES = new double[0];

  private FastEventReader() {}

  /**
   * The impression in {@code bytes}, or null when it is not plainly valid (then the tree reader
   * decides and explains).
   *
   * @param factory the parser factory configured like the tree reader's mapper
   */
  static ImpressionEvent readImpression(JsonFactory factory, byte[] bytes, String key) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try (JsonParser p = factory.createParser(bytes)) {
      return impression(p, key);
    } catch (IOException | RuntimeException e) {
      // GiveUp, or anything Jackson or a record constructor throws: the tree reader reports it.
      return null;
    }
  }

  /**
   * The click in {@code bytes}, or null when it is not plainly valid (then the tree reader decides
   * and explains).
   *
   * @param factory the parser factory configured like the tree reader's mapper
   */
  static ClickEvent readClick(JsonFactory factory, byte[] bytes, String key) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try (JsonParser p = factory.createParser(bytes)) {
      return click(p, key);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static ImpressionEvent impression(JsonParser p, String key) throws IOException {
    require(p.nextToken() == JsonToken.START_OBJECT);
    int seen = 0;
    String impressionId = null;
    long timestamp = 0;
    Surface surface = null;
    String contextKey = null;
    String query = null;
    String userId = null;
    String sessionId = null;
    String domain = null;
    List<ImpressionItem> items = null;
    Map<String, String> modelVersions = Map.of();
    ImpressionEvent.Experiment experiment = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "v" -> {
          seen = once(seen, V);
          require(integer(p, t) == EventJson.SCHEMA_VERSION);
        }
        case "impressionId" -> {
          seen = once(seen, IMPRESSION_ID);
          impressionId = id(p, t);
        }
        case "timestamp" -> {
          seen = once(seen, TIMESTAMP);
          timestamp = integer(p, t);
          require(timestamp >= 0);
        }
        case "surface" -> {
          seen = once(seen, SURFACE);
          surface = Surface.fromWire(text(p, t));
          require(surface != null);
        }
        case "contextKey" -> {
          seen = once(seen, CONTEXT_KEY);
          contextKey = id(p, t);
        }
        case "query" -> {
          seen = once(seen, QUERY);
          query = t == JsonToken.VALUE_NULL ? null : text(p, t);
        }
        case "userId" -> {
          seen = once(seen, USER_ID);
          userId = t == JsonToken.VALUE_NULL ? null : id(p, t);
        }
        case "sessionId" -> {
          seen = once(seen, SESSION_ID);
          sessionId = t == JsonToken.VALUE_NULL ? null : id(p, t);
        }
        case "domain" -> {
          seen = once(seen, DOMAIN);
          domain = t == JsonToken.VALUE_NULL ? null : text(p, t);
        }
        case "items" -> {
          seen = once(seen, ITEMS);
          items = items(p, t);
        }
        case "modelVersions" -> {
          seen = once(seen, MODEL_VERSIONS);
          modelVersions = t == JsonToken.VALUE_NULL ? Map.of() : stringMap(p, t);
        }
        case "experiment" -> {
          seen = once(seen, EXPERIMENT);
          experiment = t == JsonToken.VALUE_NULL ? null : experiment(p, t);
        }
        default -> skip(p, t);
      }
    }
    endOfRoot(p);
    // v, impressionId, timestamp, surface, contextKey and items are required; a present one was
    // validated above, and a null one already gave up.
    int required = V | IMPRESSION_ID | TIMESTAMP | SURFACE | CONTEXT_KEY | ITEMS;
    require((seen & required) == required);
    require(key == null || key.equals(contextKey));
    require(experiment == null || experiment.teams().size() == items.size());
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, impressionId, timestamp, surface, contextKey, query, userId,
        sessionId, domain, items, modelVersions, experiment);
  }

  private static ClickEvent click(JsonParser p, String key) throws IOException {
    require(p.nextToken() == JsonToken.START_OBJECT);
    int seen = 0;
    String impressionId = null;
    String contextKey = null;
    String docId = null;
    int position = 0;
    long timestamp = 0;
    long dwell = -1;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "v" -> {
          seen = once(seen, V);
          require(integer(p, t) == EventJson.SCHEMA_VERSION);
        }
        case "impressionId" -> {
          seen = once(seen, IMPRESSION_ID);
          impressionId = id(p, t);
        }
        case "contextKey" -> {
          seen = once(seen, CONTEXT_KEY);
          contextKey = id(p, t);
        }
        case "docId" -> {
          seen = once(seen, DOC_ID);
          docId = id(p, t);
        }
        case "position" -> {
          seen = once(seen, POSITION);
          position = position(p, t);
        }
        case "timestamp" -> {
          seen = once(seen, TIMESTAMP);
          timestamp = integer(p, t);
          require(timestamp >= 0);
        }
        case "dwellMillis" -> {
          seen = once(seen, DWELL);
          if (t != JsonToken.VALUE_NULL) {
            dwell = integer(p, t);
            require(dwell >= 0);
          }
        }
        default -> skip(p, t);
      }
    }
    endOfRoot(p);
    int required = V | IMPRESSION_ID | CONTEXT_KEY | DOC_ID | POSITION | TIMESTAMP;
    require((seen & required) == required);
    require(key == null || key.equals(contextKey));
    return new ClickEvent(EventJson.SCHEMA_VERSION, impressionId, contextKey, docId, position, timestamp, dwell);
  }

  /**
   * After the root object only whitespace may follow. The tree reader does not look past the root
   * object at all, so anything else is left to it.
   */
  private static void endOfRoot(JsonParser p) throws IOException {
    require(p.currentToken() == JsonToken.END_OBJECT);
    require(p.nextToken() == null);
  }

  private static List<ImpressionItem> items(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.START_ARRAY);
    List<ImpressionItem> items = new ArrayList<>();
    JsonToken x;
    while ((x = p.nextToken()) != JsonToken.END_ARRAY) {
      require(x == JsonToken.START_OBJECT && items.size() < EventJson.MAX_ITEMS);
      items.add(item(p));
    }
    require(!items.isEmpty());
    int[] positions = new int[items.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = items.get(i).position();
    }
    Arrays.sort(positions);
    for (int i = 1; i < positions.length; i++) {
      require(positions[i] != positions[i - 1]);
    }
    return items;
  }

  /** One item object, the parser on its START_OBJECT. */
  private static ImpressionItem item(JsonParser p) throws IOException {
    int seen = 0;
    String docId = null;
    int position = 0;
    double score = 0.0;
    double[] features = NO_FEATURES;
    double propensity = Double.NaN;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "docId" -> {
          seen = once(seen, DOC_ID);
          docId = id(p, t);
        }
        case "position" -> {
          seen = once(seen, POSITION);
          position = position(p, t);
        }
        case "score" -> {
          seen = once(seen, SCORE);
          score = t == JsonToken.VALUE_NULL ? 0.0 : finite(p, t);
        }
        case "features" -> {
          seen = once(seen, FEATURES);
          features = t == JsonToken.VALUE_NULL ? NO_FEATURES : features(p, t);
        }
        case "propensity" -> {
          seen = once(seen, PROPENSITY);
          if (t == JsonToken.VALUE_NULL) {
            propensity = Double.NaN;
          } else {
            propensity = finite(p, t);
            require(propensity > 0 && propensity <= 1);
          }
        }
        default -> skip(p, t);
      }
    }
    require((seen & (DOC_ID | POSITION)) == (DOC_ID | POSITION));
    return new ImpressionItem(docId, position, score, features, propensity);
  }

  private static double[] features(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.START_ARRAY);
    double[] f = new double[16];
    int n = 0;
    JsonToken x;
    while ((x = p.nextToken()) != JsonToken.END_ARRAY) {
      if (n == f.length) {
        f = Arrays.copyOf(f, 2 * n);
      }
      f[n++] = finite(p, x);
    }
    return n == 0 ? NO_FEATURES : Arrays.copyOf(f, n);
  }

  private static Map<String, String> stringMap(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.START_OBJECT);
    Map<String, String> m = new HashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      require(m.put(name, text(p, p.nextToken())) == null);
    }
    return m;
  }

  private static ImpressionEvent.Experiment experiment(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.START_OBJECT);
    int seen = 0;
    String id = null;
    List<String> teams = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken x = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, EXPERIMENT_ID);
          id = id(p, x);
        }
        case "teams" -> {
          seen = once(seen, TEAMS);
          require(x == JsonToken.START_ARRAY);
          teams = new ArrayList<>();
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            teams.add(text(p, e));
          }
        }
        default -> skip(p, x);
      }
    }
    require(id != null && teams != null);
    return new ImpressionEvent.Experiment(id, teams);
  }

  // ---------------------------------------------------------------- values

  private static String text(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static String id(JsonParser p, JsonToken t) throws IOException {
    String s = text(p, t);
    require(!s.isEmpty() && s.length() <= EventJson.MAX_ID_LENGTH && s.indexOf('\u0000') < 0);
    return s;
  }

  /** An integer token that fits a long (the tree's IntNode/LongNode; a BigIntegerNode gives up). */
  private static long integer(JsonParser p, JsonToken t) throws IOException {
    require(t == JsonToken.VALUE_NUMBER_INT);
    JsonParser.NumberType nt = p.getNumberType();
    if (nt == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    require(nt == JsonParser.NumberType.LONG);
    return p.getLongValue();
  }

  private static int position(JsonParser p, JsonToken t) throws IOException {
    long v = integer(p, t);
    require(v >= 1 && v <= Integer.MAX_VALUE);
    return (int) v;
  }

  /** Any finite number, converted to double exactly as the tree's numeric nodes do. */
  private static double finite(JsonParser p, JsonToken t) throws IOException {
    double d = t == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : (double) integer(p, t);
    require(Double.isFinite(d));
    return d;
  }

  /**
   * Skips the value of an unknown field, the parser on its first token; decodes every string and
   * number in it as the tree would, so that whatever the tree rejects while decoding fails here too.
   */
  private static void skip(JsonParser p, JsonToken t) throws IOException {
    int depth = 0;
    JsonToken x = t;
    while (true) {
      require(x != null);
      if (x.isStructStart()) {
        depth++;
      } else if (x.isStructEnd()) {
        depth--;
      } else if (x == JsonToken.VALUE_STRING) {
        p.getText();
      } else if (x == JsonToken.VALUE_NUMBER_INT) {
        p.getNumberValue();
      } else if (x == JsonToken.VALUE_NUMBER_FLOAT) {
        p.getDoubleValue();
      }
      if (depth == 0) {
        return;
      }
      x = p.nextToken();
    }
  }

  private static int once(int seen, int bit) {
    require((seen & bit) == 0);
    return seen | bit;
  }

  private static void require(boolean ok) {
    if (!ok) {
      throw GIVE_UP;
    }
  }
}
