package io.rankstack.ltr.dla;

import java.util.List;

/**
 * Training settings of DLA and of the IPW rankers trained by the same code.
 *
 * @param hidden                 widths of the ranker's hidden layers (ELU after each); empty for a
 *                               linear ranker. The paper's: [512, 256, 128]
 * @param positions              list length the propensity model covers (one logit per position); lists
 *                               may be shorter, not longer
 * @param epochs                 passes over the lists, at least 1
 * @param batchSize              lists per optimiser step, at least 1
 * @param learningRate           Adagrad learning rate of the ranker (paper and ULTRA: 0.05)
 * @param propensityLearningRate Adagrad learning rate of the propensity model (0.05)
 * @param maxGradientNorm        global-norm gradient clipping, per model (5); 0 turns it off
 * @param maxWeight              clip of the IPW and IRW weights ({@code min(w, maxWeight)}); 0 for none
 * @param seed                   seed of the initialisation and of the list order
 */
public record DlaConfig(List<Integer> hidden, int positions, int epochs, int batchSize, double learningRate,
                        double propensityLearningRate, double maxGradientNorm, double maxWeight, long seed) {
  public DlaConfig {
    hidden = List.copyOf(hidden);
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("illegal hidden width " + h + ", must be >= 1");
      }
    }
    if (positions < 1) {
      throw new IllegalArgumentException("illegal positions " + positions + ", must be >= 1");
    }
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("epochs and batchSize must be >= 1: " + epochs + ", " + batchSize);
    }
    if (!(learningRate > 0) || !(propensityLearningRate > 0) || !Double.isFinite(learningRate + propensityLearningRate)) {
      throw new IllegalArgumentException("learning rates must be positive and finite: " + learningRate + ", " + propensityLearningRate);
    }
    if (!(maxGradientNorm >= 0) || !(maxWeight >= 0)) {
      throw new IllegalArgumentException("maxGradientNorm and maxWeight must be >= 0 (0 = off): " + maxGradientNorm + ", " + maxWeight);
    }
  }

  /** The paper's ranker and optimiser: [512, 256, 128] ELU, 10 positions, Adagrad 0.05, clipping 5, no weight clip. */
  public static DlaConfig paper(int epochs, int batchSize, long seed) {
    return new DlaConfig(List.of(512, 256, 128), 10, epochs, batchSize, 0.05, 0.05, 5, 0, seed);
  }

  /** The same settings with a linear ranker ({@code f(x) = w·x + b}). */
  public DlaConfig linear() {
    return new DlaConfig(List.of(), positions, epochs, batchSize, learningRate, propensityLearningRate, maxGradientNorm, maxWeight, seed);
  }

  /** The same settings with another number of epochs. */
  public DlaConfig withEpochs(int e) {
    return new DlaConfig(hidden, positions, e, batchSize, learningRate, propensityLearningRate, maxGradientNorm, maxWeight, seed);
  }
}
