package io.rankstack.server.pipeline;

import io.rankstack.core.RankedList;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.server.search.Collection;
import java.util.Objects;

/**
 * Cuts the retrieved list to the rerank depth and attaches each candidate's feature vector
 * ({@link FeatureExtractor}, the same code the LTR training used), scores unchanged.
 */
public final class FeatureStage implements Stage {
  private final Collection collection;
  private final int depth;

  public FeatureStage(Collection collection, int depth) {
    this.collection = Objects.requireNonNull(collection);
    this.depth = depth;
  }

  @Override
  public String name() {
    return "features";
  }

  @Override
  public String version(RequestContext context) {
    return "features-v" + FeatureExtractor.VERSION;
  }

  @Override
  public RankedList apply(RequestContext context, RankedList input) {
    FeatureExtractor fx = collection.features(context.searcher());
    return fx.withFeatures(context.query(), input.top(depth));
  }
}
