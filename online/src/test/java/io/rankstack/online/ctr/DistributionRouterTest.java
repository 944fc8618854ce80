package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * The mean update (raw x), same start as above: ĉ_j = Σ_i r_ij x_i / Σ_i r_ij.
   * ĉ1 = (1.761594, 0.268941) / (0.880797 + 0.268941) = (1.532169, 0.233915); 0.9·c1 + 0.1·ĉ1 =
   * (1.0532169, 0.0233915), norm 1.0534766 → c1 = (0.9997535, 0.0222041). ĉ2 = (0.238406, 0.731059) /
   * (0.119203 + 0.731059) = (0.280391, 0.859805); 0.9·c2 + 0.1·ĉ2 = (0.0280391, 0.9859805), norm 0.9863791
   * → c2 = (0.0284263, 0.9995959). The sum update moved c1 by 0.0250 in its second coordinate, the mean
   * update by 0.0222: ĉ has the scale of one example, so β = 0.9 keeps 90 % of the old centre.
   */
  @Test
  void meanUpdateStepMatchesTheHandComputation() {
    DistributionRouter r = new DistributionRouter(0.9, 1, new double[][] {{1, 0}, {0, 1}},
        new RouterUpdate(false, false, true));
    Routing out = r.route(new double[][] {{2, 0}, {0, 1}}, true);
    assertArrayEquals(new double[] {0.9997534579829086, 0.022204126896063204}, r.centres()[0], 1e-12);
    assertArrayEquals(new double[] {0.02842631372781384, 0.9995958906917575}, r.centres()[1], 1e-12);
    assertArrayEquals(new double[] {0.8746434552453439, 0.12535654475465616}, out.coefficients()[0], 1e-12);
    assertArrayEquals(new double[] {0.2734096211812749, 0.7265903788187252}, out.coefficients()[1], 1e-12);
  }

  /**
   * The default update (centred, normalised x, mean update), c1 = (1, 0), c2 = (0, 1), x1 = (3, 1),
   * x2 = (1, 1). First training batch: μ = x̄ = (2, 1); z1 = (1, 0), z2 = (−1, 0) (already unit length).
   * s1 = (1, 0) → r1 = (e/(e+1), 1/(e+1)) = (0.731059, 0.268941); s2 = (−1, 0) → r2 = (0.268941, 0.731059).
   * ĉ1 = (0.731059 − 0.268941, 0) / 1 = (0.462117, 0); 0.9·c1 + 0.1·ĉ1 = (0.946212, 0) → c1 = (1, 0).
   * ĉ2 = (0.268941 − 0.731059, 0) / 1 = (−0.462117, 0); 0.9·c2 + 0.1·ĉ2 = (−0.0462117, 0.9), norm
   * 0.9011856 → c2 = (−0.0512788, 0.9986844). Recomputed: r1 = softmax(1, −0.0512788) = (0.7410204,
   * 0.2589796), r2 = (0.2589796, 0.7410204). The raw x, both in the positive quadrant, would have gone
   * to cluster 0 together (s = (3, 1) and (1, 1)).
   * Eval routing leaves μ alone; the second training batch x = {(4, 1)} moves it by α = 1/2 to (3, 1).
   */
  @Test
  void defaultUpdateStepCentresAndNormalisesXAsHandComputed() {
    DistributionRouter r = new DistributionRouter(0.9, 1, new double[][] {{1, 0}, {0, 1}}, RouterUpdate.DEFAULT);
    Routing out = r.route(new double[][] {{3, 1}, {1, 1}}, true);
    assertArrayEquals(new double[] {2, 1}, r.mean(), 1e-15);
    assertEquals(1, r.meanBatches());
    assertArrayEquals(new double[] {1, 0}, r.centres()[0], 1e-12);
    assertArrayEquals(new double[] {-0.051278798365918976, 0.9986843769871177}, r.centres()[1], 1e-12);
    assertArrayEquals(new double[] {0.7410203879486994, 0.25897961205130055}, out.coefficients()[0], 1e-12);
    assertArrayEquals(new double[] {0.25897961205130055, 0.7410203879486994}, out.coefficients()[1], 1e-12);
    assertArrayEquals(new int[] {0, 1}, out.clusters());

    double[][] centres = r.centres();
    r.route(new double[][] {{100, -7}, {5, 5}}, false);
    assertArrayEquals(new double[] {2, 1}, r.mean());
    assertEquals(1, r.meanBatches());
    assertArrayEquals(centres[1], r.centres()[1]);

    r.route(new double[][] {{4, 1}}, true);
    assertArrayEquals(new double[] {3, 1}, r.mean(), 1e-15);
    assertEquals(2, r.meanBatches());
  }

  @Test
  void routerUpdateParsesWhatItPrints() {
    assertEquals(RouterUpdate.SPECIFIED, RouterUpdate.parse("specified"));
    assertEquals(RouterUpdate.DEFAULT, RouterUpdate.parse("default"));
    assertEquals(RouterUpdate.DEFAULT, RouterUpdate.parse(RouterUpdate.DEFAULT.label()));
    assertEquals(new RouterUpdate(true, false, true), RouterUpdate.parse("mean, centred"));
    for (int b = 0; b < 8; b++) {
      RouterUpdate u = RouterUpdate.ofBits(b);
      assertEquals(u, RouterUpdate.parse(u.label()));
      assertEquals(b, u.bits());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouterUpdate.parse("centered"));
    assertEquals("router update 'centered': expected specified, default or a comma list of centred, normalised, mean;"
        + " got 'centered'", e.getMessage());
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
      @ForAll @LongRange(min = 0, max = 1000) long seed, @ForAll @IntRange(min = 0, max = 7) int updateBits) {
    // one iteration per batch, so the check after each batch is a check after every update
    DistributionRouter r = new DistributionRouter(k, dim, 0.9, 1, seed, RouterUpdate.ofBits(updateBits));
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

  @ParameterizedTest
  @ValueSource(strings = {"specified", "default"})
  void theSameSeedAndBatchGiveTheSameAssignment(String update) {
    double[][] x = blobs(new SplittableRandom(7), 64, 6, 2.0, 0.5).x;
    DistributionRouter a = new DistributionRouter(4, 6, 0.9, 3, 42, RouterUpdate.parse(update));
    DistributionRouter b = new DistributionRouter(4, 6, 0.9, 3, 42, RouterUpdate.parse(update));
    assertArrayEquals(a.route(x, true).clusters(), b.route(x, true).clusters());
    assertArrayEquals(a.centres()[3], b.centres()[3]);
    assertArrayEquals(a.route(x, false).clusters(), b.route(x, false).clusters());
    assertArrayEquals(a.mean(), b.mean());
  }

  @ParameterizedTest
  @ValueSource(strings = {"specified", "default"})
  void twoSeparatedGaussianBlobsEndInDifferentClustersAndStayThere(String update) {
    SplittableRandom rng = new SplittableRandom(20261129);
    DistributionRouter r = new DistributionRouter(2, 8, 0.9, 3, 3, RouterUpdate.parse(update));
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

  /**
   * What collapses the specified update on MovieLens, in miniature: two blobs that share a large
   * common offset (every coordinate + 20, so all x point roughly the same way). After 30 batches of 256
   * the specified update routes 230 of the 256 examples of a fresh batch to one cluster; the default
   * (centred, unit-length x, mean update) puts each blob in its own cluster, without a stray example.
   */
  @Test
  void blobsWithACommonOffsetCollapseUnderTheSpecifiedUpdateButNotTheDefault() {
    int[][] specified = clusterByBlobAfterTraining(RouterUpdate.SPECIFIED);
    int total = 256;
    int largest = Math.max(specified[0][0] + specified[1][0], specified[0][1] + specified[1][1]);
    assertTrue(largest >= 0.85 * total, "specified: largest cluster holds " + largest + " of " + total);

    int[][] fixed = clusterByBlobAfterTraining(RouterUpdate.DEFAULT);
    boolean blob0In0 = fixed[0][1] == 0 && fixed[1][0] == 0;
    boolean blob0In1 = fixed[0][0] == 0 && fixed[1][1] == 0;
    assertTrue(blob0In0 || blob0In1, "default: blob × cluster counts " + java.util.Arrays.deepToString(fixed));
  }

  /** counts[blob][cluster] on a fresh batch routed in eval mode, after 30 training batches. */
  private static int[][] clusterByBlobAfterTraining(RouterUpdate update) {
    SplittableRandom rng = new SplittableRandom(20261129);
    DistributionRouter r = new DistributionRouter(2, 8, 0.9, 3, 3, update);
    for (int batch = 0; batch <= 30; batch++) {
      Blobs b = blobs(rng, 256, 8, 2.0, 0.3);
      for (double[] row : b.x) {
        for (int d = 0; d < row.length; d++) {
          row[d] += 20;
        }
      }
      if (batch < 30) {
        r.route(b.x, true);
      } else {
        int[] c = r.route(b.x, false).clusters();
        int[][] counts = new int[2][2];
        for (int i = 0; i < c.length; i++) {
          counts[b.blob[i]][c[i]]++;
        }
        return counts;
      }
    }
    throw new AssertionError("unreachable");
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
