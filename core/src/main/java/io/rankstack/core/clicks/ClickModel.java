package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * A user model that turns a shown list into clicks: which ranks a simulated user clicks, given the
 * grade of the document at each rank. Used to simulate click logs for unbiased learning to rank,
 * interleaving and bandit experiments.
 *
 * <p>Conventions: ranks are 0-based in arrays ({@code grades[0]} is rank 1); negative grades count as
 * 0; grades above a model's top grade count as its top grade. Every implementation is immutable, so
 * one instance can serve many threads, each with its own {@link SplittableRandom}.
 */
public interface ClickModel {

  /** Samples one session's clicks for a list whose documents have these grades, rank 1 first. */
  boolean[] sample(int[] grades, SplittableRandom random);

  /**
   * The exact marginal probability of a click at each rank, {@code P(C_k = 1)}, for a list with these
   * grades: what {@link #sample} gives on average.
   */
  double[] clickProbabilities(int[] grades);

  /** A short name for reports (for example {@code pbm}). */
  String name();
}
