package io.rankstack.index.features;

import java.util.Objects;

/**
 * One feature of the vector: its name (stable: logged with impressions and recorded in models) and a
 * one-line definition.
 *
 * @param name       {@code scope.feature}, e.g. {@code title.bm25} or {@code query.idf_sum}
 * @param definition the formula in words and symbols
 */
public record FeatureSpec(String name, String definition) {
  public FeatureSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
  }
}
