package io.rankstack.bandits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CascadingBandit} meets; each implementation's test extends this and
 * supplies {@link #create(int, int)}.
 */
abstract class CascadingBanditConformanceTest {
  /** A fresh learner for L items and lists of K. */
  abstract CascadingBandit create(int items, int k);

  /** Restores a learner from a state (LinUCB needs the same features as {@link #create}). */
  CascadingBandit restore(BanditState state, int items) {
    return BanditStates.restore(state, CascadeKnownAnswersTest.oneHot(items));
  }

  @Test
  void selectReturnsKDistinctItemsInRange() {
    CascadingBandit b = create(15, 4);
    CascadeModel m = CascadeModel.blb(15, 4, 0.3, 0.1);
    SplittableRandom rng = new SplittableRandom(1);
    for (int t = 0; t < 200; t++) {
      int[] list = b.select();
      assertEquals(4, list.length);
      boolean[] seen = new boolean[15];
      for (int e : list) {
        assertTrue(e >= 0 && e < 15 && !seen[e], "bad list at round " + t);
        seen[e] = true;
      }
      b.update(list, m.click(list, rng));
      assertEquals(t + 1, b.round());
    }
    assertEquals(15, b.numItems());
    assertEquals(4, b.listSize());
  }

  @Test
  void selectHasNoSideEffect() {
    CascadingBandit b = create(10, 3);
    BanditState before = b.state();
    int[] first = b.select();
    assertArrayEquals(first, b.select());
    assertEquals(before, b.state());
  }

  @Test
  void updateRejectsBadFeedback() {
    CascadingBandit b = create(6, 3);
    assertThrows(IllegalArgumentException.class, () -> b.update(new int[] {0, 1}, 0));
    assertThrows(IllegalArgumentException.class, () -> b.update(new int[] {0, 1, 2}, 3));
    assertThrows(IllegalArgumentException.class, () -> b.update(new int[] {0, 1, 2}, -2));
    assertThrows(IllegalArgumentException.class, () -> b.update(new int[] {0, 1, 6}, 0));
    assertThrows(IllegalArgumentException.class, () -> b.update(new int[] {0, 1, 1}, 0));
    assertEquals(0, b.round());
  }

  @Test
  void stateIsAValueAndRoundTrips() {
    CascadingBandit b = create(12, 3);
    CascadeModel m = CascadeModel.blb(12, 3, 0.3, 0.1);
    SplittableRandom rng = new SplittableRandom(4);
    for (int t = 0; t < 100; t++) {
      int[] list = b.select();
      b.update(list, m.click(list, rng));
    }
    BanditState s = b.state();
    b.update(b.select(), CascadingBandit.NO_CLICK);
    assertTrue(!s.equals(b.state()), "a snapshot must not change with later rounds");
    BanditState decoded = BanditStateCodec.decode(BanditStateCodec.encode(s));
    assertEquals(s, decoded);
    assertEquals(s.hashCode(), decoded.hashCode());
    CascadingBandit r = restore(decoded, 12);
    assertEquals(s, r.state());
  }
}

class CascadeUcb1ConformanceTest extends CascadingBanditConformanceTest {
  @Override
  CascadingBandit create(int items, int k) {
    return new CascadeUcb1(items, k);
  }
}

class CascadeKlUcbConformanceTest extends CascadingBanditConformanceTest {
  @Override
  CascadingBandit create(int items, int k) {
    return new CascadeKlUcb(items, k);
  }
}

class CascadeThompsonConformanceTest extends CascadingBanditConformanceTest {
  @Override
  CascadingBandit create(int items, int k) {
    return new CascadeThompson(items, k, 99);
  }
}

class CascadeLinUcbConformanceTest extends CascadingBanditConformanceTest {
  @Override
  CascadingBandit create(int items, int k) {
    return new CascadeLinUcb(CascadeKnownAnswersTest.oneHot(items), k, 1.0, 0.5);
  }
}
