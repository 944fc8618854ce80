package io.rankstack.online.ctr;

import java.util.Arrays;

/**
 * Architecture and training settings of a {@link CtrModel}.
 *
 * <p>Input x (dimension {@link #inputDim()} = categoricalFields · embeddingDim + denseFeatures) is
 * the concatenation of one hashed embedding per categorical field and the dense features. Each tower
 * layer l has effective weights {@code W_shared ⊙ W_cluster[k]} and bias {@code b_shared + b_cluster[k]}
 * (STAR-style); with {@code clusterWeights = false} there are no cluster parameters and the model is
 * one plain shared MLP.
 *
 * @param categoricalFields number of categorical fields (>= 0)
 * @param denseFeatures     number of dense features (>= 0; fields + dense must be positive)
 * @param buckets           hash buckets of the embedding table shared by all fields
 * @param embeddingDim      embedding width per field
 * @param clusters          K: number of towers (router clusters or true domains), >= 1
 * @param beta              router momentum β in [0, 1): {@code c ← normalise(β c + (1 − β) ĉ)}; 0.9 by default
 * @param iterations        router refinement iterations per training batch (>= 0); 3 by default
 * @param hidden            hidden layer widths (ReLU); the output layer (1 unit, sigmoid) is added
 * @param learningRate      Adam's step size
 * @param seed              seeds the parameter initialisation and the router's centres
 * @param clusterWeights    whether the towers have cluster-specific weights (false: one plain MLP)
 * @param routing           how the tower of an example is chosen
 * @param routerUpdate      how the router treats x and moves its centres ({@link RouterUpdate#SPECIFIED}:
 *                          as the issue states; {@link RouterUpdate#DEFAULT}: centred, unit-length x, mean update)
 */
public record CtrConfig(int categoricalFields, int denseFeatures, int buckets, int embeddingDim, int clusters,
    double beta, int iterations, int[] hidden, double learningRate, long seed, boolean clusterWeights,
    RoutingMode routing, RouterUpdate routerUpdate) {
  /** Defaults that follow the public AdaptDHM re-implementation: β = 0.9, 3 iterations; router update {@link RouterUpdate#DEFAULT}. */
  public static final double DEFAULT_BETA = 0.9;
  public static final int DEFAULT_ITERATIONS = 3;

  public CtrConfig {
    if (categoricalFields < 0 || denseFeatures < 0 || categoricalFields + denseFeatures == 0) {
      throw new IllegalArgumentException("need at least one feature: categoricalFields=" + categoricalFields
          + ", denseFeatures=" + denseFeatures);
    }
    if (buckets <= 0 || embeddingDim <= 0) {
      throw new IllegalArgumentException("buckets and embeddingDim must be positive");
    }
    if (clusters < 1) {
      throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
    }
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    hidden = hidden.clone();
    for (int h : hidden) {
      if (h <= 0) {
        throw new IllegalArgumentException("hidden widths must be positive: " + Arrays.toString(hidden));
      }
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
    }
    if (routing == null || routerUpdate == null) {
      throw new IllegalArgumentException("routing and routerUpdate are required");
    }
  }

  /** With the router update ({@link RouterUpdate#SPECIFIED}). */
  public CtrConfig(int categoricalFields, int denseFeatures, int buckets, int embeddingDim, int clusters,
      double beta, int iterations, int[] hidden, double learningRate, long seed, boolean clusterWeights,
      RoutingMode routing) {
    this(categoricalFields, denseFeatures, buckets, embeddingDim, clusters, beta, iterations, hidden, learningRate,
        seed, clusterWeights, routing, RouterUpdate.SPECIFIED);
  }

  /** AdaptDHM with K clusters and the default β, iterations, buckets 2^15, embeddings of 8, hidden [32, 16]. */
  public static CtrConfig adaptDhm(int categoricalFields, int denseFeatures, int clusters, long seed) {
    return new CtrConfig(categoricalFields, denseFeatures, 1 << 15, 8, clusters, DEFAULT_BETA, DEFAULT_ITERATIONS,
        new int[] {32, 16}, 0.003, seed, true, RoutingMode.LEARNED, RouterUpdate.DEFAULT);
  }

  /** The same sizes as a plain shared MLP (no cluster weights, one tower). */
  public CtrConfig asSharedMlp() {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, 1, beta, iterations, hidden,
        learningRate, seed, false, RoutingMode.LEARNED, routerUpdate);
  }

  /** STAR with the true domains: one shared ⊙ specific tower per domain, routed by the domain. */
  public CtrConfig asStar(int domains) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, domains, beta, iterations, hidden,
        learningRate, seed, true, RoutingMode.DOMAIN, routerUpdate);
  }

  public CtrConfig withClusters(int k) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, k, beta, iterations, hidden,
        learningRate, seed, clusterWeights, routing, routerUpdate);
  }

  public CtrConfig withSeed(long s) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, clusters, beta, iterations, hidden,
        learningRate, s, clusterWeights, routing, routerUpdate);
  }

  public CtrConfig withSizes(int newBuckets, int newEmbeddingDim, int[] newHidden) {
    return new CtrConfig(categoricalFields, denseFeatures, newBuckets, newEmbeddingDim, clusters, beta, iterations,
        newHidden, learningRate, seed, clusterWeights, routing, routerUpdate);
  }

  public CtrConfig withLearningRate(double lr) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, clusters, beta, iterations, hidden,
        lr, seed, clusterWeights, routing, routerUpdate);
  }

  public CtrConfig withRouter(double newBeta, int newIterations) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, clusters, newBeta, newIterations,
        hidden, learningRate, seed, clusterWeights, routing, routerUpdate);
  }

  public CtrConfig withRouterUpdate(RouterUpdate u) {
    return new CtrConfig(categoricalFields, denseFeatures, buckets, embeddingDim, clusters, beta, iterations, hidden,
        learningRate, seed, clusterWeights, routing, u);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** D, the width of x. */
  public int inputDim() {
    return categoricalFields * embeddingDim + denseFeatures;
  }

  /** Layer widths from the input to the single output unit: [D, hidden..., 1]. */
  public int[] layerWidths() {
    int[] w = new int[hidden.length + 2];
    w[0] = inputDim();
    System.arraycopy(hidden, 0, w, 1, hidden.length);
    w[w.length - 1] = 1;
    return w;
  }

  /** Number of towers the parameters hold: K with cluster weights, else 1. */
  int towers() {
    return clusterWeights ? clusters : 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtrConfig c && categoricalFields == c.categoricalFields && denseFeatures == c.denseFeatures
        && buckets == c.buckets && embeddingDim == c.embeddingDim && clusters == c.clusters
        && Double.compare(beta, c.beta) == 0 && iterations == c.iterations && Arrays.equals(hidden, c.hidden)
        && Double.compare(learningRate, c.learningRate) == 0 && seed == c.seed && clusterWeights == c.clusterWeights
        && routing == c.routing && routerUpdate.equals(c.routerUpdate);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {categoricalFields, denseFeatures, buckets, embeddingDim, clusters, beta,
        iterations, Arrays.hashCode(hidden), learningRate, seed, clusterWeights, routing, routerUpdate});
  }

  @Override
  public String toString() {
    return "CtrConfig[fields=" + categoricalFields + ", dense=" + denseFeatures + ", buckets=" + buckets
        + ", emb=" + embeddingDim + ", K=" + clusters + ", beta=" + beta + ", iterations=" + iterations
        + ", hidden=" + Arrays.toString(hidden) + ", lr=" + learningRate + ", seed=" + seed
        + ", clusterWeights=" + clusterWeights + ", routing=" + routing + ", router=" + routerUpdate.label() + "]";
  }
}
