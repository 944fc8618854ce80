package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HybridScoresTest {
  @Test
  void fusesPerQueryZScores() {
    // first stage [1, 2, 3]: mean 2, population std sqrt(2/3) → z = [-1.2247, 0, 1.2247]
    // reranker [10, 0, 5]: mean 5, std sqrt(50/3) = 4.0825 → z = [1.2247, -1.2247, 0]
    double[] f = HybridScores.fuse(new double[] {1, 2, 3}, new double[] {10, 0, 5}, 0.2);
    double z = Math.sqrt(1.5);
    assertArrayEquals(new double[] {0.2 * -z + 0.8 * z, 0.8 * -z, 0.2 * z}, f, 1e-9);
  }

  @Test
  void zeroVarianceContributesNothing() {
    double[] f = HybridScores.fuse(new double[] {4, 4, 4}, new double[] {1, 3, 2}, 0.2);
    double[] z = HybridScores.zScores(new double[] {1, 3, 2});
    assertArrayEquals(new double[] {0.8 * z[0], 0.8 * z[1], 0.8 * z[2]}, f, 1e-12);
    assertArrayEquals(new double[] {0, 0}, HybridScores.fuse(new double[] {1, 1}, new double[] {2, 2}, 0.2), 0);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> HybridScores.fuse(new double[] {1}, new double[] {1, 2}, 0.2));
    assertThrows(IllegalArgumentException.class, () -> HybridScores.fuse(new double[] {1}, new double[] {1}, 1.5));
    assertThrows(IllegalArgumentException.class, () -> HybridScores.zScores(new double[] {Double.NaN}));
  }
}
