package io.rankstack.streaming.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.rankstack.streaming.event.ImpressionItem;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    try {
      g.writeStartObject();
      g.writeNumberField("v", 1);
      g.writeStringField("impressionId", j.impression().impressionId());
      g.writeStringField("contextKey", j.contextKey());
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
      g.writeNumberField("timestamp", j.impression().timestamp());
      g.writeEndObject();
      return cut();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code e} as JSON; the same bytes as {@link #write(JoinedImpression, ImpressionItem)} gives. */
  byte[] write(TrainingExample e) {
    try {
      g.writeStartObject();
      g.writeNumberField("v", 1);
      g.writeStringField("impressionId", e.impressionId());
      g.writeStringField("contextKey", e.contextKey());
      g.writeStringField("docId", e.docId());
      g.writeNumberField("position", e.position());
      g.writeNumberField("label", e.label());
      g.writeArrayFieldStart("features");
      for (double f : e.features()) {
        g.writeNumber(f);
      }
      g.writeEndArray();
      if (!Double.isNaN(e.propensity())) {
        g.writeNumberField("propensity", e.propensity());
      }
      g.writeNumberField("timestamp", e.timestamp());
      g.writeEndObject();
      return cut();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private byte[] cut() throws IOException {
    g.flush();
    byte[] b = buffer.toByteArray();
    buffer.reset();
    return b;
  }
}
