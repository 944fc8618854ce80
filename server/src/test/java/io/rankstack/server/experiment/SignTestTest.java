package io.rankstack.server.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers computed by hand from the binomial distribution with p = 1/2. */
class SignTestTest {
  @Test
  void knownAnswers() {
    assertEquals(2 * 11.0 / 1024, SignTest.pValue(9, 1), 1e-15); // P[X<=1], n=10: (1+10)/1024
    assertEquals(2 * 11.0 / 1024, SignTest.pValue(1, 9), 1e-15);
    assertEquals(1.0, SignTest.pValue(5, 5), 0); // 2 * 638/1024 capped at 1
    assertEquals(1.0, SignTest.pValue(0, 0), 0);
    assertEquals(2.0 / 64, SignTest.pValue(6, 0), 1e-15); // 2 * (1/2)^6
    assertEquals(2 * (1 + 20 + 190) / Math.pow(2, 20), SignTest.pValue(18, 2), 1e-15);
  }

  @Test
  void largeCountsDoNotOverflow() {
    double p = SignTest.pValue(5_300, 4_700);
    // normal approximation with continuity correction: z = (300 - 0.5) / 50 = 5.99, two-sided p ≈ 2.1e-9
    assertEquals(2.1e-9, p, 0.2e-9);
    assertEquals(1.0, SignTest.pValue(50_000, 50_000), 1e-9);
  }

  @Test
  void rejectsNegativeCounts() {
    assertThrows(IllegalArgumentException.class, () -> SignTest.pValue(-1, 2));
  }
}
