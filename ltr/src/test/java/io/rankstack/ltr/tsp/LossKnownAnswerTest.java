package io.rankstack.ltr.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LossKnownAnswerTest {
  static final double[][] A = DecoderKnownAnswerTest.A; // [[0,5,1],[0,0,4],[3,0,0]]

  @Test
  void globalLossIsZeroForTheBestOrder() {
    // Gold 0→1→2, W(g) = 9. Augmented (+1 off the gold edges (0,1),(1,2)):
    // [[.,5,2],[1,.,4],[4,1,.]]: 0→1→2 = 9, 2→0→1 = 4+5 = 9, 1→2→0 = 4+4 = 8, 0→2→1 = 3,
    // 1→0→2 = 3, 2→1→0 = 2. max = 9, loss = (9 - 9)/3 = 0.
    assertEquals(0.0, TspLosses.global(A, new int[] {0, 1, 2}, new HeldKarpDecoder()).loss(), 0.0);
  }

  @Test
  void globalLossForReversedOrder() {
    // Gold 2→1→0, W(g) = A[2][1] + A[1][0] = 0. Augmented: [[.,6,2],[0,.,5],[4,0,.]]
    // (gold edges (2,1),(1,0) keep 0). 0→1→2 = 11 is the max; loss = (11 - 0)/3 = 11/3.
    TspLosses.GlobalLoss g = TspLosses.global(A, new int[] {2, 1, 0}, new HeldKarpDecoder());
    assertEquals(11.0 / 3, g.loss(), 1e-12);
    assertArrayEquals(new int[] {0, 1, 2}, g.augmentedPath());
    assertTrue(g.exact());
  }

  @Test
  void globalLossForOneZeroTwo() {
    // Gold 1→0→2, W(g) = 0 + 1 = 1. Augmented: [[.,6,1],[0,.,5],[4,1,.]]: 0→1→2 = 11 is the max;
    // loss = (11 - 1)/3 = 10/3. Same with CP-SAT.
    assertEquals(10.0 / 3, TspLosses.global(A, new int[] {1, 0, 2}, new HeldKarpDecoder()).loss(), 1e-12);
    assertEquals(10.0 / 3, TspLosses.global(A, new int[] {1, 0, 2}, new CpSatPathDecoder()).loss(), 1e-7);
  }

  @Test
  void localLossByHand() {
    // Gold 0→1→2. Row 0 without the diagonal: {5, 1}, target 5: -log(e^5/(e^5+e^1)) = log(1+e^-4).
    // Row 1: {0, 4}, target 4: log(1+e^-4). Mean of the two rows = log(1 + e^-4) ≈ 0.0181499.
    assertEquals(Math.log1p(Math.exp(-4)), TspLosses.local(A, new int[] {0, 1, 2}), 1e-12);
    // Gold 2→1→0. Row 2: {3, 0}, target A[2][1] = 0: log(1+e^3). Row 1: {0, 4}, target 0: log(1+e^4).
    double expected = (Math.log1p(Math.exp(3)) + Math.log1p(Math.exp(4))) / 2;
    assertEquals(expected, TspLosses.local(A, new int[] {2, 1, 0}), 1e-12);
    assertEquals(0.0, TspLosses.local(new double[][] {{1}}, new int[] {0}), 0.0);
  }

  @Property(tries = 100, seed = "20261201")
  void globalLossIsNonNegativeAndZeroIffGoldWinsByMargin(@ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed) {
    double[][] a = DecoderPropertiesTest.matrix(n, seed);
    int[] gold = BruteForce.permutations(n).get((int) Math.floorMod(seed, (long) Math.min(5040, factorial(n))));
    double loss = TspLosses.global(a, gold, new HeldKarpDecoder()).loss();
    // Brute force over every path p: (max_p W(p) + |p \ E(g)|) - W(g), over n.
    double best = Double.NEGATIVE_INFINITY;
    for (int[] p : BruteForce.permutations(n)) {
      double w = PathWeights.weight(a, p);
      for (int k = 0; k + 1 < n; k++) {
        boolean goldEdge = false;
        for (int t = 0; t + 1 < n; t++) {
          goldEdge |= gold[t] == p[k] && gold[t + 1] == p[k + 1];
        }
        w += goldEdge ? 0 : 1;
      }
      best = Math.max(best, w);
    }
    assertEquals((best - PathWeights.weight(a, gold)) / n, loss, 1e-9);
    assertTrue(loss >= 0);
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}
