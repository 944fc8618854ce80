package io.rankstack.server.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The JSON shape every snapshot shares: one object whose {@code "version"} field comes first, then
 * named sections. Reading is strict: duplicate keys, unknown or missing fields, nulls where a value
 * belongs, fractions where a count belongs and anything after the object are errors.
 */
public final class SnapshotJson {
  /** Strict: the settings above. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  /** Reads one section's value; the parser stands on its first token. */
  @FunctionalInterface
  public interface Section {
    void read(JsonParser p) throws IOException;
  }

  /** Writes the sections after the version field. */
  @FunctionalInterface
  public interface Sections {
    void write(JsonGenerator g) throws IOException;
  }

  private SnapshotJson() {}

  /** Writes {@code {"version": version, ...sections}}. */
  public static void write(OutputStream out, int version, Sections sections) throws IOException {
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", version);
      sections.write(g);
      g.writeEndObject();
    }
  }

  /**
   * Reads a snapshot object: its version must equal {@code version}, and every field other than the
   * version must be one of {@code sections} (all of which must be present).
   */
  public static void read(InputStream in, int version, Map<String, Section> sections) throws IOException {
    try (JsonParser p = MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SnapshotFormatException("expected a JSON object");
      }
      Integer seenVersion = null;
      int seen = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("version".equals(field)) {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new SnapshotFormatException("\"version\" must be an integer, found " + value);
          }
          seenVersion = p.getIntValue();
          if (seenVersion != version) {
            throw new SnapshotFormatException("version " + seenVersion + ", but this server reads version " + version);
          }
        } else if (seenVersion == null) {
          throw new SnapshotFormatException("\"version\" must be the first field, found \"" + field + "\" first");
        } else if (sections.containsKey(field)) {
          sections.get(field).read(p);
          seen++;
        } else {
          throw new SnapshotFormatException("unknown field \"" + field + "\"; expected " + sections.keySet());
        }
      }
      if (seenVersion == null) {
        throw new SnapshotFormatException("no \"version\" field");
      }
      if (seen != sections.size()) {
        throw new SnapshotFormatException("missing one of the fields " + sections.keySet());
      }
      if (p.nextToken() != null) {
        throw new SnapshotFormatException("content after the snapshot object at " + p.currentLocation());
      }
    }
  }
}
