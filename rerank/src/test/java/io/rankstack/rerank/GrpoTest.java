package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GrpoTest {
  @Test
  void tiesGetTheMinimumRank() {
    assertArrayEquals(new int[] {1, 1, 3, 4}, Grpo.minRanks(new int[] {8, 8, 5, 3}));
    assertArrayEquals(new int[] {3, 1, 2, 3}, Grpo.minRanks(new int[] {0, 9, 4, 0}));
  }

  @Test
  void advantagesUseTheSampleStandardDeviation() {
    double[] a = Grpo.advantages(new double[] {1, 0, 0.5, 0.5, 1});
    double[] expected = {0.956, -1.434, -0.239, -0.239, 0.956};
    for (int i = 0; i < a.length; i++) {
      assertEquals(expected[i], a[i], 5e-4);
    }
  }

  @Test
  void equalRewardsGiveZeroAdvantage() {
    assertArrayEquals(new double[] {0, 0, 0}, Grpo.advantages(new double[] {0.3, 0.3, 0.3}), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Grpo.advantages(new double[] {1}));
  }

  /**
   * Hand-computed: three documents, G = 2. Flat samples [9, 5 | 7, 2 | 5, 1] rank [1, 3 | 2, 5 | 3, 6];
   * the worst relevant rollout is at rank 3.
   * doc 0 (relevant): 1/1, 1/3. doc 1 (sft 3): 7 at rank 2 intrudes above rank 3 → −penalty/2;
   * 2 at rank 5 → −((2−3)/10)² = −0.01. doc 2 (sft 4): 5 at rank 3 ties the relevant rollout, not
   * above it → −((5−4)/10)² = −0.01; 1 at rank 6 → −((1−4)/10)² = −0.09.
   */
  @Test
  void rewardCasesByHand() {
    int[][] sampled = {{9, 5}, {7, 2}, {5, 1}};
    boolean[] relevant = {true, false, false};
    int[] sft = {8, 3, 4};
    double[][] r = Grpo.rewards(sampled, relevant, sft, new RewardParameters(1, 1, 1, false));
    assertArrayEquals(new double[] {1.0, 1.0 / 3}, r[0], 1e-12);
    assertArrayEquals(new double[] {-0.5, -0.01}, r[1], 1e-12);
    assertArrayEquals(new double[] {-0.01, -0.09}, r[2], 1e-12);
    double[][] weighted = Grpo.rewards(sampled, relevant, sft, new RewardParameters(2, 3, 10, false));
    assertArrayEquals(new double[] {2.0, 2.0 / 3}, weighted[0], 1e-12);
    assertArrayEquals(new double[] {-1.5, -0.1}, weighted[1], 1e-12);
    assertArrayEquals(new double[] {-0.1, -0.9}, weighted[2], 1e-12);
  }

  /**
   * The same samples with ties counted against relevant rollouts (the default): doc 0's 5 ties doc
   * 2's 5, so its rank is 3 + 1 tied non-relevant rollout = 4 → 1/4; doc 2's 5 ties the lowest
   * relevant sample and counts as above it → −penalty / 3. Everything else as in the literal rule.
   */
  @Test
  void tiesCountAgainstRelevantRolloutsByDefault() {
    double[][] r = Grpo.rewards(new int[][] {{9, 5}, {7, 2}, {5, 1}}, new boolean[] {true, false, false},
        new int[] {8, 3, 4}, RewardParameters.defaults());
    assertArrayEquals(new double[] {1.0, 0.25}, r[0], 1e-12);
    assertArrayEquals(new double[] {-0.5, -0.01}, r[1], 1e-12);
    assertArrayEquals(new double[] {-1.0 / 3, -0.09}, r[2], 1e-12);
  }

  /**
   * The collapse found on SciFact: every rollout of every document samples 0 (SFT scores 0). Under
   * the literal min-rank rule that state is optimal: the relevant rollouts are "rank 1" (reward 1,
   * the maximum) and the tied non-relevant ones are not above them (anchor reward 0, the maximum).
   * With ties against the relevant document, it is behind the 4 tied non-relevant rollouts (1/5) and
   * they are penalised (−1/1); a relevant rollout that samples 3 instead is first (1).
   */
  @Test
  void allEqualScoresAreNoLongerOptimal() {
    int[][] allZero = {{0, 0}, {0, 0}, {0, 0}};
    boolean[] relevant = {true, false, false};
    int[] sft = {0, 0, 0};
    double[][] literal = Grpo.rewards(allZero, relevant, sft, new RewardParameters(1, 1, 1, false));
    assertArrayEquals(new double[] {1.0, 1.0}, literal[0], 1e-12);
    assertArrayEquals(new double[] {0.0, 0.0}, literal[1], 1e-12);
    double[][] fixed = Grpo.rewards(allZero, relevant, sft, RewardParameters.defaults());
    assertArrayEquals(new double[] {0.2, 0.2}, fixed[0], 1e-12);
    assertArrayEquals(new double[] {-1.0, -1.0}, fixed[1], 1e-12);
    double[][] oneUp = Grpo.rewards(new int[][] {{0, 3}, {0, 0}, {0, 0}}, relevant, sft, RewardParameters.defaults());
    // 0 ranks 2 (behind the 3) + 4 tied non-relevant rollouts = 6
    assertArrayEquals(new double[] {1.0 / 6, 1.0}, oneUp[0], 1e-12);
    double[] a = Grpo.advantages(oneUp[0]);
    assertTrue(a[1] > 0 && a[0] < 0, "the higher score of the relevant document must get the positive advantage");
  }

  @Test
  void withoutRelevantDocumentsEveryRolloutIsAnchoredToTheSftScore() {
    double[][] r = Grpo.rewards(new int[][] {{10, 6}}, new boolean[] {false}, new int[] {6}, RewardParameters.defaults());
    assertArrayEquals(new double[] {-0.16, 0.0}, r[0], 1e-12);
  }

  @Property(seed = "20261129")
  void advantagesHaveMeanZeroAndSampleStdOne(@ForAll @Size(min = 2, max = 8) double[] rewardsRaw,
                                             @ForAll @DoubleRange(min = 0.5, max = 2) double scale) {
    double[] rewards = rewardsRaw.clone();
    for (int i = 0; i < rewards.length; i++) {
      rewards[i] = Math.max(-1e3, Math.min(1e3, Double.isFinite(rewards[i]) ? rewards[i] : 0)) * scale;
    }
    double[] a = Grpo.advantages(rewards);
    double mean = 0;
    for (double v : a) {
      mean += v;
    }
    mean /= a.length;
    assertEquals(0, mean, 1e-6);
    double ss = 0;
    for (double v : a) {
      ss += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(ss / (a.length - 1));
    boolean constant = java.util.Arrays.stream(rewards).distinct().count() == 1;
    if (!constant && std > 1e-3) {
      assertEquals(1, std, 1e-3);
    }
  }
}
