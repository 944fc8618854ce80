package io.rankstack.eval.trec;

/**
 * Measures read off the precision-recall curve by a backward walk over the ranking: interpolated
 * precision at recall points ({@code iprec_at_recall}, {@code 11pt_avg}) and precision at
 * multiples of R ({@code Rprec_mult}).
 *
 * <p>Interpolated precision at rank X is the maximum precision at any rank {@code >= X}. A recall
 * point {@code r} is turned into a number of relevant documents with {@code lround(r * R)} (trec_eval
 * 10.0; version 9 added 0.9 and truncated).
 */
final class Interpolation {
  private Interpolation() {}

  /**
   * Interpolated precision at each recall point, for points sorted as the parameters are.
   *
   * @param recall recall points (fractions of R)
   * @param out    receives one value per point
   */
  static void precisionAtRecall(QueryContext q, double[] recall, double[] out) {
    long[] cutoffs = new long[recall.length];
    for (int i = 0; i < recall.length; i++) {
      cutoffs[i] = CNumbers.lround(recall[i] * q.numRel());
    }
    int current = recall.length - 1;
    while (current >= 0 && cutoffs[current] > q.numRelRet()) {
      current--;
    }
    double precision = (double) q.numRelRet() / (double) q.numRet();
    double interpolated = precision;
    long relSoFar = q.numRelRet();
    for (int i = q.numRet(); i > 0 && relSoFar > 0; i--) {
      precision = (double) relSoFar / (double) i;
      if (interpolated < precision) {
        interpolated = precision;
      }
      if (q.isRelevant(i - 1)) {
        while (current >= 0 && relSoFar == cutoffs[current]) {
          out[current] = interpolated;
          current--;
        }
        relSoFar--;
      }
    }
    while (current >= 0) {
      out[current] = interpolated;
      current--;
    }
  }

  /** The mean of interpolated precision over the given recall points (in the order given). */
  static double averagePrecisionAtRecall(QueryContext q, double[] recall) {
    double[] values = new double[recall.length];
    precisionAtRecall(q, recall, values);
    double sum = 0.0;
    // trec_eval adds the values from the highest point down.
    for (int i = values.length - 1; i >= 0; i--) {
      sum += values[i];
    }
    return sum / (double) recall.length;
  }

  /**
   * Precision after {@code (long) (m * R + 0.9)} documents for each multiple {@code m}; beyond the
   * end of the list, the missing documents count as non-relevant.
   */
  static void precisionAtRMultiples(QueryContext q, double[] multiples, double[] out) {
    long[] cutoffs = new long[multiples.length];
    for (int i = 0; i < multiples.length; i++) {
      cutoffs[i] = CNumbers.truncToLong(multiples[i] * q.numRel() + 0.9);
    }
    int current = multiples.length - 1;
    while (current >= 0 && cutoffs[current] > q.numRet()) {
      out[current] = (double) q.numRelRet() / (double) cutoffs[current];
      current--;
    }
    long relSoFar = q.numRelRet();
    for (int i = q.numRet(); i > 0 && relSoFar > 0; i--) {
      double precision = (double) relSoFar / (double) i;
      while (current >= 0 && i == cutoffs[current]) {
        out[current] = precision;
        current--;
      }
      if (q.isRelevant(i - 1)) {
        relSoFar--;
      }
    }
  }
}
