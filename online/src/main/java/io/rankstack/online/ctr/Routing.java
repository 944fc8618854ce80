package io.rankstack.online.ctr;

/**
 * The router's answer for one batch: the hard assignment {@code cluster(i) = argmax_j r_ij} (ties go to
 * the lowest j) and the soft distribution coefficients r (row i sums to 1), kept for diagnostics.
 */
public record Routing(int[] clusters, double[][] coefficients) {
  public Routing {
    clusters = clusters.clone();
    double[][] c = new double[coefficients.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = coefficients[i].clone();
    }
    coefficients = c;
  }

  @Override
  public int[] clusters() {
    return clusters.clone();
  }

  @Override
  public double[][] coefficients() {
    double[][] c = new double[coefficients.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = coefficients[i].clone();
    }
    return c;
  }

  /** The cluster of example i. */
  public int cluster(int i) {
    return clusters[i];
  }

  /** How many examples each of {@code k} clusters received. */
  public int[] counts(int k) {
    int[] n = new int[k];
    for (int c : clusters) {
      n[c]++;
    }
    return n;
  }
}
