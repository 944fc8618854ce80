package io.rankstack.streaming.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.rankstack.streaming.event.ImpressionItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntToDoubleFunction;

/**
 * Writes the JSON of {@link TrainingExample}s with one reused generator and buffer. The learn
 * processor writes one example per examined item; creating a Jackson generator for each (its
 * buffer recycler, context and output stream) was about half of the examples' cost on the stream
 * thread (profiled, docs/benchmarks.md "Streaming"). Not thread-safe: one per processor.
 */
final class TrainingExampleWriter {
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);
  private final JsonGenerator g;

  TrainingExampleWriter(JsonFactory factory) {
    try {
      g = factory.createGenerator(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    g.setRootValueSeparator(null); // each root object is cut out on its own
  }

  /** The example of item {@code it} of joined impression {@code j}, without building it first. */
  byte[] write(JoinedImpression j, ImpressionItem it) {
    return write(j.impression().impressionId(), j.contextKey(), it.docId(), it.position(),
        j.clicked(it.position()) ? 1 : 0, it.featureCount(), it::feature, it.propensity(), j.impression().timestamp());
  }

  /** {@code e} as JSON; the same bytes as {@link #write(JoinedImpression, ImpressionItem)} gives. */
  byte[] write(TrainingExample e) {
    double[] f = e.features();
    return write(e.impressionId(), e.contextKey(), e.docId(), e.position(), e.label(), f.length, i -> f[i],
        e.propensity(), e.timestamp());
  }

  private byte[] write(String impressionId, String contextKey, String docId, int position, int label,
      int featureCount, IntToDoubleFunction feature, double propensity, long timestamp) {
    try {
      g.writeStartObject();
      g.writeNumberField("v", 1);
      g.writeStringField("impressionId", impressionId);
      g.writeStringField("contextKey", contextKey);
      g.writeStringField("docId", docId);
      g.writeNumberField("position", position);
      g.writeNumberField("label", label);
      g.writeArrayFieldStart("features");
      for (int i = 0; i < featureCount; i++) {
        g.writeNumber(feature.applyAsDouble(i));
      }
      g.writeEndArray();
      if (!Double.isNaN(propensity)) {
        g.writeNumberField("propensity", propensity);
      }
      g.writeNumberField("timestamp", timestamp);
      g.writeEndObject();
      return cut();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] cut() throws IOException {
    g.flush();
    byte[] b = buffer.toByteArray();
    buffer.reset();
    return b;
  }
}
