package io.rankstack.ltr.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderKnownAnswerTest {
  /**
   * A = [[0,5,1],[0,0,4],[3,0,0]]. The six paths, by hand:
   * 0→1→2 = 5+4 = 9, 0→2→1 = 1+0 = 1, 1→0→2 = 0+1 = 1, 1→2→0 = 4+3 = 7, 2→0→1 = 3+5 = 8,
   * 2→1→0 = 0+0 = 0. Best 0→1→2 (9), next best 2→0→1 (8).
   */
  static final double[][] A = {{0, 5, 1}, {0, 0, 4}, {3, 0, 0}};

  @Test
  void exactDecodersFindTheHandCheckedBestPath() {
    for (PathDecoder d : List.of(new HeldKarpDecoder(), new CpSatPathDecoder(), new ExactPathDecoder())) {
      DecodedPath p = d.decode(A);
      assertArrayEquals(new int[] {0, 1, 2}, p.order(), d.name());
      assertEquals(9.0, p.weight(), 0.0, d.name());
      assertTrue(p.exact(), d.name());
    }
  }

  @Test
  void heuristicFindsItTooButIsLabelledNotExact() {
    DecodedPath p = new HeuristicPathDecoder().decode(A);
    assertArrayEquals(new int[] {0, 1, 2}, p.order());
    assertEquals(9.0, p.weight(), 0.0);
    assertFalse(p.exact());
  }

  @Test
  void secondBestIsEightByBruteForce() {
    double best = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int[] p : BruteForce.permutations(3)) {
      double w = PathWeights.weight(A, p);
      if (w > best) {
        second = best;
        best = w;
      } else if (w > second) {
        second = w;
      }
    }
    assertEquals(9.0, best);
    assertEquals(8.0, second);
    assertEquals(8.0, PathWeights.weight(A, new int[] {2, 0, 1}));
  }

  @Test
  void singleItemAndTwoItems() {
    for (PathDecoder d : List.of(new HeldKarpDecoder(), new CpSatPathDecoder(), new HeuristicPathDecoder())) {
      assertArrayEquals(new int[] {0}, d.decode(new double[][] {{7}}).order());
      // 1→0 scores 2 > 0→1 scores -1.
      DecodedPath p = d.decode(new double[][] {{0, -1}, {2, 0}});
      assertArrayEquals(new int[] {1, 0}, p.order(), d.name());
      assertEquals(2.0, p.weight(), 0.0);
    }
  }

  @Test
  void heuristicTwoOptHandlesAsymmetricReversal() {
    // Only the path 3→2→1→0 scores: every backward edge is 1, every forward edge 0. Greedy from 0
    // gets stuck with forward edges; local search must reverse the whole path (weight 3).
    double[][] a = new double[4][4];
    for (int i = 1; i < 4; i++) {
      a[i][i - 1] = 1;
    }
    DecodedPath p = new HeuristicPathDecoder().decode(a);
    assertEquals(3.0, p.weight(), 0.0);
    assertArrayEquals(new int[] {3, 2, 1, 0}, p.order());
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> new HeldKarpDecoder(0));
    assertThrows(IllegalArgumentException.class, () -> new HeldKarpDecoder(21));
    assertThrows(IllegalArgumentException.class, () -> new CpSatPathDecoder(30, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new CpSatPathDecoder(30, 1, 1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new HeuristicPathDecoder(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new HeldKarpDecoder().decode(new double[17][17]));
    assertThrows(IllegalArgumentException.class, () -> new HeldKarpDecoder().decode(new double[][] {{0, 1}}));
    assertThrows(IllegalArgumentException.class,
        () -> new HeldKarpDecoder().decode(new double[][] {{0, Double.NaN}, {0, 0}}));
    assertThrows(IllegalArgumentException.class, () -> new DecodedPath(new int[] {0, 0}, 1, true));
  }

  @Test
  void cpSatScaleMapsTheLargestEntryTo2To30() {
    // max off-diagonal |A| is 5 (the diagonal is ignored), so S = 2^30 / 5.
    assertEquals((1 << 30) / 5.0, CpSatPathDecoder.scale(A), 0.0);
    assertEquals(1.0, CpSatPathDecoder.scale(new double[][] {{9, 0}, {0, 9}}), 0.0);
  }
}
