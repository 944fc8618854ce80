package io.rankstack.eval.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Properties that tie the estimators to each other and to the truth. A random log here has three
 * actions a0..a2 at one or several positions, logged with per-position probabilities drawn from the
 * seed, and Bernoulli rewards.
 */
class EstimatorPropertiesTest {
  private static final String[] ACTIONS = {"a0", "a1", "a2"};
  private static final RewardModel.Fitter MODEL = PositionActionMeanModel.fitter(1.0);

  /** A logging policy and a log drawn from it. */
  private record Logged(PolicyTable logging, List<LoggedImpression> log) {}

  private static double[] simplex(SplittableRandom rng) {
    double[] p = new double[ACTIONS.length];
    double sum = 0;
    for (int a = 0; a < p.length; a++) {
      p[a] = 0.1 + rng.nextDouble();
      sum += p[a];
    }
    for (int a = 0; a < p.length; a++) {
      p[a] /= sum;
    }
    return p;
  }

  private static PolicyTable table(double[][] probs) {
    PolicyTable.Builder b = new PolicyTable.Builder();
    for (int k = 0; k < probs.length; k++) {
      for (int a = 0; a < ACTIONS.length; a++) {
        b.put("*", k + 1, ACTIONS[a], probs[k][a]);
      }
    }
    return b.build();
  }

  private static int draw(double[] p, SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int a = 0; a < p.length - 1; a++) {
      u -= p[a];
      if (u < 0) {
        return a;
      }
    }
    return p.length - 1;
  }

  private static Logged randomLog(long seed, int impressions, int positions) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] logging = new double[positions][];
    double[][] ctr = new double[positions][ACTIONS.length];
    for (int k = 0; k < positions; k++) {
      logging[k] = simplex(rng);
      for (int a = 0; a < ACTIONS.length; a++) {
        ctr[k][a] = rng.nextDouble();
      }
    }
    List<LoggedImpression> log = new ArrayList<>();
    for (int i = 0; i < impressions; i++) {
      List<LoggedSlot> slots = new ArrayList<>();
      for (int k = 0; k < positions; k++) {
        int a = draw(logging[k], rng);
        slots.add(new LoggedSlot(ACTIONS[a], k + 1, logging[k][a], rng.nextDouble() < ctr[k][a] ? 1 : 0));
      }
      log.add(new LoggedImpression("", slots));
    }
    return new Logged(table(logging), log);
  }

  private static PolicyTable randomTarget(long seed, int positions) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[][] p = new double[positions][];
    for (int k = 0; k < positions; k++) {
      p[k] = simplex(rng);
    }
    return table(p);
  }

  private static double observedMean(List<LoggedImpression> log) {
    double sum = 0;
    int n = 0;
    for (LoggedImpression imp : log) {
      for (LoggedSlot s : imp.slots()) {
        sum += s.reward();
        n++;
      }
    }
    return sum / n;
  }

  @Property(seed = "20261129", tries = 50)
  void snipsAndIpsOfTheLoggingPolicyAreTheObservedMean(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
                                                      @ForAll @IntRange(min = 1, max = 3) int positions) {
    Logged l = randomLog(seed, n, positions);
    double mean = observedMean(l.log());
    assertEquals(mean, new SelfNormalizedIps(l.logging()).estimate(l.log()), 1e-12);
    assertEquals(mean, new InversePropensityScoring(l.logging()).estimate(l.log()), 1e-12);
  }

  @Property(seed = "20261129", tries = 50)
  void snipsIgnoresAConstantScaleOfThePropensities(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
                                                   @ForAll @DoubleRange(min = 0.05, max = 1) double c) {
    Logged l = randomLog(seed, n, 1);
    List<LoggedImpression> scaled = new ArrayList<>();
    for (LoggedImpression imp : l.log()) {
      LoggedSlot s = imp.slots().get(0);
      scaled.add(LoggedImpression.single("", s.action(), 1, s.propensity() * c, s.reward()));
    }
    TargetPolicy target = randomTarget(seed, 1);
    assertEquals(new SelfNormalizedIps(target).estimate(l.log()), new SelfNormalizedIps(target).estimate(scaled), 1e-9);
  }

  @Property(seed = "20261129", tries = 50)
  void switchDrRunsFromDmToDr(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
    Logged l = randomLog(seed, n, 2);
    TargetPolicy target = randomTarget(seed, 2);
    double dr = new DoublyRobust(target, MODEL).estimate(l.log());
    assertEquals(dr, new DoublyRobust(target, MODEL, Double.MAX_VALUE).estimate(l.log()), 1e-12);
    assertEquals(new DirectMethod(target, MODEL).estimate(l.log()), new DoublyRobust(target, MODEL, 0).estimate(l.log()), 1e-12);
  }

  @Property(seed = "20261129", tries = 50)
  void slateEstimatorsOnOnePositionAreTheirSingleActionCounterparts(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 60) int n) {
    Logged l = randomLog(seed, n, 1);
    TargetPolicy target = randomTarget(seed, 1);
    double ips = new InversePropensityScoring(target).estimate(l.log());
    for (SlateIps.Kind kind : SlateIps.Kind.values()) {
      assertEquals(ips, new SlateIps(target, kind).estimate(l.log()), 1e-12, kind.name());
    }
    assertEquals(new DoublyRobust(target, MODEL).estimate(l.log()),
        new CascadeDoublyRobust(target, MODEL).estimate(l.log()), 1e-12);
  }

  @Property(seed = "20261129", tries = 50)
  void independentIpsSumsThePerPositionIps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n) {
    // IIPS = Σ_k (1/n) Σ_i w_ik r_ik = K · (the single-action IPS over all n·K slots) for K = 3
    Logged l = randomLog(seed, n, 3);
    TargetPolicy target = randomTarget(seed, 3);
    assertEquals(3 * new InversePropensityScoring(target).estimate(l.log()),
        new SlateIps(target, SlateIps.Kind.INDEPENDENT).estimate(l.log()), 1e-9);
  }

  /**
   * IPS is unbiased: one log of n = 20,000 uniform-random choices among three actions with click
   * probabilities 0.1, 0.3, 0.6 and target π = (0.2, 0.3, 0.5), whose value is
   * 0.2·0.1 + 0.3·0.3 + 0.5·0.6 = 0.41. Var(w r) = Σ_a π_a² θ_a / p_a − V² = 3 (0.04·0.1 + 0.09·0.3 +
   * 0.25·0.6) − 0.41² = 0.543 − 0.1681 = 0.3749, so the estimate's standard error is
   * sqrt(0.3749 / 20000) = 0.00433 and the tolerance 0.0173 is 4 standard errors (a correct IPS
   * misses it with probability 6e-5 by the normal approximation, which n = 20,000 justifies).
   * DR and SNIPS, consistent with smaller variance here, must meet the same tolerance.
   */
  @Test
  void ipsIsUnbiasedOnASimulatedLog() {
    double[] theta = {0.1, 0.3, 0.6};
    TargetPolicy target = new PolicyTable.Builder().put("*", 1, "a0", 0.2).put("*", 1, "a1", 0.3)
        .put("*", 1, "a2", 0.5).build();
    SplittableRandom rng = new SplittableRandom(20261129L);
    List<LoggedImpression> log = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int a = rng.nextInt(3);
      log.add(LoggedImpression.single("", ACTIONS[a], 1, 1.0 / 3, rng.nextDouble() < theta[a] ? 1 : 0));
    }
    double tol = 4 * Math.sqrt(0.3749 / 20_000);
    assertEquals(0.41, new InversePropensityScoring(target).estimate(log), tol);
    assertEquals(0.41, new SelfNormalizedIps(target).estimate(log), tol);
    assertEquals(0.41, new DoublyRobust(target, MODEL).estimate(log), tol);
    // A different target moves the estimate: the test would notice an estimator that ignores π.
    TargetPolicy other = new PolicyTable.Builder().put("*", 1, "a0", 1.0).build();
    assertTrue(Math.abs(new InversePropensityScoring(other).estimate(log) - 0.1) < 4 * Math.sqrt((3 * 0.1 - 0.01) / 20_000));
  }
}
