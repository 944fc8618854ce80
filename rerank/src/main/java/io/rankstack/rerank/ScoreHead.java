package io.rankstack.rerank;

/**
 * What the model's head predicts and how its class probabilities become one ranking score.
 *
 * <ul>
 *   <li>{@link #GRADED}: 11 classes, the integer relevance score s = 0..10. The ranking score is
 *       ERank's {@code s* × P(s*)} with {@code s* = argmax_s P(s)} (Cai et al., "ERank", arXiv
 *       2509.00520, section 3): the predicted integer weighted by the model's confidence in it,
 *       neither the expectation nor P(yes).</li>
 *   <li>{@link #BINARY}: 2 classes (no, yes); the ranking score is P(yes), the usual pointwise
 *       baseline the paper compares against.</li>
 * </ul>
 */
public enum ScoreHead {
  GRADED(11),
  BINARY(2);

  /** The highest integer score of the graded head. */
  public static final int MAX_SCORE = 10;

  private final int classes;

  ScoreHead(int classes) {
    this.classes = classes;
  }

  /** Number of outputs of the head. */
  public int classes() {
    return classes;
  }

  /** The ranking score of one document from its class probabilities (length {@link #classes()}). */
  public double rankingScore(float[] probabilities) {
    if (probabilities.length != classes) {
      throw new IllegalArgumentException("expected " + classes + " probabilities, got " + probabilities.length);
    }
    return this == BINARY ? probabilities[1] : erankScore(probabilities);
  }

  /**
   * ERank's score {@code s* × P(s*)}, {@code s* = argmax_s P(s)} over s = 0..length−1 (the first
   * maximum on ties). Example: P(8) = 0.60 is the largest → 4.8.
   */
  public static double erankScore(float[] probabilities) {
    int best = argmax(probabilities);
    return best * (double) probabilities[best];
  }

  /** Index of the largest value, the first one on ties. */
  public static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
