package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * Maximum likelihood for the simplified dynamic Bayesian network (Chapelle and Zhang 2009, §5: the
 * DBN with perseverance γ = 1): the user examines down to the last click, so
 * {@code α_qd = clicks / examinations} over ranks 1..last click (all ranks when there is none), and
 * satisfaction {@code σ_qd = (sessions whose last click is this document) / clicks}, both Beta(1, 1)
 * smoothed. Prediction: with no click above r the user examines r; after the last click above at j,
 * {@code P(E_r = 1 | clicks) = (1 − σ_j)Π_{j<i<r}(1 − α_i) / ((1 − σ_j)Π(1 − α_i) + σ_j)}.
 */
public final class SimplifiedDbnEstimator implements ClickModelEstimator {
  @Override
  public FittedClickModel fit(List<ClickSession> sessions) {
    PairParameters alpha = new PairParameters();
    PairParameters sigma = new PairParameters();
    for (ClickSession s : sessions) {
      int last = s.lastClick();
      int examined = last < 0 ? s.size() - 1 : last;
      for (int r = 0; r <= examined; r++) {
        String d = s.docs().get(r);
        boolean c = s.clicked(r);
        alpha.add(s.query(), d, c ? 1 : 0, 1);
        if (c) {
          sigma.add(s.query(), d, r == last ? 1 : 0, 1);
        }
      }
    }
    return new FittedClickModel() {
      @Override
      public double[] conditionalClickProbabilities(ClickSession s) {
        return ContinuationModels.afterLastClick(s, (q, d) -> alpha.get(q, d), (q, d, r) -> 1 - sigma.get(q, d));
      }

      @Override
      public String name() {
        return "sdbn";
      }
    };
  }
}
