package io.rankstack.server.search;

import io.rankstack.server.pipeline.Pipeline;
import java.util.Map;
import java.util.Objects;

/**
 * The named rankers: {@code bm25} (retrieval alone), {@code ltr} (features + LambdaMART), {@code full}
 * (+ the bandit slate) for search, and {@code recommend} for recommendations. A stage switched off
 * in the settings is simply absent from its pipelines.
 */
public record Pipelines(Map<String, Pipeline> byName) {
  public Pipelines {
    byName = Map.copyOf(byName);
  }

  public Pipeline get(String name) {
    return Objects.requireNonNull(byName.get(name), () -> "no pipeline " + name);
  }
}
