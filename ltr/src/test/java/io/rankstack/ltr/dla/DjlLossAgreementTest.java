package io.rankstack.ltr.dla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.rankstack.ltr.tsp.TspRankTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL loss graph computes {@link DlaLoss}, and aggregated clicks give the sessions' gradient. */
class DjlLossAgreementTest {
  @BeforeAll
  static void engine() {
    // tiny tensors: one intra-op thread is much faster on a loaded machine (unless the build sets it)
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    TspRankTrainer.configureEngine();
  }

  private static double[] lossAndGradient(float[] scores, float[] target, Shape shape, float[] gradOut) {
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager m = engine.newBaseManager(); GradientCollector gc = engine.newGradientCollector()) {
      NDArray s = DlaTrainer.owned(m, scores, shape);
      s.setRequiresGradient(true);
      double mass = 0;
      for (float t : target) {
        mass += t;
      }
      NDArray loss = DlaTrainer.weightedSoftmaxLoss(s, DlaTrainer.owned(m, target, shape), mass);
      gc.backward(loss);
      float[] g = s.getGradient().toFloatArray();
      System.arraycopy(g, 0, gradOut, 0, g.length);
      return new double[] {loss.getFloat()};
    }
  }

  @Test
  void knownAnswersThroughDjl() {
    float[] g = new float[3];
    assertEquals(1.40761, lossAndGradient(new float[] {2, 1, 0}, new float[] {0, 1, 0}, new Shape(1, 3), g)[0], 1e-5);
    float[] ipwClicks = {1, 5f / 3, 0};
    assertEquals(1.03261, lossAndGradient(new float[] {2, 1, 0}, ipwClicks, new Shape(1, 3), g)[0], 1e-5);
    double[] irw = DlaLoss.normalizedInverseWeights(DlaLoss.softmax(new double[] {2, 1, 0}), 0);
    float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};
    assertEquals(1.06659, lossAndGradient(logits, new float[] {1, (float) irw[1], 0}, new Shape(1, 3), g)[0], 1e-5);
  }

  @Test
  void agreesWithPlainJavaOnABatch() {
    float[] s = {0.3f, -1.2f, 2.0f, 0.5f, 1.0f, 0.0f, -0.5f, 0.2f};
    float[] t = {1, 0, 2.5f, 0, 0, 1.4f, 0, 3};
    float[] g = new float[8];
    double djl = lossAndGradient(s, t, new Shape(2, 4), g)[0];
    double java = DlaLoss.softmaxCrossEntropy(new double[][] {{0.3, -1.2, 2.0, 0.5}, {1.0, 0.0, -0.5, 0.2}},
        new double[][] {{1, 0, 2.5, 0}, {0, 1.4, 0, 3}}, new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}});
    assertEquals(java, djl, 1e-5);
    // gradient of list 1 by hand: (mass_1 softmax(s_1) − t_1) / total mass
    double[] p = DlaLoss.softmax(new double[] {0.3, -1.2, 2.0, 0.5});
    double[] expected = new double[4];
    double[] t1 = {1, 0, 2.5, 0};
    for (int k = 0; k < 4; k++) {
      expected[k] = (3.5 * p[k] - t1[k]) / 7.9;
    }
    for (int k = 0; k < 4; k++) {
      assertEquals(expected[k], g[k], 1e-5);
    }
  }

  @Test
  void aggregatedClicksGiveTheGradientOfTheSessions() {
    // three sessions on the same list: clicks [1,0,1], [0,0,1], [1,1,0] with weights [1, 2, 3]
    float[] s = {0.5f, -0.1f, 0.8f};
    float[] sessions = {1, 0, 3, 0, 0, 3, 1, 2, 0};
    float[] scores3 = new float[9];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(s, 0, scores3, 3 * i, 3);
    }
    float[] gSessions = new float[9];
    double lossSessions = lossAndGradient(scores3, sessions, new Shape(3, 3), gSessions)[0];
    float[] gAggregated = new float[3];
    double lossAggregated = lossAndGradient(s, new float[] {2, 2, 6}, new Shape(1, 3), gAggregated)[0];
    assertEquals(lossSessions, lossAggregated, 1e-6);
    // the shared list's gradient is the sum over its sessions
    float[] summed = new float[3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        summed[k] += gSessions[3 * i + k];
      }
    }
    assertArrayEquals(summed, gAggregated, 1e-6f);
  }
}
