package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * Maximum likelihood for the dependent click model (Guo, Liu and Wang 2009): examination down to the
 * last click gives {@code α_qd = clicks / examinations} as for the simplified DBN; the probability of
 * going on after a click depends on the rank: {@code λ_r = 1 − (sessions whose last click is at r) /
 * (clicks at r)}, both Beta(1, 1) smoothed. Prediction as {@link SimplifiedDbnEstimator} with
 * {@code 1 − σ_qd} replaced by λ of the last clicked rank.
 */
public final class DcmEstimator implements ClickModelEstimator {
  @Override
  public FittedClickModel fit(List<ClickSession> sessions) {
    PairParameters alpha = new PairParameters();
    int ranks = sessions.stream().mapToInt(ClickSession::size).max().orElse(1);
    double[] lastAt = new double[ranks];
    double[] clicksAt = new double[ranks];
    for (ClickSession s : sessions) {
      int last = s.lastClick();
      int examined = last < 0 ? s.size() - 1 : last;
      for (int r = 0; r <= examined; r++) {
        boolean c = s.clicked(r);
        alpha.add(s.query(), s.docs().get(r), c ? 1 : 0, 1);
        if (c) {
          clicksAt[r]++;
          if (r == last) {
            lastAt[r]++;
          }
        }
      }
    }
    double[] lambda = new double[ranks];
    for (int r = 0; r < ranks; r++) {
      lambda[r] = 1 - (lastAt[r] + 1) / (clicksAt[r] + 2);
    }
    return new FittedClickModel() {
      @Override
      public double[] conditionalClickProbabilities(ClickSession s) {
        return ContinuationModels.afterLastClick(s, (q, d) -> alpha.get(q, d), (q, d, r) -> lambda[Math.min(r, lambda.length - 1)]);
      }

      @Override
      public String name() {
        return "dcm";
      }
    };
  }
}
