package io.rankstack.bandits.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BestPermTest {
  @Test
  void knownAnswer() {
    double[] q = {0.9, 0.5, 0.3, 0.6, 0.2};
    double[] w = {0.2, 1.0, 0.8, 0.5, 0.9};
    // item 0 (w = 0.2 <= w(⊥) = 0.3) is dropped; by w: 1 (1.0), 4 (0.9), 2 (0.8), 3 (0.5).
    // (1, 4, 2): 0.5·1.0 + 0.5·(0.2·0.9 + 0.8·(0.3·0.8 + 0.7·0.3)) = 0.5 + 0.5·(0.18 + 0.8·0.45) = 0.77
    // (1, 2, 3) would give 0.5 + 0.5·(0.24 + 0.7·(0.3 + 0.4·0.3)) = 0.767
    BestPerm.Result r = new BestPerm(3).solve(q, w, 0.3);
    assertEquals(0.77, r.value(), 1e-12);
    assertArrayEquals(new int[] {1, 4, 2}, r.list());
    assertEquals(0.77, BestPerm.value(q, w, 0.3, r.list()), 1e-12);
    assertEquals(0.77, new BestPerm(3).bruteForce(q, w, 0.3).value(), 1e-12);
  }

  @Test
  void noItemBeatsBottom() {
    double[] q = {0.5, 0.9};
    double[] w = {0.2, 0.1};
    BestPerm.Result empty = new BestPerm(2).solve(q, w, 0.3);
    assertEquals(0, empty.list().length);
    assertEquals(0.3, empty.value(), 0.0);
    // forced: 0.5·0.2 + 0.5·0.3 = 0.25 beats 0.9·0.1 + 0.1·0.3 = 0.12
    BestPerm forced = new BestPerm(2, BestPerm.WhenNoneBeatsBottom.BEST_SINGLE_ITEM);
    BestPerm.Result one = forced.solve(q, w, 0.3);
    assertArrayEquals(new int[] {0}, one.list());
    assertEquals(0.25, one.value(), 1e-15);
    assertEquals(0.25, forced.bruteForce(q, w, 0.3).value(), 1e-15);
  }

  @Property(seed = "20261129", tries = 400)
  void equalsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n,
                        @ForAll @IntRange(min = 1, max = 4) int m, @ForAll boolean forceOne) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] q = new double[n];
    double[] w = new double[n];
    for (int a = 0; a < n; a++) {
      q[a] = rng.nextInt(4) == 0 ? rng.nextInt(2) : rng.nextDouble();
      w[a] = rng.nextInt(5) == 0 ? 0.5 : rng.nextDouble() * 3;
    }
    double wb = rng.nextDouble() * 2;
    BestPerm bp = new BestPerm(m, forceOne ? BestPerm.WhenNoneBeatsBottom.BEST_SINGLE_ITEM : BestPerm.WhenNoneBeatsBottom.EMPTY_LIST);
    BestPerm.Result fast = bp.solve(q, w, wb);
    BestPerm.Result brute = bp.bruteForce(q, w, wb);
    assertEquals(brute.value(), fast.value(), 1e-12);
    assertEquals(fast.value(), BestPerm.value(q, w, wb, fast.list()), 1e-12);
    assertEquals(true, fast.list().length <= m);
  }
}
