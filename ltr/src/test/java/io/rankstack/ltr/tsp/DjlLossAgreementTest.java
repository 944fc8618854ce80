package io.rankstack.ltr.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The differentiable losses the trainer uses give the known answers of the plain-matrix losses. */
class DjlLossAgreementTest {
  @Test
  void differentiableLossesMatchTheKnownAnswers() {
    TspRankTrainer.configureEngine();
    float[][] a = {{0, 5, 1}, {0, 0, 4}, {3, 0, 0}};
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray arr = m.create(a);
      PathDecoder hk = new HeldKarpDecoder();
      assertEquals(0.0, TspRankTrainer.globalLoss(arr, new int[] {0, 1, 2}, hk, m).getFloat(), 1e-6);
      assertEquals(11.0 / 3, TspRankTrainer.globalLoss(arr, new int[] {2, 1, 0}, hk, m).getFloat(), 1e-6);
      assertEquals(10.0 / 3, TspRankTrainer.globalLoss(arr, new int[] {1, 0, 2}, hk, m).getFloat(), 1e-6);
      // log(1 + e^-4), see LossKnownAnswerTest.localLossByHand
      assertEquals(Math.log1p(Math.exp(-4)), TspRankTrainer.localLoss(arr, new int[] {0, 1, 2}, m).getFloat(), 1e-6);
    }
  }
}
