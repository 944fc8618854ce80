package io.rankstack.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The text fields a search scores, each with a positive weight, in a fixed order. Written as
 * {@code "title^2 text"} (a missing weight is 1).
 *
 * @param weights weight by field name; copied, iteration order kept
 */
public record FieldWeights(Map<String, Float> weights) {
  /** Only the flat {@value IndexFields#CONTENTS} field, weight 1. */
  public static final FieldWeights CONTENTS = of(IndexFields.CONTENTS);

  public FieldWeights {
    Objects.requireNonNull(weights, "weights");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("at least one field to search is needed");
    }
    Map<String, Float> copy = new LinkedHashMap<>();
    weights.forEach((f, w) -> {
      Objects.requireNonNull(f, "field");
      Objects.requireNonNull(w, "weight of " + f);
      if (f.isBlank()) {
        throw new IllegalArgumentException("field name is blank");
      }
      if (!Float.isFinite(w) || w <= 0) {
        throw new IllegalArgumentException("illegal weight " + w + " for field '" + f + "', must be positive and finite");
      }
      copy.put(f, w);
    });
    weights = Collections.unmodifiableMap(copy);
  }

  /** The given fields, each with weight 1. */
  public static FieldWeights of(String... fields) {
    Map<String, Float> m = new LinkedHashMap<>();
    for (String f : fields) {
      if (m.put(f, 1f) != null) {
        throw new IllegalArgumentException("field '" + f + "' named twice");
      }
    }
    return new FieldWeights(m);
  }

  /** Parses {@code "title^2 text^1"}: whitespace- or comma-separated {@code field[^weight]}. */
  public static FieldWeights parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    Map<String, Float> m = new LinkedHashMap<>();
    for (String part : spec.trim().split("[\\s,]+")) {
      if (part.isEmpty()) {
        continue;
      }
      int caret = part.indexOf('^');
      String field = caret < 0 ? part : part.substring(0, caret);
      float w = 1f;
      if (caret >= 0) {
        try {
          w = Float.parseFloat(part.substring(caret + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad weight in '" + part + "': expected field^number", e);
        }
      }
      if (m.put(field, w) != null) {
        throw new IllegalArgumentException("field '" + field + "' named twice in '" + spec + "'");
      }
    }
    return new FieldWeights(m);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    weights.forEach((f, w) -> sb.append(sb.length() == 0 ? "" : " ").append(f).append('^').append(w));
    return sb.toString();
  }
}
