package io.rankstack.core;

import java.util.Map;
import java.util.Objects;

/**
 * A document as it enters the index: an identifier, named text fields, and named numeric attributes
 * that filters and features can read.
 *
 * <p>Maps are copied on construction and iterate in insertion order of the caller's map where that
 * map is ordered, so a document is a plain immutable value.
 *
 * @param id      external identifier, unique within a collection; never blank
 * @param fields  text fields by name (for example {@code title}, {@code text}); values never null
 * @param numbers numeric attributes by name (for example {@code year}); values finite
 */
public record Document(String id, Map<String, String> fields, Map<String, Double> numbers) {
  public Document {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("document id must not be blank");
    }
    fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    numbers = Map.copyOf(Objects.requireNonNull(numbers, "numbers"));
    for (Map.Entry<String, Double> e : numbers.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "numeric attribute '" + e.getKey() + "' of document " + id + " is not finite: " + e.getValue());
      }
    }
  }

  /** A document with text fields only. */
  public Document(String id, Map<String, String> fields) {
    this(id, fields, Map.of());
  }

  /** The named text field, or the empty string when the document has no such field. */
  public String field(String name) {
    return fields.getOrDefault(name, "");
  }
}
