package io.rankstack.core.clicks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers computed by hand (in comments), and every model's sampler against its exact marginals. */
class ClickModelsTest {
  private static final double EPS = 1e-12;
  private static final AttractionScale A = AttractionScale.DEFAULT;

  @Test
  void attractionScaleOfTheDlaPaper() {
    // 0.1 + 0.9 * (2^y - 1) / 15
    assertArrayEquals(new double[] {0.1, 0.16, 0.28, 0.52, 1.0}, A.toArray(), EPS);
    assertEquals(0.1, A.probability(-3), EPS);
    assertEquals(1.0, A.probability(7), EPS);
  }

  @Test
  void pbmExaminationAtEtaTwo() {
    PositionBasedModel pbm = PositionBasedModel.dla(2);
    double[] expected = {0.4624, 0.3721, 0.2304, 0.1156, 0.0784, 0.04, 0.0121, 0.01, 0.0064, 0.0036};
    for (int k = 0; k < 10; k++) {
      assertEquals(expected[k], pbm.examination(k), 1e-12);
    }
    assertEquals(0.0036, pbm.examination(25), 1e-12);
    // rank 1 grade 4: 0.4624 * 1.0; rank 2 grade 0: 0.3721 * 0.1; rank 3 grade 2: 0.2304 * 0.28
    assertArrayEquals(new double[] {0.4624, 0.3721 * 0.1, 0.2304 * 0.28},
        pbm.clickProbabilities(new int[] {4, 0, 2}), EPS);
  }

  @Test
  void cascadeByHand() {
    // grades 1, 3, 4: 0.16; 0.84*0.52 = 0.4368; 0.84*0.48*1.0 = 0.4032
    assertArrayEquals(new double[] {0.16, 0.4368, 0.4032}, new CascadeModel(A).clickProbabilities(new int[] {1, 3, 4}), 1e-12);
  }

  @Test
  void dcmByHand() {
    // grades 4, 0 with lambda 0.5: P(C1) = 1; P(E2) = 1 - 1 + 1*0.5 = 0.5; P(C2) = 0.5*0.1
    double[] p = new DependentClickModel(A, new double[] {0.5}).clickProbabilities(new int[] {4, 0});
    assertArrayEquals(new double[] {1.0, 0.05}, p, EPS);
  }

  @Test
  void dbnByHand() {
    // gamma 0.9, satisfaction 0.5 for all: grades 3, 2: P(C1) = 0.52; P(E2) = 0.9*(1 - 0.52*0.5) = 0.666; P(C2) = 0.666*0.28
    AttractionScale half = AttractionScale.of(0.5, 0.5, 0.5, 0.5, 0.5);
    double[] p = new DynamicBayesianNetworkModel(A, half, 0.9).clickProbabilities(new int[] {3, 2});
    assertArrayEquals(new double[] {0.52, 0.666 * 0.28}, p, 1e-12);
  }

  @Test
  void ubmByHand() {
    UserBrowsingModel ubm = UserBrowsingModel.ultra(1, A);
    assertEquals(0.95, ubm.examination(2, -1), EPS); // no click: the diagonal
    assertEquals(0.62, ubm.examination(2, 0), EPS); // last click at rank 1: distance 2
    assertEquals(0.43, ubm.examination(12, -1), EPS); // past the table, no click
    assertEquals(1.0, ubm.examination(12, 11), EPS); // past the table, distance 1
    // grades 4, 2: P(C1) = 1.0 * 1.0 = 1; P(C2) = P(C1) * gamma(1, d=1) * 0.28 = 0.98 * 0.28
    assertArrayEquals(new double[] {1.0, 0.98 * 0.28}, ubm.clickProbabilities(new int[] {4, 2}), EPS);
    // grades 0, 0, 0: C1 = 0.1; rank 3 sees last click at 1 (0.1*(1-0.098)), at 2 (0.9*0.1), none (0.9*0.9)
    double c1 = 0.1;
    double c2 = c1 * 0.98 * 0.1 + 0.9 * 1.0 * 0.1;
    double lastAt1 = c1 * (1 - 0.98 * 0.1);
    double lastAt2 = c2;
    double none = 0.9 * 0.9;
    double c3 = (lastAt1 * 0.62 + lastAt2 * 1.0 + none * 0.95) * 0.1;
    assertArrayEquals(new double[] {c1, c2, c3}, ubm.clickProbabilities(new int[] {0, 0, 0}), 1e-12);
  }

  @Test
  void trustBiasByHand() {
    TrustBiasModel trust = new TrustBiasModel(PositionBasedModel.dla(1), A, 0.65);
    // rank 1, grade 4: 0.68 * (1*0.98 + 0*0.65); rank 2, grade 0: 0.61 * (0.1*0.97 + 0.9*0.325)
    double[] p = trust.clickProbabilities(new int[] {4, 0});
    assertArrayEquals(new double[] {0.68 * 0.98, 0.61 * (0.1 * 0.97 + 0.9 * 0.325)}, p, EPS);
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new AttractionScale(0.5, 0.2, 4));
    assertThrows(IllegalArgumentException.class, () -> new PositionBasedModel(new double[] {1.2}, 1, A));
    assertThrows(IllegalArgumentException.class, () -> PositionBasedModel.dla(-1));
    assertThrows(IllegalArgumentException.class, () -> new UserBrowsingModel(new double[][] {{1.0, 1.0}}, A));
    assertThrows(IllegalArgumentException.class, () -> new ClickMatrixModel(new double[][] {{0.5}, {0.5, 0.1}}));
  }

  @Test
  void samplersAgreeWithExactMarginals() {
    int[] grades = {0, 3, 1, 4, 0, 2, 0, 1, 0, 3, 2, 0};
    List<ClickModel> models = List.of(
        PositionBasedModel.dla(1),
        new CascadeModel(A),
        new DependentClickModel(A, new double[] {0.9, 0.8, 0.7, 0.6}),
        new DynamicBayesianNetworkModel(A, AttractionScale.of(0.2, 0.3, 0.5, 0.7, 0.9), 0.85),
        UserBrowsingModel.ultra(1, A),
        new TrustBiasModel(PositionBasedModel.dla(1), A, 0.65),
        new ClickMatrixModel(new double[][] {{0.3, 0.2, 0.1}, {0.5, 0.4, 0.3}, {0.6, 0.5, 0.4}, {0.7, 0.6, 0.5}, {0.9, 0.8, 0.7}}));
    int sessions = 200_000;
    for (ClickModel m : models) {
      SplittableRandom random = new SplittableRandom(20261129);
      long[] counts = new long[grades.length];
      for (int s = 0; s < sessions; s++) {
        boolean[] c = m.sample(grades, random);
        for (int k = 0; k < c.length; k++) {
          if (c[k]) {
            counts[k]++;
          }
        }
      }
      double[] exact = m.clickProbabilities(grades);
      for (int k = 0; k < grades.length; k++) {
        double observed = (double) counts[k] / sessions;
        double sd = Math.sqrt(exact[k] * (1 - exact[k]) / sessions);
        assertTrue(Math.abs(observed - exact[k]) <= 5 * sd + 1e-9,
            m.name() + " rank " + (k + 1) + ": observed " + observed + ", exact " + exact[k]);
      }
    }
  }
}
