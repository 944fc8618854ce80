package io.rankstack.server.pipeline;

import io.rankstack.core.RankedList;
import io.rankstack.server.model.ModelRegistry;
import java.util.Objects;

/** Rescores and reorders the candidates with the active LambdaMART version (scores are the model's). */
public final class LambdaMartStage implements Stage {
  private final ModelRegistry registry;

  public LambdaMartStage(ModelRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public String name() {
    return "lambdamart";
  }

  @Override
  public String version(RequestContext context) {
    ModelRegistry.Active a = registry.active();
    return a == null ? "" : a.version();
  }

  @Override
  public RankedList apply(RequestContext context, RankedList input) {
    ModelRegistry.Active a = registry.active();
    if (a == null) {
      throw new IllegalStateException("no LambdaMART model is active (train one: POST /v1/admin/training)");
    }
    return a.model().rerank(input);
  }
}
