package io.rankstack.ltr.tsp;

/**
 * Hyper-parameters of a TSPRank training run.
 *
 * @param mode the objective
 * @param hidden width h of the item embeddings and the h×h bilinear comparators, at least 1
 * @param encoderLayers Transformer encoder layers over the list, 0 for none
 * @param heads attention heads per layer, dividing {@code hidden}
 * @param epochs passes over the training lists, at least 1
 * @param batchSize lists per optimiser step, at least 1
 * @param learningRate Adam's learning rate, positive
 * @param seed seeds the engine's initialiser and the shuffling of lists
 */
public record TspRankConfig(TrainingMode mode, int hidden, int encoderLayers, int heads, int epochs,
    int batchSize, float learningRate, int seed) {
  public TspRankConfig {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    if (hidden < 1) {
      throw new IllegalArgumentException("illegal hidden " + hidden + ", must be at least 1");
    }
    if (encoderLayers < 0) {
      throw new IllegalArgumentException("illegal encoderLayers " + encoderLayers + ", must be non-negative");
    }
    if (heads < 1 || hidden % heads != 0) {
      throw new IllegalArgumentException("illegal heads " + heads + ", must be positive and divide hidden " + hidden);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("illegal epochs " + epochs + ", must be at least 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("illegal batchSize " + batchSize + ", must be at least 1");
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("illegal learningRate " + learningRate + ", must be positive and finite");
    }
  }

  /** Defaults: h = 32, no encoder, 2 heads, 30 epochs, 8 lists per batch, lr 1e-3. */
  public static TspRankConfig defaults(TrainingMode mode, int seed) {
    return new TspRankConfig(mode, 32, 0, 2, 30, 8, 1e-3f, seed);
  }

  public TspRankConfig withEpochs(int e) {
    return new TspRankConfig(mode, hidden, encoderLayers, heads, e, batchSize, learningRate, seed);
  }

  public TspRankConfig withEncoderLayers(int l) {
    return new TspRankConfig(mode, hidden, l, heads, epochs, batchSize, learningRate, seed);
  }
}
