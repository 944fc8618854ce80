package io.rankstack.ltr.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DecoderPropertiesTest {
  private static final HeldKarpDecoder HELD_KARP = new HeldKarpDecoder();
  private static final CpSatPathDecoder CP_SAT = new CpSatPathDecoder();
  private static final HeuristicPathDecoder HEURISTIC = new HeuristicPathDecoder();

  /** Random matrix with entries in [-5, 5); a third of the time integers, to create ties. */
  static double[][] matrix(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean ints = r.nextInt(3) == 0;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = ints ? r.nextInt(-5, 5) : r.nextDouble(-5, 5);
      }
    }
    return a;
  }

  private static double tol(double[][] a) {
    // CP-SAT's integer rounding tolerance (n - 1) max|A| / 2^30, plus summation noise.
    return 1e-9 + a.length * 5.0 / (1 << 30);
  }

  @Property(tries = 150, seed = "20261129")
  void heldKarpEqualsBruteForce(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
    double[][] a = matrix(n, seed);
    DecodedPath p = HELD_KARP.decode(a);
    assertEquals(BruteForce.bestWeight(a), p.weight(), 1e-9);
    assertEquals(PathWeights.weight(a, p.order()), p.weight(), 0.0);
    assertTrue(p.exact());
  }

  @Property(tries = 60, seed = "20261130")
  void cpSatEqualsBruteForce(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
    double[][] a = matrix(n, seed);
    DecodedPath p = CP_SAT.decode(a);
    assertEquals(BruteForce.bestWeight(a), p.weight(), tol(a));
    assertEquals(PathWeights.weight(a, p.order()), p.weight(), 0.0);
    assertTrue(p.exact());
  }

  @Property(tries = 100, seed = "20261131")
  void exactNeverBelowHeuristic(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
    double[][] a = matrix(n, seed);
    DecodedPath h = HEURISTIC.decode(a);
    DecodedPath e = HELD_KARP.decode(a);
    assertTrue(e.weight() >= h.weight() - 1e-9, e + " < " + h);
    assertEquals(PathWeights.weight(a, h.order()), h.weight(), 1e-9);
    assertTrue(!h.exact());
  }

  @Property(tries = 15, seed = "20261132")
  void cpSatAgreesWithHeldKarpAndBeatsHeuristicAbove8(@ForAll @IntRange(min = 9, max = 14) int n, @ForAll long seed) {
    double[][] a = matrix(n, seed);
    DecodedPath c = CP_SAT.decode(a);
    DecodedPath hk = HELD_KARP.decode(a);
    assertEquals(hk.weight(), c.weight(), tol(a));
    assertTrue(c.weight() >= HEURISTIC.decode(a).weight());
  }
}
