package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * Expectation-maximisation for the user browsing model (Dupret and Piwowarski 2008): attractiveness
 * α per (query, document) and examination γ per (rank r, distance d to the last click above; d = r + 1
 * when there is none, 1-based ranks), {@code P(C_r = 1 | last click) = γ_{r,d} α_qd}. The E- and
 * M-steps are those of {@link PbmEstimator} with γ indexed by (r, d), which the observed clicks
 * determine. Starts from α = γ = 0.5.
 */
public final class UbmEstimator implements ClickModelEstimator {
  private final int iterations;

  /** @param iterations EM iterations, at least 1 */
  public UbmEstimator(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("illegal iterations " + iterations + ", must be >= 1");
    }
    this.iterations = iterations;
  }

  @Override
  public FittedClickModel fit(List<ClickSession> sessions) {
    int ranks = sessions.stream().mapToInt(ClickSession::size).max().orElse(1);
    PairParameters alpha = new PairParameters();
    double[][] gamma = new double[ranks][ranks + 1];
    for (double[] row : gamma) {
      java.util.Arrays.fill(row, 0.5);
    }
    for (int it = 0; it < iterations; it++) {
      PairParameters nextAlpha = new PairParameters();
      double[][] num = new double[ranks][ranks + 1];
      double[][] den = new double[ranks][ranks + 1];
      for (ClickSession s : sessions) {
        int lastClick = -1;
        for (int r = 0; r < s.size(); r++) {
          String d = s.docs().get(r);
          int dist = r - lastClick;
          double a = alpha.get(s.query(), d);
          double g = gamma[r][dist];
          if (s.clicked(r)) {
            nextAlpha.add(s.query(), d, 1, 1);
            num[r][dist] += 1;
            lastClick = r;
          } else {
            double none = 1 - g * a;
            nextAlpha.add(s.query(), d, a * (1 - g) / none, 1);
            num[r][dist] += g * (1 - a) / none;
          }
          den[r][dist] += 1;
        }
      }
      alpha = nextAlpha;
      for (int r = 0; r < ranks; r++) {
        for (int d = 1; d <= ranks; d++) {
          gamma[r][d] = den[r][d] == 0 ? 0.5 : num[r][d] / den[r][d];
        }
      }
    }
    PairParameters fittedAlpha = alpha;
    return new FittedClickModel() {
      @Override
      public double[] conditionalClickProbabilities(ClickSession s) {
        double[] q = new double[s.size()];
        int lastClick = -1;
        for (int r = 0; r < s.size(); r++) {
          int rr = Math.min(r, ranks - 1);
          int dist = Math.min(r - lastClick, ranks);
          q[r] = gamma[rr][dist] * fittedAlpha.get(s.query(), s.docs().get(r));
          if (s.clicked(r)) {
            lastClick = r;
          }
        }
        return q;
      }

      @Override
      public String name() {
        return "ubm";
      }
    };
  }
}
