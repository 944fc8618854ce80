package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.Arrays;
import java.util.List;

/**
 * Expectation-maximisation for the position-based model (Chuklin et al. 2015, §4.2): attractiveness
 * α per (query, document) and examination γ per rank, {@code P(C_r = 1) = γ_r α_qd}. For a skipped
 * rank the E-step splits the non-click between "not examined" and "not attractive":
 * {@code P(A = 1 | C = 0) = α(1 − γ)/(1 − γα)}, {@code P(E = 1 | C = 0) = γ(1 − α)/(1 − γα)};
 * the M-step averages these (with 1 for clicks) per pair and per rank. Starts from α = γ = 0.5.
 */
public final class PbmEstimator implements ClickModelEstimator {
  private final int iterations;

  /** @param iterations EM iterations, at least 1 */
  public PbmEstimator(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("illegal iterations " + iterations + ", must be >= 1");
    }
    this.iterations = iterations;
  }

  @Override
  public Fitted fit(List<ClickSession> sessions) {
    int ranks = sessions.stream().mapToInt(ClickSession::size).max().orElse(1);
    PairParameters alpha = new PairParameters();
    double[] gamma = new double[ranks];
    Arrays.fill(gamma, 0.5);
    for (int it = 0; it < iterations; it++) {
      PairParameters nextAlpha = new PairParameters();
      double[] gammaNum = new double[ranks];
      double[] gammaDen = new double[ranks];
      for (ClickSession s : sessions) {
        for (int r = 0; r < s.size(); r++) {
          String d = s.docs().get(r);
          double a = alpha.get(s.query(), d);
          double g = gamma[r];
          if (s.clicked(r)) {
            nextAlpha.add(s.query(), d, 1, 1);
            gammaNum[r] += 1;
          } else {
            double none = 1 - g * a;
            nextAlpha.add(s.query(), d, a * (1 - g) / none, 1);
            gammaNum[r] += g * (1 - a) / none;
          }
          gammaDen[r] += 1;
        }
      }
      alpha = nextAlpha;
      for (int r = 0; r < ranks; r++) {
        gamma[r] = gammaDen[r] == 0 ? 0.5 : gammaNum[r] / gammaDen[r];
      }
    }
    return new Fitted(alpha, gamma);
  }

  /** The fitted PBM: independent clicks. */
  public static final class Fitted implements FittedClickModel {
    private final PairParameters alpha;
    private final double[] gamma;

    Fitted(PairParameters alpha, double[] gamma) {
      this.alpha = alpha;
      this.gamma = gamma;
    }

    /** Examination probability of 0-based {@code rank}. */
    public double examination(int rank) {
      return gamma[Math.min(rank, gamma.length - 1)];
    }

    @Override
    public double[] conditionalClickProbabilities(ClickSession s) {
      double[] q = new double[s.size()];
      for (int r = 0; r < s.size(); r++) {
        q[r] = examination(r) * alpha.get(s.query(), s.docs().get(r));
      }
      return q;
    }

    @Override
    public String name() {
      return "pbm";
    }
  }
}
