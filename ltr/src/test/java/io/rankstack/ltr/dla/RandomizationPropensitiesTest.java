package io.rankstack.ltr.dla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.core.clicks.PositionBasedModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomizationPropensitiesTest {
  @Test
  void ratioOfClickThroughRatesByHand() {
    RandomizationPropensities p = new RandomizationPropensities(3);
    p.add(new boolean[] {true, true, false});
    p.add(new boolean[] {true, false, true});
    p.add(new boolean[] {false, false, false});
    p.add(new boolean[] {true, false, false});
    // CTR = [3/4, 1/4, 1/4]
    assertArrayEquals(new double[] {1, 1.0 / 3, 1.0 / 3}, p.relativePropensities(), 1e-12);
    assertEquals(4, p.sessions());
  }

  @Test
  void positionWithoutClicksCannotBeEstimated() {
    RandomizationPropensities p = new RandomizationPropensities(2);
    p.add(new boolean[] {true, false});
    assertThrows(IllegalStateException.class, p::relativePropensities);
  }

  @Test
  void recoversPbmExaminationUnderRandomisedOrder() {
    PositionBasedModel pbm = PositionBasedModel.dla(1);
    int[] grades = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
    SplittableRandom r = new SplittableRandom(8);
    RandomizationPropensities p = new RandomizationPropensities(10);
    for (int s = 0; s < 100_000; s++) {
      int[] order = RandomizationPropensities.randomOrder(10, r);
      int[] shown = new int[10];
      for (int k = 0; k < 10; k++) {
        shown[k] = grades[order[k]];
      }
      p.add(pbm.sample(shown, r));
    }
    double[] got = p.relativePropensities();
    for (int k = 1; k < 5; k++) {
      double expected = pbm.examination(k) / pbm.examination(0);
      assertEquals(expected, got[k], 0.05 * expected, "rank " + (k + 1));
    }
  }
}
