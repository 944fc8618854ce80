package io.rankstack.core.clicks;

import java.util.SplittableRandom;

/**
 * The cascade model (Craswell et al., WSDM 2008): the user examines ranks from the top, clicks the
 * first attractive document and stops; nothing below a click is examined.
 * {@code P(C_k = 1) = α(y_k) · Π_{i<k} (1 − α(y_i))}.
 */
public final class CascadeModel implements ClickModel {
  private final AttractionScale attraction;

  public CascadeModel(AttractionScale attraction) {
    this.attraction = java.util.Objects.requireNonNull(attraction, "attraction");
  }

  @Override
  public boolean[] sample(int[] grades, SplittableRandom random) {
    boolean[] clicks = new boolean[grades.length];
    for (int k = 0; k < grades.length; k++) {
      if (random.nextDouble() < attraction.probability(grades[k])) {
        clicks[k] = true;
        break;
      }
    }
    return clicks;
  }

  @Override
  public double[] clickProbabilities(int[] grades) {
    double[] p = new double[grades.length];
    double reach = 1;
    for (int k = 0; k < grades.length; k++) {
      double a = attraction.probability(grades[k]);
      p[k] = reach * a;
      reach *= 1 - a;
    }
    return p;
  }

  @Override
  public String name() {
    return "cascade";
  }
}
