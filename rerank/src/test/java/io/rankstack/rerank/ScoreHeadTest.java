package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreHeadTest {
  /** A distribution over 0..10 with {@code p} on {@code s} and the rest spread evenly (each below p). */
  static float[] peaked(int s, float p) {
    float[] d = new float[11];
    java.util.Arrays.fill(d, (1 - p) / 10);
    d[s] = p;
    return d;
  }

  @Test
  void erankScoreIsArgmaxTimesItsProbability() {
    double a = ScoreHead.GRADED.rankingScore(peaked(8, 0.60f));
    double b = ScoreHead.GRADED.rankingScore(peaked(7, 0.95f));
    double c = ScoreHead.GRADED.rankingScore(peaked(10, 0.30f));
    assertEquals(4.8, a, 1e-6);
    assertEquals(6.65, b, 1e-6);
    assertEquals(3.0, c, 1e-6);
    assertTrue(b > a && a > c, "order B > A > C");
  }

  @Test
  void erankScoreIsNotTheExpectation() {
    // P(10) = 0.3, P(9) = 0.29, P(0) = 0.41: argmax is 0 → score 0, although the expectation is 5.61
    float[] d = new float[11];
    d[10] = 0.3f;
    d[9] = 0.29f;
    d[0] = 0.41f;
    assertEquals(0.0, ScoreHead.erankScore(d), 1e-9);
  }

  @Test
  void tiesTakeTheFirstMaximum() {
    float[] d = new float[11];
    d[3] = 0.5f;
    d[6] = 0.5f;
    assertEquals(1.5, ScoreHead.erankScore(d), 1e-6);
  }

  @Test
  void binaryScoreIsProbabilityOfYes() {
    assertEquals(0.7, ScoreHead.BINARY.rankingScore(new float[] {0.3f, 0.7f}), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> ScoreHead.BINARY.rankingScore(new float[11]));
  }
}
