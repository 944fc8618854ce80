package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * The standard evaluation of click models (Chuklin, Markov and de Rijke, "Click Models for Web
 * Search", 2015, ch. 4): with {@code q_r^s = P(C_r = 1 | clicks above r)} from
 * {@link FittedClickModel#conditionalClickProbabilities},
 * <ul>
 *   <li>log-likelihood: {@code LL = (1/|S|) Σ_s Σ_r log(c_r^s q_r^s + (1 − c_r^s)(1 − q_r^s))}
 *       (natural log, mean per session; higher is better);</li>
 *   <li>perplexity at rank r: {@code p_r = 2^(−(1/|S|) Σ_s log2(c q + (1 − c)(1 − q)))}, and the
 *       perplexity of the model the mean of p_r over ranks (1 is perfect, 2 is a coin).</li>
 * </ul>
 * Probabilities are clamped to [1e−6, 1 − 1e−6] so that a model that rules an observed click out
 * (the cascade model after its first click) is penalised heavily instead of scoring minus infinity.
 */
public final class ClickModelEvaluation {
  /** The clamp applied to predicted probabilities. */
  public static final double EPSILON = 1e-6;

  private ClickModelEvaluation() {}

  /** Log-likelihood per session and perplexity per rank and overall. */
  public record Report(String model, int sessions, double logLikelihood, double[] perplexityByRank, double perplexity) {}

  /** Evaluates {@code model} on {@code sessions}, whose pages all have at most {@code ranks} results. */
  public static Report evaluate(FittedClickModel model, List<ClickSession> sessions) {
    int ranks = sessions.stream().mapToInt(ClickSession::size).max().orElse(0);
    double ll = 0;
    double[] log2ByRank = new double[ranks];
    int[] countByRank = new int[ranks];
    for (ClickSession s : sessions) {
      double[] q = model.conditionalClickProbabilities(s);
      for (int r = 0; r < s.size(); r++) {
        double p = Math.min(1 - EPSILON, Math.max(EPSILON, q[r]));
        double observed = s.clicked(r) ? p : 1 - p;
        ll += Math.log(observed);
        log2ByRank[r] += Math.log(observed) / Math.log(2);
        countByRank[r]++;
      }
    }
    double[] perplexity = new double[ranks];
    double mean = 0;
    for (int r = 0; r < ranks; r++) {
      perplexity[r] = Math.pow(2, -log2ByRank[r] / countByRank[r]);
      mean += perplexity[r];
    }
    return new Report(model.name(), sessions.size(), sessions.isEmpty() ? 0 : ll / sessions.size(), perplexity,
        ranks == 0 ? Double.NaN : mean / ranks);
  }
}
