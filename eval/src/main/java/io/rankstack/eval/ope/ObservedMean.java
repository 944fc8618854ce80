package io.rankstack.eval.ope;

import java.util.List;

/** The on-policy value: the mean logged reward per slot (the ground truth of a log of the target policy itself). */
public final class ObservedMean implements Estimator {
  @Override
  public String name() {
    return "on-policy";
  }

  @Override
  public double estimate(List<LoggedImpression> log) {
    Estimator.requireNonEmpty(log, name());
    double sum = 0;
    long n = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        sum += s.reward();
        n++;
      }
    }
    return sum / n;
  }
}
