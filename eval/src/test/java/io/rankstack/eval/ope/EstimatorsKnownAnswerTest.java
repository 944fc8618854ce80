package io.rankstack.eval.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every estimator on tiny logs whose values are worked out by hand in the comments.
 *
 * <p>Single-action log (one position, context ""): target π(A) = 0.8, π(B) = 0.2.
 * <pre>
 *   row  action  p     r   w = π/p
 *   1    A       0.4   1   2.0
 *   2    A       0.5   1   1.6
 *   3    A       0.5   0   1.6
 *   4    B       0.25  0   0.8
 * </pre>
 * Reward model with prior strength m = 1: μ = 2/4 = 0.5, q̂(A) = (2 + 0.5)/(3 + 1) = 0.625,
 * q̂(B) = (0 + 0.5)/(1 + 1) = 0.25, q̂(π) = 0.8·0.625 + 0.2·0.25 = 0.55.
 */
class EstimatorsKnownAnswerTest {
  private static final double EPS = 1e-12;

  static final TargetPolicy SINGLE_POLICY = new PolicyTable.Builder()
      .put("*", 1, "A", 0.8).put("*", 1, "B", 0.2).build();

  static final List<LoggedImpression> SINGLE_LOG = List.of(
      LoggedImpression.single("", "A", 1, 0.4, 1),
      LoggedImpression.single("", "A", 1, 0.5, 1),
      LoggedImpression.single("", "A", 1, 0.5, 0),
      LoggedImpression.single("", "B", 1, 0.25, 0));

  private static final RewardModel.Fitter PRIOR_ONE = PositionActionMeanModel.fitter(1.0);

  @Test
  void rewardModelShrinksCellMeansTowardsThePositionMean() {
    RewardModel q = PRIOR_ONE.fit(SINGLE_LOG);
    assertEquals(0.625, q.predict("", 1, "A"), EPS);
    assertEquals(0.25, q.predict("", 1, "B"), EPS);
    assertEquals(0.5, q.predict("", 1, "never-logged"), EPS, "unseen action: the position mean");
    assertEquals(0.5, q.predict("", 7, "A"), EPS, "unseen position: the overall mean");
  }

  @Test
  void directMethod() {
    // (1/4) Σ q̂(π) = 0.55
    assertEquals(0.55, new DirectMethod(SINGLE_POLICY, PRIOR_ONE).estimate(SINGLE_LOG), EPS);
  }

  @Test
  void ips() {
    // (2.0·1 + 1.6·1 + 1.6·0 + 0.8·0) / 4 = 3.6 / 4 = 0.9
    assertEquals(0.9, new InversePropensityScoring(SINGLE_POLICY).estimate(SINGLE_LOG), EPS);
  }

  @Test
  void snips() {
    // 3.6 / (2.0 + 1.6 + 1.6 + 0.8) = 3.6 / 6.0 = 0.6
    assertEquals(0.6, new SelfNormalizedIps(SINGLE_POLICY).estimate(SINGLE_LOG), EPS);
  }

  @Test
  void doublyRobust() {
    // row terms q̂(π) + w (r − q̂(a)):
    //   1: 0.55 + 2.0 (1 − 0.625) = 1.30
    //   2: 0.55 + 1.6 (1 − 0.625) = 1.15
    //   3: 0.55 + 1.6 (0 − 0.625) = −0.45
    //   4: 0.55 + 0.8 (0 − 0.25)  = 0.35
    // mean = 2.35 / 4 = 0.5875
    assertEquals(0.5875, new DoublyRobust(SINGLE_POLICY, PRIOR_ONE).estimate(SINGLE_LOG), EPS);
  }

  @Test
  void switchDoublyRobust() {
    // τ = 1.8 drops row 1's correction (w = 2.0 > τ): (0.55 + 1.15 − 0.45 + 0.35) / 4 = 1.6 / 4 = 0.4
    DoublyRobust sw = new DoublyRobust(SINGLE_POLICY, PRIOR_ONE, 1.8);
    assertEquals("Switch-DR", sw.name());
    assertEquals(0.4, sw.estimate(SINGLE_LOG), EPS);
    // τ = 1.6 keeps w = 1.6 (the rule is w ≤ τ): same as τ = 1.8
    assertEquals(0.4, new DoublyRobust(SINGLE_POLICY, PRIOR_ONE, 1.6).estimate(SINGLE_LOG), EPS);
  }

  /*
   * Slate log, two positions, target π(·|1) = {A 0.8, B 0.2}, π(·|2) = {B 0.6, C 0.4}:
   *   impression 1: pos 1 A p 0.5 r 1 (w 1.6); pos 2 B p 0.5  r 0 (w 1.2)
   *   impression 2: pos 1 B p 0.5 r 0 (w 0.4); pos 2 C p 0.25 r 1 (w 1.6)
   */
  static final TargetPolicy SLATE_POLICY = new PolicyTable.Builder()
      .put("*", 1, "A", 0.8).put("*", 1, "B", 0.2)
      .put("*", 2, "B", 0.6).put("*", 2, "C", 0.4).build();

  static final List<LoggedImpression> SLATE_LOG = List.of(
      new LoggedImpression("u", List.of(new LoggedSlot("B", 2, 0.5, 0), new LoggedSlot("A", 1, 0.5, 1))),
      new LoggedImpression("v", List.of(new LoggedSlot("B", 1, 0.5, 0), new LoggedSlot("C", 2, 0.25, 1))));

  @Test
  void standardSlateIps() {
    // slate weights 1.6·1.2 = 1.92 and 0.4·1.6 = 0.64; (1.92·(1+0) + 0.64·(0+1)) / 2 = 2.56 / 2 = 1.28
    assertEquals(1.28, new SlateIps(SLATE_POLICY, SlateIps.Kind.STANDARD).estimate(SLATE_LOG), EPS);
  }

  @Test
  void independentIps() {
    // (1.6·1 + 1.2·0) + (0.4·0 + 1.6·1) = 3.2; / 2 = 1.6
    assertEquals(1.6, new SlateIps(SLATE_POLICY, SlateIps.Kind.INDEPENDENT).estimate(SLATE_LOG), EPS);
  }

  @Test
  void rewardInteractionIps() {
    // prefix weights: imp 1: 1.6, 1.92; imp 2: 0.4, 0.64
    // (1.6·1 + 1.92·0) + (0.4·0 + 0.64·1) = 2.24; / 2 = 1.12
    assertEquals(1.12, new SlateIps(SLATE_POLICY, SlateIps.Kind.REWARD_INTERACTION).estimate(SLATE_LOG), EPS);
  }

  @Test
  void cascadeDoublyRobust() {
    // model, m = 1: μ1 = 0.5, q̂1(A) = (1 + 0.5)/2 = 0.75, q̂1(B) = (0 + 0.5)/2 = 0.25;
    //               μ2 = 0.5, q̂2(B) = 0.25, q̂2(C) = 0.75;
    // q̂1(π) = 0.8·0.75 + 0.2·0.25 = 0.65; q̂2(π) = 0.6·0.25 + 0.4·0.75 = 0.45
    // imp 1: k1: 1.6 (1 − 0.75) + 1·0.65 = 1.05;  k2: 1.92 (0 − 0.25) + 1.6·0.45 = 0.24  → 1.29
    // imp 2: k1: 0.4 (0 − 0.25) + 1·0.65 = 0.55;  k2: 0.64 (1 − 0.75) + 0.4·0.45 = 0.34  → 0.89
    // (1.29 + 0.89) / 2 = 1.09
    assertEquals(1.09, new CascadeDoublyRobust(SLATE_POLICY, PRIOR_ONE).estimate(SLATE_LOG), EPS);
  }

  @Test
  void cascadeDoublyRobustWithAnExactModelIsTheModelsValueAlongTheWeights() {
    // m = 0: q̂1(A) = 1, q̂1(B) = 0, q̂2(B) = 0, q̂2(C) = 1, residuals all 0;
    // q̂1(π) = 0.8, q̂2(π) = 0.4; imp 1: 0.8 + 1.6·0.4 = 1.44; imp 2: 0.8 + 0.4·0.4 = 0.96; mean 1.2
    assertEquals(1.2, new CascadeDoublyRobust(SLATE_POLICY, PositionActionMeanModel.fitter(0)).estimate(SLATE_LOG), EPS);
  }

  @Test
  void snipsWithoutOverlapIsUndefined() {
    TargetPolicy onlyC = new PolicyTable.Builder().put("*", 1, "C", 1.0).build();
    assertEquals(Double.NaN, new SelfNormalizedIps(onlyC).estimate(SINGLE_LOG));
    assertEquals(0.0, new InversePropensityScoring(onlyC).estimate(SINGLE_LOG), EPS);
  }

  @Test
  void emptyLogsAndBadParametersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new InversePropensityScoring(SINGLE_POLICY).estimate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new DoublyRobust(SINGLE_POLICY, PRIOR_ONE, -1));
    assertThrows(IllegalArgumentException.class, () -> PositionActionMeanModel.fitter(-0.5));
    assertThrows(IllegalArgumentException.class, () -> new LoggedSlot("A", 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PolicyTable.Builder().put("*", 1, "A", 0.5).build());
    assertThrows(IllegalArgumentException.class, () -> SLATE_POLICY.distribution("u", 3));
  }
}
