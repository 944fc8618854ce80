package io.rankstack.ltr.dla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-checked values for DLA's loss and weights, and the aggregation identity. */
class DlaLossTest {
  private static final double[] SCORES = {2, 1, 0};

  @Test
  void unitWeightsLoss() {
    // −log(e / (e² + e + 1))
    assertEquals(1.40761, DlaLoss.softmaxCrossEntropy(SCORES, new double[] {0, 1, 0}, new double[] {1, 1, 1}), 5e-6);
  }

  @Test
  void inversePropensityWeightsAndRankerLoss() {
    double[] ipw = DlaLoss.normalizedInverseWeights(new double[] {0.5, 0.3, 0.2}, 0);
    assertArrayEquals(new double[] {1, 5.0 / 3, 2.5}, ipw, 1e-12);
    assertEquals(1.03261, DlaLoss.softmaxCrossEntropy(SCORES, new double[] {1, 1, 0}, ipw), 5e-6);
  }

  @Test
  void inverseRelevanceWeightsAndPropensityLoss() {
    double[] irw = DlaLoss.normalizedInverseWeights(DlaLoss.softmax(SCORES), 0);
    assertArrayEquals(new double[] {1, 2.71828, 7.38906}, irw, 5e-6);
    double[] logits = {Math.log(0.5), Math.log(0.3), Math.log(0.2)};
    assertEquals(1.06659, DlaLoss.softmaxCrossEntropy(logits, new double[] {1, 1, 0}, irw), 5e-6);
  }

  @Test
  void clippingCapsWeights() {
    double[] irw = DlaLoss.normalizedInverseWeights(DlaLoss.softmax(SCORES), 3);
    assertArrayEquals(new double[] {1, 2.71828, 3}, irw, 5e-6);
  }

  @Test
  void summedClicksOfIdenticalListsGiveTheSessionLoss() {
    SplittableRandom r = new SplittableRandom(3);
    double[] w = {1, 1.4, 2.2, 3.0};
    List<double[]> sessions = new ArrayList<>();
    double[][] listScores = {{0.3, -1.2, 2.0, 0.5}, {1.0, 0.0, -0.5, 0.2}};
    double[][] summed = new double[2][4];
    List<double[]> sessionScores = new ArrayList<>();
    for (int s = 0; s < 50; s++) {
      int list = s % 2;
      double[] c = new double[4];
      for (int k = 0; k < 4; k++) {
        c[k] = r.nextDouble() < 0.3 ? 1 : 0;
        summed[list][k] += c[k];
      }
      sessions.add(c);
      sessionScores.add(listScores[list]);
    }
    double[][] ws = new double[50][];
    java.util.Arrays.fill(ws, w);
    double oneByOne = DlaLoss.softmaxCrossEntropy(sessionScores.toArray(double[][]::new), sessions.toArray(double[][]::new), ws);
    double aggregated = DlaLoss.softmaxCrossEntropy(listScores, summed, new double[][] {w, w});
    assertEquals(oneByOne, aggregated, 1e-12);
  }

  @Test
  void batchWithoutClicksIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> DlaLoss.softmaxCrossEntropy(SCORES, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
  }
}
