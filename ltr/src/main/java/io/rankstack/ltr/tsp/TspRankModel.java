package io.rankstack.ltr.tsp;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * A trained TSPRank scorer: features of a list to its score matrix A, and A to a ranking through a
 * {@link PathDecoder}. Holds native memory: close it. Not thread-safe (one instance per thread).
 */
public final class TspRankModel implements AutoCloseable {
  private final Model model;
  private final TspRankConfig config;
  private final int featureCount;

  private final boolean owner;

  TspRankModel(Model model, TspRankConfig config, int featureCount) {
    this(model, config, featureCount, true);
  }

  /** A view that does not own the model (given to epoch callbacks): closing it does nothing. */
  TspRankModel(Model model, TspRankConfig config, int featureCount, boolean owner) {
    this.owner = owner;
    this.model = model;
    this.config = config;
    this.featureCount = featureCount;
  }

  public TspRankConfig config() {
    return config;
  }

  /** The directed score matrix A[i][j] ("j directly follows i") for one list of n items. */
  public double[][] scoreMatrix(float[][] features) {
    if (features.length == 0 || features[0].length != featureCount) {
      throw new IllegalArgumentException("expected n >= 1 feature vectors of length " + featureCount);
    }
    int n = features.length;
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDArray x = TspRankTrainer.owned(sub, features).expandDims(0);
      NDArray a = model.getBlock().forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
      float[] flat = a.toFloatArray();
      double[][] out = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          out[i][j] = flat[i * n + j];
          if (!Double.isFinite(out[i][j])) {
            throw new IllegalStateException("model produced a non-finite score " + out[i][j] + " at [" + i + "][" + j + "]");
          }
        }
      }
      return out;
    }
  }

  /** Reranks one list: the decoded path over its items (indices into the list, rank 1 first). */
  public DecodedPath rank(float[][] features, PathDecoder decoder) {
    return decoder.decode(scoreMatrix(features));
  }

  @Override
  public void close() {
    if (owner) {
      model.close();
    }
  }
}
