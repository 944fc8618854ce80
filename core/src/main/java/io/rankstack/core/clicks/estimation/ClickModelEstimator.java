package io.rankstack.core.clicks.estimation;

import io.rankstack.core.clicks.ClickSession;
import java.util.List;

/** Estimates a click model's parameters from logged sessions. */
@FunctionalInterface
public interface ClickModelEstimator {
  /** The model fitted to {@code sessions}. */
  FittedClickModel fit(List<ClickSession> sessions);
}
