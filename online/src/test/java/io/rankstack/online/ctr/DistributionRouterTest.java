package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DistributionRouterTest {

  /**
   * Hand computation (β = 0.9, one iteration), c1 = (1, 0), c2 = (0, 1), x1 = (2, 0), x2 = (0, 1):
   * s1 = (2, 0) → r1 = (e²/(e²+1), 1/(e²+1)) = (0.880797, 0.119203); s2 = (0, 1) → r2 = (0.268941, 0.731059).
   * ĉ1 = 0.880797·(2, 0) + 0.268941·(0, 1) = (1.761594, 0.268941); 0.9·c1 + 0.1·ĉ1 = (1.0761594, 0.0268941),
   * norm 1.0764954 → c1 = (0.9996879, 0.0249831). ĉ2 = 0.119203·(2, 0) + 0.731059·(0, 1) = (0.238406, 0.731059);
   * 0.9·c2 + 0.1·ĉ2 = (0.0238406, 0.9731059), norm 0.9733979 → c2 = (0.0244921, 0.9997000).
   * Recomputed: r1 = softmax(1.9993757, 0.0489843) = (0.8754893, 0.1245107), r2 = softmax(0.0249831, 0.9997000)
   * = (0.2739413, 0.7260587).
   */
  @Test
  void oneUpdateStepMatchesTheHandComputation() {
    DistributionRouter r = new DistributionRouter(0.9, 1, new double[][] {{1, 0}, {0, 1}});
    Routing out = r.route(new double[][] {{2, 0}, {0, 1}}, true);
    double[][] c = r.centres();
    assertArrayEquals(new double[] {0.9996878748184378, 0.024983053075944808}, c[0], 1e-12);
    assertArrayEquals(new double[] {0.02449212753300077, 0.9997000228513088}, c[1], 1e-12);
    double[][] coef = out.coefficients();
    assertArrayEquals(new double[] {0.8754893240355851, 0.1245106759644149}, coef[0], 1e-12);
    assertArrayEquals(new double[] {0.2739413091324323, 0.7260586908675677}, coef[1], 1e-12);
    assertArrayEquals(new int[] {0, 1}, out.clusters());
  }

  @Test
  void evalModeNeverMovesTheCentres() {
    DistributionRouter r = new DistributionRouter(0.9, 3, new double[][] {{1, 0}, {0, 1}});
    double[][] before = r.centres();
    Routing out = r.route(new double[][] {{2, 0.5}, {0.1, 1}, {3, 3}}, false);
    assertArrayEquals(before[0], r.centres()[0]);
    assertArrayEquals(before[1], r.centres()[1]);
    // eval coefficients are the plain softmax of the dot products
    double e = Math.exp(2 - 0.5);
    assertEquals(e / (e + 1), out.coefficients()[0][0], 1e-12);
    assertArrayEquals(new int[] {0, 1, 0}, out.clusters()); // a tie goes to the lowest index
  }

  @Test
  void aClusterThatReceivesNoSampleKeepsItsCentreExactly() {
    // s = (1000, -1000): r_i2 = e^-2000 underflows to 0, so cluster 2 gets no weight at all.
    DistributionRouter r = new DistributionRouter(0.9, 3, new double[][] {{1, 0}, {-1, 0}});
    r.route(new double[][] {{1000, 0}, {900, 10}}, true);
    assertArrayEquals(new double[] {-1, 0}, r.centres()[1]);
    assertNotEquals(0.0, r.centres()[0][1]);
  }

  @Property(seed = "20261129", tries = 50)
  void centresStayUnitNormAfterEveryUpdate(@ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 12) int dim, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    // one iteration per batch, so the check after each batch is a check after every update
    DistributionRouter r = new DistributionRouter(k, dim, 0.9, 1, seed);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int batch = 0; batch < 8; batch++) {
      double[][] x = new double[n][dim];
      for (double[] row : x) {
        for (int d = 0; d < dim; d++) {
          row[d] = (rng.nextDouble() * 2 - 1) * Math.pow(10, rng.nextInt(-3, 3));
        }
      }
      r.route(x, true);
      for (double[] c : r.centres()) {
        assertEquals(1.0, DistributionRouter.norm(c), 1e-9);
      }
    }
  }

  @Test
  void theSameSeedAndBatchGiveTheSameAssignment() {
    double[][] x = blobs(new SplittableRandom(7), 64, 6, 2.0, 0.5).x;
    DistributionRouter a = new DistributionRouter(4, 6, 0.9, 3, 42);
    DistributionRouter b = new DistributionRouter(4, 6, 0.9, 3, 42);
    assertArrayEquals(a.route(x, true).clusters(), b.route(x, true).clusters());
    assertArrayEquals(a.centres()[3], b.centres()[3]);
    assertArrayEquals(a.route(x, false).clusters(), b.route(x, false).clusters());
  }

  @Test
  void twoSeparatedGaussianBlobsEndInDifferentClustersAndStayThere() {
    SplittableRandom rng = new SplittableRandom(20261129);
    DistributionRouter r = new DistributionRouter(2, 8, 0.9, 3, 3);
    int[] blobCluster = null;
    for (int batch = 0; batch < 30; batch++) {
      Blobs b = blobs(rng, 64, 8, 3.0, 0.3);
      int[] c = r.route(b.x, true).clusters();
      if (batch < 3) {
        continue; // a few batches to settle
      }
      int[] seen = {-1, -1};
      for (int i = 0; i < c.length; i++) {
        int blob = b.blob[i];
        if (seen[blob] < 0) {
          seen[blob] = c[i];
        }
        assertEquals(seen[blob], c[i], "batch " + batch + ": blob " + blob + " split across clusters");
      }
      assertNotEquals(seen[0], seen[1], "batch " + batch + ": both blobs in one cluster");
      if (blobCluster == null) {
        blobCluster = seen;
      }
      assertArrayEquals(blobCluster, seen, "batch " + batch + ": a blob changed cluster");
    }
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new DistributionRouter(2, 2, 1.0, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new DistributionRouter(0.9, 1, new double[][] {{0, 0}}));
  }

  record Blobs(double[][] x, int[] blob) {}

  /** Half the rows around m·e1, half around m·e2, isotropic noise σ; rows interleaved. */
  static Blobs blobs(SplittableRandom rng, int n, int dim, double m, double sigma) {
    double[][] x = new double[n][dim];
    int[] blob = new int[n];
    for (int i = 0; i < n; i++) {
      blob[i] = rng.nextInt(2);
      for (int d = 0; d < dim; d++) {
        x[i][d] = sigma * DistributionRouter.gaussian(rng);
      }
      x[i][blob[i]] += m;
    }
    return new Blobs(x, blob);
  }
}
