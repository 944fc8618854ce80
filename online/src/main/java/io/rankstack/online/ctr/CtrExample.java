package io.rankstack.online.ctr;

import java.util.Arrays;
import java.util.Objects;

/**
 * One labelled CTR example: raw categorical values (hashed by the model, so unseen values need no
 * vocabulary), dense features, the click label and the example's true domain. Immutable.
 *
 * @param categorical one value per categorical field, in the field order of the model's config
 *                    (an empty string is a missing value and hashes like any other value)
 * @param dense       dense features, in the config's order
 * @param label       1 for a click, 0 otherwise
 * @param domain      the true domain (0-based), or -1 when unknown; used only by
 *                    {@link RoutingMode#DOMAIN} (the STAR baseline) and by experiments
 */
public record CtrExample(String[] categorical, float[] dense, int label, int domain) {
  public CtrExample {
    Objects.requireNonNull(categorical, "categorical");
    Objects.requireNonNull(dense, "dense");
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("label must be 0 or 1, got " + label);
    }
    if (domain < -1) {
      throw new IllegalArgumentException("domain must be -1 (unknown) or >= 0, got " + domain);
    }
    categorical = categorical.clone();
    dense = dense.clone();
  }

  @Override
  public String[] categorical() {
    return categorical.clone();
  }

  @Override
  public float[] dense() {
    return dense.clone();
  }

  /** The categorical value of field {@code f} without copying the array. */
  String categorical(int f) {
    return categorical[f];
  }

  /** Dense feature {@code f} without copying the array. */
  float dense(int f) {
    return dense[f];
  }

  int categoricalCount() {
    return categorical.length;
  }

  int denseCount() {
    return dense.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtrExample e && label == e.label && domain == e.domain
        && Arrays.equals(categorical, e.categorical) && Arrays.equals(dense, e.dense);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(categorical) + Arrays.hashCode(dense)) + label * 7 + domain;
  }

  @Override
  public String toString() {
    return "CtrExample[categorical=" + Arrays.toString(categorical) + ", dense=" + Arrays.toString(dense)
        + ", label=" + label + ", domain=" + domain + "]";
  }
}
