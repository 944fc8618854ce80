package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * The user browsing model (Dupret and Piwowarski, SIGIR 2008): examination of rank k depends on k and
 * on the distance d = k − k' to the last clicked rank k' above it (k' = 0 when nothing was clicked, so
 * d = k); {@code P(C_k = 1 | last click k') = γ(k, d)·α(y_k)}.
 *
 * <p>The table follows ULTRA's layout: row k (0-based) holds γ for distances 1..k+1, so
 * {@code γ(k, d) = table[k][d − 1]} and the diagonal is "no click so far". Ranks past the table reuse
 * its last row: the last entry for "no click so far", entry d − 1 for nearer clicks (capped at the
 * second-to-last entry). {@link #clickProbabilities} sums over the distribution of the last click.
 */
public final class UserBrowsingModel implements ClickModel {
  /** ULTRA's UBM examination table at η = 1. */
  public static final double[][] ULTRA_TABLE = {
      {1.0},
      {0.98, 1.0},
      {1.0, 0.62, 0.95},
      {1.0, 0.77, 0.42, 0.82},
      {1.0, 0.92, 0.55, 0.31, 0.69},
      {1.0, 0.96, 0.63, 0.4, 0.22, 0.54},
      {1.0, 0.99, 0.73, 0.46, 0.29, 0.17, 0.47},
      {1.0, 1.0, 0.89, 0.52, 0.35, 0.24, 0.14, 0.43},
      {1.0, 1.0, 0.95, 0.68, 0.4, 0.29, 0.19, 0.12, 0.41},
      {1.0, 1.0, 1.0, 0.96, 0.52, 0.36, 0.27, 0.18, 0.12, 0.43}};

  private final double[][] table;
  private final AttractionScale attraction;

  /**
   * @param table      γ rows as described above (row k has k + 1 entries), raised to η already
   * @param attraction α by grade
   */
  public UserBrowsingModel(double[][] table, AttractionScale attraction) {
    if (table.length == 0) {
      throw new IllegalArgumentException("need at least one row of examination probabilities");
    }
    this.table = new double[table.length][];
    for (int k = 0; k < table.length; k++) {
      if (table[k].length != k + 1) {
        throw new IllegalArgumentException("row " + k + " of the UBM table needs " + (k + 1) + " entries, has " + table[k].length);
      }
      for (double g : table[k]) {
        ClickModels.checkProbability(g, "examination");
      }
      this.table[k] = table[k].clone();
    }
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
  }

  /** ULTRA's table raised to the power η, with this attraction scale. */
  public static UserBrowsingModel ultra(double eta, AttractionScale attraction) {
    double[][] t = new double[ULTRA_TABLE.length][];
    for (int k = 0; k < t.length; k++) {
      t[k] = new double[ULTRA_TABLE[k].length];
      for (int j = 0; j < t[k].length; j++) {
        t[k][j] = Math.pow(ULTRA_TABLE[k][j], eta);
      }
    }
    return new UserBrowsingModel(t, attraction);
  }

  /**
   * γ for 0-based {@code rank} with the last click at 0-based {@code lastClick}, or −1 for none.
   */
  public double examination(int rank, int lastClick) {
    int distance = rank - lastClick;
    if (distance < 1) {
      throw new IllegalArgumentException("last click " + lastClick + " must be above rank " + rank);
    }
    if (rank < table.length) {
      return table[rank][distance - 1];
    }
    double[] last = table[table.length - 1];
    if (distance > rank) {
      return last[last.length - 1];
    }
    return last[distance - 1 < last.length - 1 ? distance - 1 : last.length - 2];
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    int lastClick = -1;
    for (int k = 0; k < grades.length; k++) {
      if (random.nextDouble() < examination(k, lastClick) * attraction.probability(grades[k])) {
        clicks[k] = true;
        lastClick = k;
      }
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    int n = grades.length;
    double[] p = new double[n];
    // last[j + 1] = P(last click so far is at rank j), last[0] = P(no click so far)
    double[] last = new double[n + 1];
    last[0] = 1;
    for (int k = 0; k < n; k++) {
      double a = attraction.probability(grades[k]);
      double click = 0;
      for (int j = -1; j < k; j++) {
        double mass = last[j + 1];
        if (mass == 0) {
          continue;
        }
        double c = mass * examination(k, j) * a;
        click += c;
        last[j + 1] = mass - c;
      }
      last[k + 1] = click;
      p[k] = click;
    }
    return p;
  }

  @Override
  public String name() {
    return "ubm";
  }
}
