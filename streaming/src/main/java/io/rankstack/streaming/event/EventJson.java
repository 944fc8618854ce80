package io.rankstack.streaming.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON wire format of {@link ImpressionEvent} and {@link ClickEvent}, with validation on read.
 *
 * <p>Every event carries {@code "v": 1}. Reading checks, in this order: the bytes are a JSON object
 * ({@link DeadLetterReason#MALFORMED_JSON}); {@code v} is a known version
 * ({@link DeadLetterReason#UNKNOWN_VERSION}); then every field ({@link DeadLetterReason#INVALID}):
 * required fields present with the right JSON type, ids non-empty and at most
 * {@link #MAX_ID_LENGTH} characters, timestamps ≥ 0, positions ≥ 1 and unique within an impression,
 * scores and features finite, ids free of NUL, propensities in (0, 1], a known surface, at most {@link #MAX_ITEMS}
 * items, and (when a record key is given) the key equal to {@code contextKey}. Unknown fields are
 * ignored, so a producer may add optional fields without a version bump. A repeated field name and
 * anything but whitespace after the object are malformed JSON; an integer too large for a long is
 * never read modulo 2^64 (it fails its field's check).
 *
 * <p>Reading first tries {@link FastEventReader}, which parses the bytes with Jackson's streaming
 * parser straight into the event, because building the {@code JsonNode} tree was about 15% of the
 * learn loop's stream-thread CPU. The fast path never reports an error: on anything irregular
 * (malformed JSON, a wrong type, a missing, null or repeated field, a failed check) it gives up, and
 * the tree-based reader below runs unchanged and throws the precise {@link EventFormatException}.
 * The fast path only accepts what the tree reader accepts and returns an equal event, so results
 * and errors are the same as with the tree reader alone ({@code FastEventReaderTest} checks both).
 *
 * <p>Stateless and thread-safe.
 */
public final class EventJson {
  /** The schema version this code writes and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;
  /** Longest accepted id (impression, context, document, user, session). */
  public static final int MAX_ID_LENGTH = 512;
  /** Most items accepted in one impression. */
  public static final int MAX_ITEMS = 1000;

  /**
   * Jackson's fast double parser and writer: exact (same values as {@link Double#parseDouble}, and
   * shortest round-tripping text), and parsing the features' doubles with the default one was about
   * a third of the JSON cost on the stream thread (profiled, docs/benchmarks.md "Streaming").
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      // An event is one JSON object: a repeated field is ambiguous (which value did the producer
      // mean?) and content after the object is damage, so both are malformed, not silently resolved.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  /**
   * The mapper's factory (same features), shared with {@link FastEventReader}: with duplicate
   * detection in the parser itself, a repeated name anywhere (an unknown field's nested object
   * too) makes the fast path give up, and the tree reader reports it.
   */
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private EventJson() {}

  // ---------------------------------------------------------------- read

  /**
   * Reads and validates an impression.
   *
   * @param bytes the record value
   * @param key   the record key, checked against {@code contextKey}; null to skip the check
   * @throws EventFormatException with the dead-letter reason when the event is not valid
   */
  public static ImpressionEvent readImpression(byte[] bytes, String key) {
    ImpressionEvent fast = FastEventReader.readImpression(FACTORY, bytes, key);
    return fast != null ? fast : readImpressionTree(bytes, key);
  }

  /** {@link #readImpression} through the JsonNode tree only: the reference that explains every error. */
  static ImpressionEvent readImpressionTree(byte[] bytes, String key) {
    JsonNode n = parseObject(bytes);
    int v = version(n);
    String impressionId = id(n, "impressionId", true);
    long ts = timestamp(n, "timestamp");
    String surfaceText = string(n, "surface", true);
    Surface surface = Surface.fromWire(surfaceText);
    if (surface == null) {
      throw invalid("surface", "unknown surface '" + surfaceText + "' (expected search or recommend)");
    }
    String contextKey = id(n, "contextKey", true);
    checkKey(key, contextKey);
    String query = string(n, "query", false);
    String userId = id(n, "userId", false);
    String sessionId = id(n, "sessionId", false);
    String domain = string(n, "domain", false);
    JsonNode itemsNode = n.get("items");
    if (itemsNode == null || itemsNode.isNull()) {
      throw invalid("items", "required");
    }
    if (!itemsNode.isArray()) {
      throw invalid("items", "must be an array");
    }
    if (itemsNode.isEmpty()) {
      throw invalid("items", "must not be empty");
    }
    if (itemsNode.size() > MAX_ITEMS) {
      throw invalid("items", "more than " + MAX_ITEMS + " items");
    }
    List<ImpressionItem> items = new ArrayList<>(itemsNode.size());
    Set<Integer> positions = new HashSet<>();
    for (int i = 0; i < itemsNode.size(); i++) {
      JsonNode it = itemsNode.get(i);
      String f = "items[" + i + "]";
      if (!it.isObject()) {
        throw invalid(f, "must be an object");
      }
      String docId = id(it, "docId", true, f + ".docId");
      int position = position(it, f + ".position");
      if (!positions.add(position)) {
        throw invalid(f + ".position", "duplicate position " + position);
      }
      double score = number(it, "score", f + ".score", 0.0);
      double[] features = features(it, f + ".features");
      double propensity = number(it, "propensity", f + ".propensity", Double.NaN);
      if (!Double.isNaN(propensity) && !(propensity > 0 && propensity <= 1)) {
        throw invalid(f + ".propensity", "must be in (0, 1]: " + propensity);
      }
      items.add(new ImpressionItem(docId, position, score, features, propensity));
    }
    Map<String, String> modelVersions = stringMap(n, "modelVersions");
    ImpressionEvent.Experiment experiment = null;
    JsonNode ex = n.get("experiment");
    if (ex != null && !ex.isNull()) {
      if (!ex.isObject()) {
        throw invalid("experiment", "must be an object");
      }
      String id = id(ex, "id", true, "experiment.id");
      JsonNode teams = ex.get("teams");
      if (teams == null || !teams.isArray()) {
        throw invalid("experiment.teams", "required array");
      }
      if (teams.size() != items.size()) {
        throw invalid("experiment.teams", "has " + teams.size() + " entries for " + items.size() + " items");
      }
      List<String> t = new ArrayList<>();
      for (JsonNode x : teams) {
        if (!x.isTextual()) {
          throw invalid("experiment.teams", "must hold strings");
        }
        t.add(x.asText());
      }
      experiment = new ImpressionEvent.Experiment(id, t);
    }
    return new ImpressionEvent(v, impressionId, ts, surface, contextKey, query, userId, sessionId, domain, items,
        modelVersions, experiment);
  }

  /**
   * Reads and validates a click.
   *
   * @param bytes the record value
   * @param key   the record key, checked against {@code contextKey}; null to skip the check
   * @throws EventFormatException with the dead-letter reason when the event is not valid
   */
  public static ClickEvent readClick(byte[] bytes, String key) {
    ClickEvent fast = FastEventReader.readClick(FACTORY, bytes, key);
    return fast != null ? fast : readClickTree(bytes, key);
  }

  /** {@link #readClick} through the JsonNode tree only: the reference that explains every error. */
  static ClickEvent readClickTree(byte[] bytes, String key) {
    JsonNode n = parseObject(bytes);
    int v = version(n);
    String impressionId = id(n, "impressionId", true);
    String contextKey = id(n, "contextKey", true);
    checkKey(key, contextKey);
    String docId = id(n, "docId", true);
    int position = position(n, "position");
    long ts = timestamp(n, "timestamp");
    long dwell = -1;
    JsonNode d = n.get("dwellMillis");
    if (d != null && !d.isNull()) {
      if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
        throw invalid("dwellMillis", "must be an integer >= 0");
      }
      dwell = d.asLong();
    }
    return new ClickEvent(v, impressionId, contextKey, docId, position, ts, dwell);
  }

  private static JsonNode parseObject(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new EventFormatException(DeadLetterReason.MALFORMED_JSON, null, "empty value");
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new EventFormatException(DeadLetterReason.MALFORMED_JSON, null, oneLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) {
      throw new EventFormatException(DeadLetterReason.MALFORMED_JSON, null, "not a JSON object");
    }
    return n;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unparseable JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static int version(JsonNode n) {
    JsonNode v = n.get("v");
    if (v == null || v.isNull()) {
      throw invalid("v", "required (schema version)");
    }
    if (!v.isIntegralNumber()) {
      throw invalid("v", "must be an integer");
    }
    if (!v.canConvertToLong() || v.asLong() != SCHEMA_VERSION) { // a big integer's asLong() wraps
      throw new EventFormatException(DeadLetterReason.UNKNOWN_VERSION, "v",
          "unknown schema version " + v.asText() + " (this reader knows " + SCHEMA_VERSION + ")");
    }
    return SCHEMA_VERSION;
  }

  private static void checkKey(String key, String contextKey) {
    if (key != null && !key.equals(contextKey)) {
      throw invalid("contextKey", "does not match the record key '" + key + "'");
    }
  }

  private static EventFormatException invalid(String field, String detail) {
    return new EventFormatException(DeadLetterReason.INVALID, field, detail);
  }

  private static String string(JsonNode n, String name, boolean required) {
    JsonNode x = n.get(name);
    if (x == null || x.isNull()) {
      if (required) {
        throw invalid(name, "required");
      }
      return null;
    }
    if (!x.isTextual()) {
      throw invalid(name, "must be a string");
    }
    return x.asText();
  }

  private static String id(JsonNode n, String name, boolean required) {
    return id(n, name, required, name);
  }

  private static String id(JsonNode n, String name, boolean required, String field) {
    JsonNode x = n.get(name);
    if (x == null || x.isNull()) {
      if (required) {
        throw invalid(field, "required");
      }
      return null;
    }
    if (!x.isTextual()) {
      throw invalid(field, "must be a string");
    }
    String s = x.asText();
    if (s.isEmpty()) {
      throw invalid(field, "must not be empty");
    }
    if (s.length() > MAX_ID_LENGTH) {
      throw invalid(field, "longer than " + MAX_ID_LENGTH + " characters");
    }
    if (s.indexOf('\u0000') >= 0) {
      throw invalid(field, "must not contain NUL");
    }
    return s;
  }

  private static long timestamp(JsonNode n, String name) {
    JsonNode x = n.get(name);
    if (x == null || x.isNull()) {
      throw invalid(name, "required");
    }
    if (!x.isIntegralNumber() || !x.canConvertToLong()) {
      throw invalid(name, "must be an integer (epoch milliseconds)");
    }
    long t = x.asLong();
    if (t < 0) {
      throw invalid(name, "must be >= 0: " + t);
    }
    return t;
  }

  private static int position(JsonNode n, String field) {
    JsonNode x = n.get("position");
    if (x == null || x.isNull()) {
      throw invalid(field, "required");
    }
    if (!x.isIntegralNumber() || !x.canConvertToInt()) {
      throw invalid(field, "must be an integer");
    }
    int p = x.asInt();
    if (p < 1) {
      throw invalid(field, "must be >= 1: " + p);
    }
    return p;
  }

  private static double number(JsonNode n, String name, String field, double absent) {
    JsonNode x = n.get(name);
    if (x == null || x.isNull()) {
      return absent;
    }
    if (!x.isNumber()) {
      throw invalid(field, "must be a number");
    }
    double d = x.asDouble();
    if (!Double.isFinite(d)) {
      throw invalid(field, "must be finite");
    }
    return d;
  }

  private static double[] features(JsonNode n, String field) {
    JsonNode x = n.get("features");
    if (x == null || x.isNull()) {
      return new double[0];
    }
    if (!x.isArray()) {
      throw invalid(field, "must be an array of numbers");
    }
    double[] f = new double[x.size()];
    for (int i = 0; i < f.length; i++) {
      JsonNode e = x.get(i);
      if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
        throw invalid(field + "[" + i + "]", "must be a finite number");
      }
      f[i] = e.asDouble();
    }
    return f;
  }

  private static Map<String, String> stringMap(JsonNode n, String name) {
    JsonNode x = n.get(name);
    if (x == null || x.isNull()) {
      return Map.of();
    }
    if (!x.isObject()) {
      throw invalid(name, "must be an object of strings");
    }
    Map<String, String> m = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = x.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw invalid(name + "." + e.getKey(), "must be a string");
      }
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  // ---------------------------------------------------------------- write

  /** The JSON bytes of an impression. */
  public static byte[] write(ImpressionEvent e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", e.v());
      g.writeStringField("impressionId", e.impressionId());
      g.writeNumberField("timestamp", e.timestamp());
      g.writeStringField("surface", e.surface().wire());
      g.writeStringField("contextKey", e.contextKey());
      optional(g, "query", e.query());
      optional(g, "userId", e.userId());
      optional(g, "sessionId", e.sessionId());
      optional(g, "domain", e.domain());
      g.writeArrayFieldStart("items");
      for (ImpressionItem it : e.items()) {
        g.writeStartObject();
        g.writeStringField("docId", it.docId());
        g.writeNumberField("position", it.position());
        g.writeNumberField("score", it.score());
        if (it.featureCount() > 0) {
          g.writeArrayFieldStart("features");
          for (int i = 0; i < it.featureCount(); i++) {
            g.writeNumber(it.feature(i));
          }
          g.writeEndArray();
        }
        if (!Double.isNaN(it.propensity())) {
          g.writeNumberField("propensity", it.propensity());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (!e.modelVersions().isEmpty()) {
        g.writeObjectFieldStart("modelVersions");
        for (Map.Entry<String, String> m : e.modelVersions().entrySet()) {
          g.writeStringField(m.getKey(), m.getValue());
        }
        g.writeEndObject();
      }
      if (e.experiment() != null) {
        g.writeObjectFieldStart("experiment");
        g.writeStringField("id", e.experiment().id());
        g.writeArrayFieldStart("teams");
        for (String t : e.experiment().teams()) {
          g.writeString(t);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  /** The JSON bytes of a click. */
  public static byte[] write(ClickEvent c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", c.v());
      g.writeStringField("impressionId", c.impressionId());
      g.writeStringField("contextKey", c.contextKey());
      g.writeStringField("docId", c.docId());
      g.writeNumberField("position", c.position());
      g.writeNumberField("timestamp", c.timestamp());
      if (c.dwellMillis() >= 0) {
        g.writeNumberField("dwellMillis", c.dwellMillis());
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }
}
