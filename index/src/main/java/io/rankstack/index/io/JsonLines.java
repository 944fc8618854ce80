package io.rankstack.index.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line of JSON Lines into its flat string and number members with Jackson's streaming
 * parser (no object mapper). Nested objects and arrays, booleans and nulls are skipped: documents
 * here are flat. Duplicate member names are an error.
 */
final class JsonLines {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private JsonLines() {}

  /** The members of one JSON object line. */
  record Members(Map<String, String> strings, Map<String, Double> numbers) {}

  static Members parse(String line, String source, long lineNumber) {
    Map<String, String> strings = new LinkedHashMap<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    String field = null;
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputFormatException(source, lineNumber, null, "expected a JSON object per line");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        field = p.currentName();
        JsonToken v = p.nextToken();
        switch (v) {
          case VALUE_STRING -> strings.put(field, p.getText());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) {
              throw new InputFormatException(source, lineNumber, field, "number out of range: " + p.getText());
            }
            numbers.put(field, d);
          }
          case START_OBJECT, START_ARRAY -> p.skipChildren();
          default -> { } // true, false, null: not a text field nor a number
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new InputFormatException(source, lineNumber, field, "malformed JSON object");
      }
      field = null;
      if (p.nextToken() != null) {
        throw new InputFormatException(source, lineNumber, null, "unexpected content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new InputFormatException(source, lineNumber, field, "bad JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InputFormatException.io(source, e);
    }
    return new Members(strings, numbers);
  }
}
