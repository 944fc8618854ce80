package io.rankstack.core.interleaving;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An interleaving method: merges the rankings of two rankers A and B into one list shown to a user,
 * and reads the user's clicks as a preference between them (Chapelle, Joachims, Radlinski and Yue,
 * "Large-scale validation and analysis of interleaved search evaluation", TOIS 2012).
 */
public interface Interleaving {
  /**
   * Interleaves {@code a} and {@code b} (document ids, best first) into at most {@code length}
   * distinct documents, using {@code random} for the method's coin flips.
   */
  InterleavedList interleave(List<String> a, List<String> b, int length, SplittableRandom random);

  /** The preference the clicks on {@code shown} express; {@code clicks[k]} is rank k + 1. */
  Outcome credit(InterleavedList shown, boolean[] clicks);

  /** A short name for reports. */
  String name();

  /** The result of one interleaved impression. */
  enum Outcome {
    A_WINS, B_WINS, TIE
  }
}
