package io.rankstack.ltr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearRankerTest {
  @Test
  void recoversAnExactLinearRelation() {
    // grade = 2 * x0 exactly, x1 is constant: standardised x0 has mean 1, sd sqrt(2/3) over {0,1,2},
    // so w0 = cov(z0, y) / var(z0) = 2 * sd(x0) = 2 * 0.8165 = 1.633 (lambda = 0) and w1 = 0.
    LetorDataset d = new LetorDataset("t", 2, List.of(
        new LetorRow("q", 0, new float[] {0, 5}, ""),
        new LetorRow("q", 2, new float[] {1, 5}, ""),
        new LetorRow("q", 4, new float[] {2, 5}, "")));
    LinearRanker r = LinearRanker.train(d, 0);
    assertArrayEquals(new double[] {2 * Math.sqrt(2.0 / 3), 0}, r.weights(), 1e-6);
    assertEquals(0, r.score(new float[] {1, 5}), 1e-9);
    assertEquals(2 * 2, r.score(new float[] {3, 5}) - r.score(new float[] {1, 5}), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> LinearRanker.train(d, -1));
  }
}
