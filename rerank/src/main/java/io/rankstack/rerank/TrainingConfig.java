package io.rankstack.rerank;

/**
 * Hyper-parameters of a reranker training run (both stages).
 *
 * @param sftEpochs       passes of stage 1 (cross-entropy on the head's classes), at least 1
 * @param rlEpochs        passes of stage 2 (GRPO), 0 for SFT only; graded head only
 * @param batchSize       pairs per SFT optimiser step, at least 1
 * @param rlQueries       queries per GRPO optimiser step, at least 1
 * @param learningRate    Adam's learning rate in stage 1, positive
 * @param rlLearningRate  Adam's learning rate in stage 2, positive; policy-gradient steps need a far
 *                        smaller one than SFT (default 2e-5, 50× below SFT's 1e-3)
 * @param groupSize       G, sampled scores per document, at least 2 (paper: 5)
 * @param clipEpsilon     ε of the clipped ratio objective (paper: 0.2)
 * @param klBeta          β of the KL penalty to the frozen SFT model (paper: 0.001)
 * @param policyUpdates   optimiser steps per batch of rollouts (1: the ratio is 1 at the step, as in
 *                        GRPO's on-policy setting; more lets the clipping act), at least 1
 * @param reward          constants of r_RR
 * @param seed            seeds the initialiser, the shuffling and the Gumbel noise
 */
public record TrainingConfig(int sftEpochs, int rlEpochs, int batchSize, int rlQueries, float learningRate,
                             float rlLearningRate, int groupSize, double clipEpsilon, double klBeta, int policyUpdates,
                             RewardParameters reward, long seed) {
  public TrainingConfig {
    if (sftEpochs < 1 || rlEpochs < 0) {
      throw new IllegalArgumentException("illegal epochs: sft " + sftEpochs + " (at least 1), rl " + rlEpochs + " (at least 0)");
    }
    if (batchSize < 1 || rlQueries < 1 || policyUpdates < 1) {
      throw new IllegalArgumentException("batchSize, rlQueries and policyUpdates must be at least 1");
    }
    if (!(learningRate > 0) || !(rlLearningRate > 0)) {
      throw new IllegalArgumentException("learning rates must be positive");
    }
    if (groupSize < 2) {
      throw new IllegalArgumentException("illegal groupSize " + groupSize + ", must be at least 2 (sample std)");
    }
    if (!(clipEpsilon > 0 && clipEpsilon < 1) || !(klBeta >= 0)) {
      throw new IllegalArgumentException("illegal clipEpsilon " + clipEpsilon + " or klBeta " + klBeta);
    }
    if (reward == null) {
      throw new IllegalArgumentException("reward is required");
    }
  }

  /** Paper constants for GRPO (G 5, ε 0.2, β 0.001); 2 SFT epochs, 1 RL epoch, batch 32, lr 1e-3 / 2e-5. */
  public static TrainingConfig defaults(long seed) {
    return new TrainingConfig(2, 1, 32, 2, 1e-3f, 2e-5f, 5, 0.2, 0.001, 1, RewardParameters.defaults(), seed);
  }

  public TrainingConfig withEpochs(int sft, int rl) {
    return new TrainingConfig(sft, rl, batchSize, rlQueries, learningRate, rlLearningRate, groupSize, clipEpsilon, klBeta,
        policyUpdates, reward, seed);
  }
}
