package io.rankstack.eval.ope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validation protocol of the Open Bandit Dataset paper (Saito et al. 2021, section 5): estimate
 * the Bernoulli Thompson sampling (BTS) policy's click rate from the logs of the uniform-random
 * policy, and compare each estimate with the click rate observed in BTS's own logs of the same
 * campaign and period (the on-policy ground truth).
 *
 * <p>The evaluation policy's action probabilities. The paper computes BTS's action distribution by
 * Monte Carlo from its production Beta posteriors, which the dataset does not ship. BTS as run in
 * production ignores the user context, so its action distribution per position over the test
 * period is what its log shows: {@code π_e(a | k) = N_bts(a, k) / N_bts(k)}, the empirical share of
 * item a among the BTS log's rows at position k ({@link #empiricalPolicy}). This is the
 * time-averaged BTS policy; it is the policy whose click rate the BTS log's mean measures, so
 * estimate and truth refer to the same policy. Its own sampling error (a few hundred rows per item
 * and position) adds to the estimators' error; the report says so.
 *
 * <p>The reverse direction, as the paper also runs it: estimate the uniform-random policy's click
 * rate from the BTS logs, whose rows carry BTS's real, very unequal propensities (down to 1.7e-4),
 * against the random logs' observed click rate. The uniform policy's probabilities are exact:
 * {@code 1 / #items} for every item of the campaign's {@code item_context.csv} at every position
 * ({@link #uniformPolicy}).
 *
 * <p>Reported per estimator: the estimate on the whole log it reads with its bootstrap interval, the
 * relative error {@code |V̂ − V| / V} against the observed on-policy click rate V, whether the interval
 * covers V, and, as in the paper's tables, the mean relative error over the bootstrap resamples.
 */
public final class ObdValidation {
  private ObdValidation() {}

  /** One estimator's outcome. */
  public record Row(Estimate estimate, double relativeError, boolean covers, double meanResampledRelativeError) {}

  /**
   * A campaign's outcome in one direction.
   *
   * @param truth the BTS log's observed click rate with its bootstrap interval
   */
  public record Result(String campaign, int loggedRows, int truthRows, Estimate truth, double maxWeight, List<Row> rows) {}

  /** {@code π(a | k) = 1 / |items|} for every item and every position in {@code positions}. */
  public static PolicyTable uniformPolicy(List<String> items, List<Integer> positions) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a uniform policy needs at least one item");
    }
    PolicyTable.Builder b = new PolicyTable.Builder();
    for (int k : positions) {
      for (String a : items) {
        b.put(PolicyTable.ANY_CONTEXT, k, a, 1.0 / items.size());
      }
    }
    return b.build();
  }

  /** The positions that occur in {@code log}, ascending. */
  public static List<Integer> positions(List<LoggedImpression> log) {
    return log.stream().flatMap(i -> i.slots().stream()).map(LoggedSlot::position).distinct().sorted().toList();
  }

  /** {@code π_e(a | k)}: each item's share of the log's rows at position k, for every position in the log. */
  public static PolicyTable empiricalPolicy(List<LoggedImpression> log) {
    Map<Integer, Map<String, Integer>> counts = new TreeMap<>();
    Map<Integer, Integer> totals = new HashMap<>();
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        counts.computeIfAbsent(s.position(), k -> new TreeMap<>()).merge(s.action(), 1, Integer::sum);
        totals.merge(s.position(), 1, Integer::sum);
      }
    }
    PolicyTable.Builder b = new PolicyTable.Builder();
    counts.forEach((k, byAction) -> byAction.forEach((a, c) ->
        b.put(PolicyTable.ANY_CONTEXT, k, a, c / (double) totals.get(k))));
    return b.build();
  }

  /**
   * Runs the protocol for one campaign in the paper's main direction: BTS estimated from the
   * random log, with {@link #empiricalPolicy} of the BTS log as the evaluation policy.
   *
   * @param random the uniform-random policy's log (the one the estimators read)
   * @param bts    the BTS policy's log (the truth and the evaluation policy)
   * @param kinds  single-action estimator kinds to run
   */
  public static Result run(String campaign, List<LoggedImpression> random, List<LoggedImpression> bts,
                           List<EstimatorKind> kinds, RewardModel.Fitter fitter, double tau, Bootstrap bootstrap) {
    return run(campaign, random, bts, empiricalPolicy(bts), kinds, fitter, tau, bootstrap);
  }

  /**
   * Runs the protocol for one campaign and direction: the estimators read {@code logged} and
   * estimate {@code policy}'s value; the truth is the observed mean of {@code onPolicy}, a log of
   * that policy.
   */
  public static Result run(String campaign, List<LoggedImpression> logged, List<LoggedImpression> onPolicy,
                           TargetPolicy policy, List<EstimatorKind> kinds, RewardModel.Fitter fitter, double tau,
                           Bootstrap bootstrap) {
    Estimate truth = bootstrap.run(new ObservedMean(), onPolicy);
    double v = truth.value();
    double maxWeight = 0;
    for (LoggedImpression imp : logged) {
      for (LoggedSlot s : imp.slots()) {
        maxWeight = Math.max(maxWeight, Weights.of(policy, imp.context(), s));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (EstimatorKind kind : kinds) {
      if (kind.slate()) {
        throw new IllegalArgumentException("the Open Bandit Dataset sample has no whole slates: " + kind.cliName()
            + " does not apply (use dm, ips, snips, dr, switch-dr)");
      }
      Estimator e = kind.create(policy, fitter, tau);
      double[] resampled = bootstrap.resampledEstimates(e, logged);
      Estimate est = bootstrap.summarise(e.name(), e.estimate(logged), resampled, logged.size());
      double sum = 0;
      int defined = 0;
      for (double x : resampled) {
        if (!Double.isNaN(x)) { // SNIPS is undefined on a resample without overlap
          sum += Math.abs(x - v) / v;
          defined++;
        }
      }
      rows.add(new Row(est, Math.abs(est.value() - v) / v, est.covers(v), defined == 0 ? Double.NaN : sum / defined));
    }
    return new Result(campaign, logged.size(), onPolicy.size(), truth, maxWeight, rows);
  }
}
