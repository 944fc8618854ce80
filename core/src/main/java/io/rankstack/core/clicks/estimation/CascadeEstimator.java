package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/**
 * Maximum likelihood for the cascade model (Craswell et al. 2008): the ranks down to the first click
 * are examined, so {@code α_qd = clicks / examinations} over those ranks (Beta(1, 1)-smoothed, see
 * {@code PairParameters}). Clicks below the first are outside the model: it predicts no click after
 * one, which {@link ClickModelEvaluation} penalises through its clamp.
 */
public final class CascadeEstimator implements ClickModelEstimator {
  @Override
  public FittedClickModel fit(List<ClickSession> sessions) {
    PairParameters alpha = new PairParameters();
    for (ClickSession s : sessions) {
      int first = s.firstClick();
      int last = first < 0 ? s.size() - 1 : first;
      for (int r = 0; r <= last; r++) {
        alpha.add(s.query(), s.docs().get(r), r == first ? 1 : 0, 1);
      }
    }
    return new FittedClickModel() {
      @Override
      public double[] conditionalClickProbabilities(ClickSession s) {
        double[] q = new double[s.size()];
        boolean clickedAbove = false;
        for (int r = 0; r < s.size(); r++) {
          q[r] = clickedAbove ? 0 : alpha.get(s.query(), s.docs().get(r));
          clickedAbove |= s.clicked(r);
        }
        return q;
      }

      @Override
      public String name() {
        return "cascade";
      }
    };
  }
}
