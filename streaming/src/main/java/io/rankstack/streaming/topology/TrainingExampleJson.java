package io.rankstack.streaming.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rankstack.streaming.event.ImpressionItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record format of {@code rankstack.training-examples} (key: the context): <b>one record per
 * joined impression</b>, holding the {@link TrainingExample}s of all its examined items in list
 * order:
 *
 * <pre>
 * {"v":2,"impressionId":…,"contextKey":…,"timestamp":…,
 *  "examples":[{"docId":…,"position":…,"label":0|1,"features":[…],"propensity":…?},…]}
 * </pre>
 *
 * Why one record per impression and not per example (version 1 did that): the impression's
 * examples are produced together in one transaction anyway, and each record costs a send on the
 * stream thread plus the broker's append; one record instead of about four per joined impression
 * cut the learn loop's CPU per event (docs/benchmarks.md, "Streaming"). The shared fields are
 * written once. Stateless and thread-safe.
 */
public final class TrainingExampleJson {
  /** The format version written in {@code "v"}. */
  public static final int VERSION = 2;

  /** Jackson's fast double parser and writer: exact, and cheaper than the default ones. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private TrainingExampleJson() {}

  /**
   * The record of one joined impression: an example for every examined item (cascade assumption:
   * down to the last click, or the whole list without a click, so there is always at least one).
   */
  static byte[] write(JoinedImpression j) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * j.impression().items().size());
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("impressionId", j.impression().impressionId());
      g.writeStringField("contextKey", j.contextKey());
      g.writeNumberField("timestamp", j.impression().timestamp());
      g.writeArrayFieldStart("examples");
      for (ImpressionItem it : j.impression().items()) {
        if (!j.examined(it.position())) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("docId", it.docId());
        g.writeNumberField("position", it.position());
        g.writeNumberField("label", j.clicked(it.position()) ? 1 : 0);
        g.writeArrayFieldStart("features");
        for (int i = 0; i < it.featureCount(); i++) {
          g.writeNumber(it.feature(i));
        }
        g.writeEndArray();
        if (!Double.isNaN(it.propensity())) {
          g.writeNumberField("propensity", it.propensity());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads one record of the topic into its examples (each carrying the impression's id, context
   * and timestamp; propensity NaN when absent).
   *
   * @throws IllegalArgumentException when the bytes are not a version-{@value #VERSION} record
   */
  public static List<TrainingExample> read(byte[] bytes) {
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("training-example record is not JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject() || n.path("v").asInt(-1) != VERSION) {
      throw new IllegalArgumentException("not a version-" + VERSION + " training-example record");
    }
    String impressionId = required(n, "impressionId").asText();
    String contextKey = required(n, "contextKey").asText();
    long timestamp = required(n, "timestamp").asLong();
    List<TrainingExample> out = new ArrayList<>();
    for (JsonNode e : required(n, "examples")) {
      JsonNode fs = required(e, "features");
      double[] f = new double[fs.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = fs.get(i).asDouble();
      }
      out.add(new TrainingExample(impressionId, contextKey, required(e, "docId").asText(),
          required(e, "position").asInt(), required(e, "label").asInt(), f,
          e.has("propensity") ? e.get("propensity").asDouble() : Double.NaN, timestamp));
    }
    return out;
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("training-example record lacks '" + field + "'");
    }
    return v;
  }
}
