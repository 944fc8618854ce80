package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * Expectation-maximisation for the full dynamic Bayesian network (Chapelle and Zhang, WWW 2009),
 * with perseverance γ &lt; 1: attraction α and satisfaction σ per (query, document) pair and one
 * global γ. The generative model, from rank 1: {@code E_1 = 1}; {@code C_r = E_r A_r} with
 * {@code P(A_r = 1) = α_r}; after a click the user is satisfied ({@code S_r = 1}) with probability
 * σ_r and stops; otherwise {@code P(E_{r+1} = 1 | E_r = 1, S_r = 0) = γ}; {@code E_r = 0} implies
 * {@code E_{r+1} = 0}.
 *
 * <p>E-step: forward-backward over the two-state examination chain, whose transition depends on the
 * observed click. With {@code f_r = P(C_{<r}, E_r = 1)} and {@code b_r(e) = P(C_{≥r} | E_r = e)}:
 * <pre>
 *   f_1 = 1,  f_{r+1} = f_r · a_r · t_r,   a_r = α_r if C_r else 1 − α_r,   t_r = (1 − σ_r)γ if C_r else γ
 *   b_{n+1}(e) = 1,  b_r(0) = [no click at r..n],
 *   b_r(1) = a_r · (C_r ? σ_r b_{r+1}(0) + (1 − σ_r)(γ b_{r+1}(1) + (1 − γ) b_{r+1}(0))
 *                       : γ b_{r+1}(1) + (1 − γ) b_{r+1}(0)),        Z = P(C) = b_1(1)
 *   P(E_r = 1 | C) = f_r b_r(1) / Z,   P(A_r = 1 | C) = C_r ? 1 : α_r (1 − P(E_r = 1 | C)),
 *   P(S_r = 1 | C) = C_r ? f_r α_r σ_r b_{r+1}(0) / Z : 0.
 * </pre>
 * M-step: α = mean of {@code P(A = 1 | C)} over a pair's impressions, σ = mean of
 * {@code P(S = 1 | C)} over its clicks (both Beta(1, 1) smoothed, as every estimator here), and
 * γ = expected continuations / expected decisions, {@code Σ_{r<n} P(E_{r+1} = 1 | C) /
 * Σ_{r<n} (P(E_r = 1 | C) − P(S_r = 1 | C))} (the decision after the last rank is not observed and
 * is left out of both sums). With a fixed γ only α and σ are re-estimated. Starts from α = σ = 0.5
 * and the given γ.
 *
 * <p>Prediction conditions on the clicks above: {@code e_1 = 1}; {@code P(C_r = 1 | C_{<r}) = α_r e_r};
 * after a click {@code e_{r+1} = (1 − σ_r)γ}, after a skip {@code e_{r+1} = γ e_r(1 − α_r)/(1 − e_r α_r)}.
 */
public final class DbnEstimator implements ClickModelEstimator {
  private final int iterations;
  private final double initialGamma;
  private final boolean estimateGamma;

  private DbnEstimator(int iterations, double gamma, boolean estimateGamma) {
    if (iterations < 1) {
      throw new IllegalArgumentException("illegal iterations " + iterations + ", must be >= 1");
    }
    if (!(gamma > 0 && gamma < 1)) {
      throw new IllegalArgumentException("illegal perseverance " + gamma + ", must be in (0, 1)");
    }
    this.iterations = iterations;
    this.initialGamma = gamma;
    this.estimateGamma = estimateGamma;
  }

  /** γ estimated by EM together with α and σ, starting from {@code initialGamma} in (0, 1). */
  public static DbnEstimator estimatingGamma(int iterations, double initialGamma) {
    return new DbnEstimator(iterations, initialGamma, true);
  }

  /** γ held at {@code gamma} in (0, 1), as Chapelle and Zhang tune it; only α and σ are estimated. */
  public static DbnEstimator fixedGamma(int iterations, double gamma) {
    return new DbnEstimator(iterations, gamma, false);
  }

  /** The posteriors of one session's hidden variables under given parameters (the E-step). */
  record Posteriors(double[] examination, double[] attraction, double[] satisfaction, double likelihood) {}

  /**
   * The E-step for one session: {@code alpha[r]}, {@code sigma[r]} are the parameters of the
   * document at rank r, {@code gamma} the perseverance.
   */
  static Posteriors posteriors(boolean[] clicks, double[] alpha, double[] sigma, double gamma) {
    int n = clicks.length;
    double[] f = new double[n + 1];
    f[0] = 1;
    for (int r = 0; r < n; r++) {
      double a = clicks[r] ? alpha[r] : 1 - alpha[r];
      double t = clicks[r] ? (1 - sigma[r]) * gamma : gamma;
      f[r + 1] = f[r] * a * t;
    }
    double[] b1 = new double[n + 1];
    double[] b0 = new double[n + 1];
    b1[n] = 1;
    b0[n] = 1;
    for (int r = n - 1; r >= 0; r--) {
      b0[r] = clicks[r] ? 0 : b0[r + 1];
      double goOn = gamma * b1[r + 1] + (1 - gamma) * b0[r + 1];
      b1[r] = clicks[r]
          ? alpha[r] * (sigma[r] * b0[r + 1] + (1 - sigma[r]) * goOn)
          : (1 - alpha[r]) * goOn;
    }
    double z = b1[0];
    double[] e = new double[n];
    double[] a = new double[n];
    double[] s = new double[n];
    for (int r = 0; r < n; r++) {
      e[r] = f[r] * b1[r] / z;
      a[r] = clicks[r] ? 1 : alpha[r] * (1 - e[r]);
      s[r] = clicks[r] ? f[r] * alpha[r] * sigma[r] * b0[r + 1] / z : 0;
    }
    return new Posteriors(e, a, s, z);
  }

  @Override
  public Fitted fit(List<ClickSession> sessions) {
    PairParameters alpha = new PairParameters();
    PairParameters sigma = new PairParameters();
    double gamma = initialGamma;
    for (int it = 0; it < iterations; it++) {
      PairParameters nextAlpha = new PairParameters();
      PairParameters nextSigma = new PairParameters();
      double continued = 0;
      double decisions = 0;
      for (ClickSession s : sessions) {
        int n = s.size();
        double[] a = new double[n];
        double[] g = new double[n];
        boolean[] c = s.clicks();
        for (int r = 0; r < n; r++) {
          a[r] = alpha.get(s.query(), s.docs().get(r));
          g[r] = sigma.get(s.query(), s.docs().get(r));
        }
        Posteriors p = posteriors(c, a, g, gamma);
        for (int r = 0; r < n; r++) {
          String d = s.docs().get(r);
          nextAlpha.add(s.query(), d, p.attraction()[r], 1);
          if (c[r]) {
            nextSigma.add(s.query(), d, p.satisfaction()[r], 1);
          }
          if (r + 1 < n) {
            continued += p.examination()[r + 1];
            decisions += p.examination()[r] - p.satisfaction()[r];
          }
        }
      }
      alpha = nextAlpha;
      sigma = nextSigma;
      if (estimateGamma && decisions > 0) {
        // kept inside (0, 1): γ = 1 is the simplified DBN, whose likelihood ignores abandonment
        gamma = Math.min(1 - 1e-6, Math.max(1e-6, continued / decisions));
      }
    }
    return new Fitted(alpha, sigma, gamma);
  }

  /** The fitted DBN: its parameters and conditional click probabilities. */
  public static final class Fitted implements FittedClickModel {
    private final PairParameters alpha;
    private final PairParameters sigma;
    private final double gamma;

    Fitted(PairParameters alpha, PairParameters sigma, double gamma) {
      this.alpha = alpha;
      this.sigma = sigma;
      this.gamma = gamma;
    }

    /** Attraction α of a (query, document) pair (0.5 for an unseen pair). */
    public double attraction(String query, String doc) {
      return alpha.get(query, doc);
    }

    /** Satisfaction σ of a (query, document) pair (0.5 for an unseen pair). */
    public double satisfaction(String query, String doc) {
      return sigma.get(query, doc);
    }

    /** Perseverance γ. */
    public double gamma() {
      return gamma;
    }

    @Override
    public double[] conditionalClickProbabilities(ClickSession s) {
      double[] q = new double[s.size()];
      double e = 1;
      for (int r = 0; r < s.size(); r++) {
        String d = s.docs().get(r);
        double a = alpha.get(s.query(), d);
        q[r] = a * e;
        e = s.clicked(r) ? (1 - sigma.get(s.query(), d)) * gamma : gamma * e * (1 - a) / (1 - e * a);
      }
      return q;
    }

    @Override
    public String name() {
      return "dbn";
    }
  }
}
