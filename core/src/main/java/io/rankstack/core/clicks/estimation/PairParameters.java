package io.rankstack.core.clicks.estimation;

import java.util.HashMap;
import java.util.Map;

/**
 * A parameter per (query, document) pair, with a value for pairs never seen in training. Counts are
 * accumulated as numerator/denominator and read as a Beta(1, 1)-smoothed ratio
 * {@code (num + 1) / (den + 2)}, so an unseen pair reads 0.5 and no estimate is exactly 0 or 1
 * (which would make the log-likelihood of a test session minus infinity).
 */
final class PairParameters {
  private final Map<String, double[]> counts = new HashMap<>();

  private static String key(String query, String doc) {
    return query + '\u0001' + doc;
  }

  void add(String query, String doc, double numerator, double denominator) {
    double[] c = counts.computeIfAbsent(key(query, doc), k -> new double[2]);
    c[0] += numerator;
    c[1] += denominator;
  }

  double get(String query, String doc) {
    double[] c = counts.get(key(query, doc));
    return c == null ? 0.5 : (c[0] + 1) / (c[1] + 2);
  }

  /** A fresh accumulator over the same pairs (for the next EM iteration). */
  void clear() {
    counts.clear();
  }
}
