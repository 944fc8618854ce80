package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;

/**
 * Conditional click probabilities shared by the cascade-family models in which the user always goes
 * on after a skip and goes on after a click with some probability c (DCM's λ_r, the simplified DBN's
 * 1 − σ_qd). Given the last click above r at j and no click between, Bayes' rule gives
 * {@code P(E_r = 1) = c_j Π_{j<i<r}(1 − α_i) / (c_j Π_{j<i<r}(1 − α_i) + 1 − c_j)}; with no click
 * above, {@code P(E_r = 1) = 1}. Then {@code P(C_r = 1 | clicks above) = α_r P(E_r = 1)}.
 */
final class ContinuationModels {
  private ContinuationModels() {}

  interface Attraction {
    double of(String query, String doc);
  }

  interface Continuation {
    double after(String query, String doc, int rank);
  }

  static double[] afterLastClick(ClickSession s, Attraction alpha, Continuation cont) {
    double[] q = new double[s.size()];
    double goOn = 1; // c_j of the last click above, 1 when none
    double skips = 1; // product of (1 - alpha) since that click
    boolean anyClick = false;
    for (int r = 0; r < s.size(); r++) {
      String d = s.docs().get(r);
      double a = alpha.of(s.query(), d);
      double examined = anyClick ? goOn * skips / (goOn * skips + 1 - goOn) : 1;
      q[r] = a * examined;
      if (s.clicked(r)) {
        anyClick = true;
        goOn = cont.after(s.query(), d, r);
        skips = 1;
      } else {
        skips *= 1 - a;
      }
    }
    return q;
  }
}
