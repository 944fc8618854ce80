package io.rankstack.bandits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Learning behaviour, lazy KL-UCB exactness, and state round trips. */
class CascadeLearningTest {
  /** The lazily evaluated KL-UCB list equals the list from exact indices of every item. */
  @Property(seed = "20261129", tries = 30)
  void lazyKlUcbSelectsTheExactTopK(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int items,
                                    @ForAll @IntRange(min = 1, max = 6) int k) {
    int listSize = Math.min(k, items);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] w = new double[items];
    for (int e = 0; e < items; e++) {
      w[e] = rng.nextDouble() * 0.5;
    }
    CascadeModel model = new CascadeModel(w, listSize);
    CascadeKlUcb bandit = new CascadeKlUcb(items, listSize);
    for (int t = 1; t <= 400; t++) {
      int[] list = bandit.select();
      BanditState.Counts s = bandit.state();
      double[] exact = new double[items];
      for (int e = 0; e < items; e++) {
        long n = s.pulls()[e];
        exact[e] = n == 0 ? Double.POSITIVE_INFINITY : CascadeKlUcb.index((double) s.clicks()[e] / n, n, t, 3);
      }
      int[] expected = TopK.indicesOfLargest(exact, listSize);
      for (int i = 0; i < listSize; i++) {
        // equal up to ties within the root tolerance
        assertEquals(exact[expected[i]], exact[list[i]], 1e-9, "round " + t + ": " + Arrays.toString(list) + " vs " + Arrays.toString(expected));
      }
      bandit.update(list, model.click(list, rng));
    }
  }

  @Test
  void everyLearnerBeatsARandomListOnSmallBlb() {
    CascadeModel blb = CascadeModel.blb(12, 3, 0.3, 0.2);
    int rounds = 4000;
    // a uniformly random list has expected regret per round of about f* - f(random) > 0.1
    double randomRegretPerRound = blb.optimalReward() - CascadeModel.reward(
        0.3 * 3 / 12 + 0.1 * 9 / 12, 0.3 * 3 / 12 + 0.1 * 9 / 12, 0.3 * 3 / 12 + 0.1 * 9 / 12);
    for (Supplier<CascadingBandit> f : learners(12, 3)) {
      CascadingBandit b = f.get();
      CascadeSimulator.Trace trace = CascadeSimulator.run(b, blb, rounds, 100, new SplittableRandom(3));
      double[] cum = trace.cumulativeRegret();
      double firstTenth = cum[3];
      double lastTenth = cum[39] - cum[35];
      assertTrue(trace.totalRegret() < 0.35 * randomRegretPerRound * rounds,
          b.getClass().getSimpleName() + " regret " + trace.totalRegret());
      assertTrue(lastTenth < firstTenth, b.getClass().getSimpleName() + ": last tenth " + lastTenth + " vs first " + firstTenth);
    }
  }

  @Test
  void stateRoundTripRestoresTheLearnerExactly() {
    CascadeModel model = CascadeModel.blb(20, 4, 0.25, 0.1);
    for (Supplier<CascadingBandit> f : learners(20, 4)) {
      CascadingBandit original = f.get();
      SplittableRandom rng = new SplittableRandom(11);
      for (int t = 0; t < 300; t++) {
        int[] list = original.select();
        original.update(list, model.click(list, rng));
      }
      BanditState state = original.state();
      byte[] bytes = BanditStateCodec.encode(state);
      BanditState decoded = BanditStateCodec.decode(bytes);
      assertEquals(state, decoded);
      assertArrayEquals(bytes, BanditStateCodec.encode(decoded));
      CascadingBandit restored = BanditStates.restore(decoded, CascadeKnownAnswersTest.oneHot(20));
      assertEquals(original.getClass(), restored.getClass());
      SplittableRandom r1 = new SplittableRandom(5);
      SplittableRandom r2 = new SplittableRandom(5);
      for (int t = 0; t < 200; t++) {
        int[] a = original.select();
        int[] b = restored.select();
        assertArrayEquals(a, b, original.getClass().getSimpleName() + " diverged at round " + t);
        original.update(a, model.click(a, r1));
        restored.update(b, model.click(b, r2));
      }
      assertEquals(original.state(), restored.state());
    }
  }

  @Test
  void countsCodecIsCompact() {
    CascadeUcb1 u = new CascadeUcb1(100, 5);
    for (int t = 0; t < 50; t++) {
      u.update(u.select(), 2);
    }
    byte[] bytes = BanditStateCodec.encode(u.state());
    // header 5 + alg 1 + K 1 + round 1 + 8 + 8 + L 1 + 100 items * 2 bytes = 225
    assertEquals(225, bytes.length);
  }

  @Test
  void codecRejectsMalformedInput() {
    byte[] good = BanditStateCodec.encode(new CascadeUcb1(4, 2).state());
    byte[] badMagic = good.clone();
    badMagic[0] = 'X';
    assertThrows(IllegalArgumentException.class, () -> BanditStateCodec.decode(badMagic));
    byte[] badVersion = good.clone();
    badVersion[3] = 9;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BanditStateCodec.decode(badVersion));
    assertTrue(e.getMessage().contains("version 9"));
    assertThrows(IllegalArgumentException.class, () -> BanditStateCodec.decode(Arrays.copyOf(good, good.length - 1)));
    assertThrows(IllegalArgumentException.class, () -> BanditStateCodec.decode(Arrays.copyOf(good, good.length + 1)));
  }

  static java.util.List<Supplier<CascadingBandit>> learners(int items, int k) {
    return java.util.List.of(
        () -> new CascadeUcb1(items, k),
        () -> new CascadeKlUcb(items, k),
        () -> new CascadeThompson(items, k, 42),
        () -> new CascadeLinUcb(CascadeKnownAnswersTest.oneHot(items), k, 1.0, 0.5));
  }
}
