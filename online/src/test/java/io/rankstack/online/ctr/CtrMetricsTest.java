package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CtrMetricsTest {
  /** Pairs (click, non-click): (0.35 > 0.1) (0.35 < 0.4) (0.8 > 0.1) (0.8 > 0.4) → 3 of 4 = 0.75. */
  @Test
  void aucCountsCorrectlyOrderedPairs() {
    assertEquals(0.75, CtrMetrics.auc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new int[] {0, 0, 1, 1}), 1e-12);
  }

  /** One tie between the click and a non-click counts one half: (1 + 0.5) / 2. */
  @Test
  void aucCountsTiesAsHalf() {
    assertEquals(0.75, CtrMetrics.auc(new float[] {0.5f, 0.5f, 0.2f}, new int[] {1, 0, 0}), 1e-12);
    assertTrue(Double.isNaN(CtrMetrics.auc(new float[] {0.1f, 0.2f}, new int[] {1, 1})));
  }

  /** −(ln 0.9 + ln 0.8) / 2 = 0.164252; a probability of 0 is clipped to 1e-7 (−ln 1e-7 = 16.118). */
  @Test
  void logLossKnownAnswers() {
    assertEquals(0.1642520, CtrMetrics.logLoss(new float[] {0.9f, 0.2f}, new int[] {1, 0}), 1e-6);
    assertEquals(16.1180957, CtrMetrics.logLoss(new float[] {0f}, new int[] {1}), 1e-6);
  }
}
