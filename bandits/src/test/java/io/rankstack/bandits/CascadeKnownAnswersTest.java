package io.rankstack.bandits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-checked numbers from the issue and from Kveton et al. (2015). */
class CascadeKnownAnswersTest {
  @Test
  void rewardOfTwoItemsWithAttractionPointTwo() {
    // f = 1 - (1 - 0.2)(1 - 0.2) = 1 - 0.64 = 0.36
    assertEquals(0.36, CascadeModel.reward(0.2, 0.2), 1e-15);
    CascadeModel m = new CascadeModel(new double[] {0.2, 0.2, 0.1}, 2);
    assertEquals(0.36, m.reward(new int[] {0, 1}), 1e-15);
    assertEquals(0.36, m.optimalReward(), 1e-15);
  }

  @Test
  void optimumOfBlb32x8() {
    // the 8 best items have w = 0.2: f* = 1 - 0.8^8 = 1 - 0.16777216 = 0.83222784
    CascadeModel blb = CascadeModel.blb(32, 8, 0.2, 0.15);
    assertEquals(0.8322278, blb.optimalReward(), 1e-7);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, blb.optimalList());
    assertEquals(0.05, blb.attraction(31), 1e-15);
  }

  @Test
  void ucb1Index() {
    // 0.5 + sqrt(1.5 * ln 100 / 10) = 0.5 + sqrt(1.5 * 4.6051702 / 10) = 0.5 + sqrt(0.6907755)
    //   = 0.5 + 0.8311291 = 1.3311291
    assertEquals(1.3311291, CascadeUcb1.index(0.5, 10, 100, 1.5), 1e-7);
  }

  @Test
  void klUcbIndex() {
    // t = 100: ln 100 + 3 ln ln 100 = 4.6051702 + 3 * 1.5271796 = 9.1867090; / T = 0.9186709.
    // KL(0.5 ‖ q) = -0.5 ln(4q(1-q)) = 0.9186709  =>  4q(1-q) = e^-1.8373418 = 0.1592532
    //   =>  q = (1 + sqrt(1 - 0.1592532)) / 2 = 0.9584648
    assertEquals(0.9584648, CascadeKlUcb.index(0.5, 10, 100, 3), 1e-7);
    // t = 1000: ln 1000 + 3 ln ln 1000 = 6.9077553 + 3 * 1.9326447 = 12.7056894; / 100 = 0.1270569;
    // KL(0.2 ‖ 0.4393920) = 0.2 ln(0.2/0.439392) + 0.8 ln(0.8/0.560608) = -0.1574 + 0.2845 = 0.12706
    assertEquals(0.4393920, CascadeKlUcb.index(0.2, 100, 1000, 3), 1e-7);
  }

  @Test
  void klUpperBoundAtTheEnds() {
    // ŵ = 0: KL(0 ‖ q) = -ln(1 - q) = d  =>  q = 1 - e^-d
    assertEquals(1 - Math.exp(-0.3), KlUcb.upperBound(0.0, 0.3), 1e-15);
    assertEquals(1.0, KlUcb.upperBound(1.0, 0.3), 0.0);
    assertEquals(0.4, KlUcb.upperBound(0.4, 0.0), 0.0);
    // huge d: the bound tends to 1 without NaN
    assertEquals(1.0, KlUcb.upperBound(0.3, 1e6), 1e-12);
    // tiny d just above the estimate
    double u = KlUcb.upperBound(0.999999, 1e-9);
    assertTrue(u >= 0.999999 && u <= 1.0);
    assertEquals(0.0, KlUcb.exploration(1, 3), 0.0);
    assertEquals(Math.log(2), KlUcb.exploration(2, 3), 1e-15);
  }

  /** List [a, b, c] with a click on the second item (0-based position 1): a gets 0, b gets 1, c untouched. */
  @Test
  void updateTouchesOnlyObservedItems() {
    int a = 3;
    int b = 0;
    int c = 2;
    int[] list = {a, b, c};
    for (CascadingBandit bandit : new CascadingBandit[] {
        new CascadeUcb1(5, 3), new CascadeKlUcb(5, 3), new CascadeThompson(5, 3, 7)}) {
      bandit.update(list, 1);
      BanditState.Counts s = (BanditState.Counts) bandit.state();
      assertArrayEquals(new long[] {1, 0, 0, 1, 0}, s.pulls(), bandit.getClass().getSimpleName());
      assertArrayEquals(new long[] {1, 0, 0, 0, 0}, s.clicks(), bandit.getClass().getSimpleName());
      assertEquals(1, s.round());
    }
    // CascadeLinUCB with one-hot features, λ = 1: M = I + e_a e_aᵀ + e_b e_bᵀ, b = e_b.
    CascadeLinUcb lin = new CascadeLinUcb(oneHot(5), 3, 1.0, 1.0);
    lin.update(list, 1);
    BanditState.Linear s = lin.state();
    double[] minv = s.gramInverse();
    assertEquals(0.5, minv[a * 5 + a], 1e-15);
    assertEquals(0.5, minv[b * 5 + b], 1e-15);
    assertEquals(1.0, minv[c * 5 + c], 1e-15);
    assertArrayEquals(new double[] {1, 0, 0, 0, 0}, s.b(), 0.0);
    // no click: all three observed as unattractive
    CascadeUcb1 u = new CascadeUcb1(5, 3);
    u.update(list, CascadingBandit.NO_CLICK);
    assertArrayEquals(new long[] {1, 0, 1, 1, 0}, u.state().pulls());
    assertArrayEquals(new long[] {0, 0, 0, 0, 0}, u.state().clicks());
    assertThrows(IllegalArgumentException.class, () -> u.update(list, 3));
    assertThrows(IllegalArgumentException.class, () -> u.update(new int[] {1, 2}, 0));
  }

  @Test
  void linUcbFirstIndexAndOneHotMean() {
    // one-hot, λ = 1, α = 1: U = min(1, S/(1+T) + 1/sqrt(1+T)); item 0 clicked once: 1/2 + 1/sqrt 2 > 1 -> 1
    CascadeLinUcb lin = new CascadeLinUcb(oneHot(4), 2, 1.0, 0.5);
    lin.update(new int[] {1, 0}, 1);
    lin.update(new int[] {1, 0}, 1);
    // item 0: S = 2, T = 2 -> 2/3 + 0.5/sqrt 3 = 0.9553; item 1: 0/3 + 0.2887; items 2, 3: 0 + 0.5
    assertArrayEquals(new int[] {0, 2}, lin.select());
  }

  @Test
  void initialisationShowsUnobservedItemsFirst() {
    CascadeUcb1 u = new CascadeUcb1(6, 2);
    assertArrayEquals(new int[] {0, 1}, u.select());
    u.update(new int[] {0, 1}, CascadingBandit.NO_CLICK);
    assertArrayEquals(new int[] {2, 3}, u.select());
    u.update(new int[] {2, 3}, 0); // 3 stays unobserved
    assertArrayEquals(new int[] {3, 4}, u.select());
  }

  @Test
  void constructorsRejectBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new CascadeUcb1(3, 4));
    assertThrows(IllegalArgumentException.class, () -> new CascadeUcb1(3, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> new CascadeKlUcb(3, 0));
    assertThrows(IllegalArgumentException.class, () -> new CascadeLinUcb(oneHot(3), 2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new CascadeModel(new double[] {1.5}, 1));
    assertThrows(IllegalArgumentException.class, () -> CascadeModel.blb(8, 2, 0.2, 0.3));
  }

  @Test
  void simulatedClickFrequencyMatchesReward() {
    CascadeModel m = new CascadeModel(new double[] {0.2, 0.2, 0.5}, 2);
    SplittableRandom rng = new SplittableRandom(1);
    int clicks = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      clicks += m.click(new int[] {0, 1}, rng) == CascadeModel.NO_CLICK ? 0 : 1;
    }
    assertEquals(0.36, clicks / (double) n, 0.005);
  }

  static double[][] oneHot(int n) {
    double[][] x = new double[n][n];
    for (int i = 0; i < n; i++) {
      x[i][i] = 1;
    }
    return x;
  }
}
