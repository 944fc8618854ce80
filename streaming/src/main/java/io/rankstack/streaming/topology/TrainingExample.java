package io.rankstack.streaming.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rankstack.streaming.event.ImpressionItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled example for the online CTR learner (topic {@code rankstack.training-examples}, key
 * the context): one per examined item of a joined impression, label 1 when clicked, 0 when
 * examined and skipped. Immutable.
 */
public record TrainingExample(String impressionId, String contextKey, String docId, int position, int label,
    double[] features, double propensity, long timestamp) {
  /**
   * Jackson's fast double parser and writer: exact (same values as {@link Double#parseDouble}, and
   * shortest round-tripping text), and parsing the features' doubles with the default one was about
   * a third of the JSON cost on the stream thread (profiled, docs/benchmarks.md "Streaming").
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  public TrainingExample {
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }

  static TrainingExample of(JoinedImpression j, ImpressionItem it) {
    return new TrainingExample(j.impression().impressionId(), j.contextKey(), it.docId(), it.position(),
        j.clicked(it.position()) ? 1 : 0, it.features(), it.propensity(), j.impression().timestamp());
  }

  /** JSON: {@code {"v":1,"impressionId",…,"label":0|1,"features":[…],"propensity"?}}. */
  public byte[] toJson() {
    return new TrainingExampleWriter(FACTORY).write(this);
  }

  /** The factory the learn processor's {@link TrainingExampleWriter} uses (fast double writer on). */
  static JsonFactory jsonFactory() {
    return FACTORY;
  }

  /** Reads {@link #toJson()}. */
  public static TrainingExample fromJson(byte[] b) {
    try {
      JsonNode n = MAPPER.readTree(b);
      JsonNode fs = n.get("features");
      double[] f = new double[fs.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = fs.get(i).asDouble();
      }
      return new TrainingExample(n.get("impressionId").asText(), n.get("contextKey").asText(),
          n.get("docId").asText(), n.get("position").asInt(), n.get("label").asInt(), f,
          n.has("propensity") ? n.get("propensity").asDouble() : Double.NaN, n.get("timestamp").asLong());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingExample t && impressionId.equals(t.impressionId) && contextKey.equals(t.contextKey)
        && docId.equals(t.docId) && position == t.position && label == t.label && Arrays.equals(features, t.features)
        && Double.compare(propensity, t.propensity) == 0 && timestamp == t.timestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(impressionId, docId, position, label);
  }
}
