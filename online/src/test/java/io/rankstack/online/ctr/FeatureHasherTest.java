package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureHasherTest {
  /**
   * Golden values, recomputed independently (Python: FNV-1a 64 over the UTF-8 bytes, plus
   * 0x9E3779B97F4A7C15·(field + 1), SplitMix64 finaliser, unsigned mod): a saved model must find
   * the same rows in every JVM and release.
   */
  @Test
  void bucketsMatchTheIndependentlyComputedValues() {
    assertEquals(32560, FeatureHasher.bucket(0, "", 32768));
    assertEquals(4886, FeatureHasher.bucket(1, "", 32768));
    assertEquals(27270, FeatureHasher.bucket(0, "user42", 32768));
    assertEquals(411, FeatureHasher.bucket(2, "é", 1000));
  }

  @Test
  void rejectsNonPositiveBuckets() {
    assertThrows(IllegalArgumentException.class, () -> FeatureHasher.bucket(0, "a", 0));
  }
}
