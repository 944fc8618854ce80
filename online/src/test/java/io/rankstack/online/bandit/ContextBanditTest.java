package io.rankstack.online.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.bandits.BanditState;
import io.rankstack.bandits.BanditStates;
import io.rankstack.bandits.CascadeKlUcb;
import io.rankstack.bandits.CascadingBandit;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContextBanditTest {
  @Test
  void cascadeUpdateByHand() {
    // list [a, b, c] with a click at position 2: a observed 0, b observed 1, c untouched
    ContextBandit s = ContextBandit.empty(BanditState.Algorithm.KL_UCB, 3).observe(List.of("a", "b", "c"), 1);
    assertEquals(List.of("a", "b", "c"), s.docIds());
    assertArrayEquals(new long[] {1, 1, 0}, s.pulls());
    assertArrayEquals(new long[] {0, 1, 0}, s.clicks());
    // no click on [c, d]: both observed unattractive; d is new
    ContextBandit t = s.observe(List.of("c", "d"), -1);
    assertEquals(List.of("a", "b", "c", "d"), t.docIds());
    assertArrayEquals(new long[] {1, 1, 1, 1}, t.pulls());
    assertArrayEquals(new long[] {0, 1, 0, 0}, t.clicks());
    assertEquals(2, t.round());
    assertThrows(IllegalArgumentException.class, () -> t.observe(List.of("a"), 1));
  }

  @Test
  void sameStatisticsAsTheBanditsModulesLearner() {
    // Feeding the same rounds to CascadeKL-UCB directly and through ContextBandit gives the same state.
    List<String> items = List.of("d0", "d1", "d2", "d3");
    ContextBandit viaContext = ContextBandit.empty(BanditState.Algorithm.KL_UCB, 2);
    SplittableRandom r = new SplittableRandom(7);
    int[][] lists = new int[30][];
    int[] click = new int[30];
    for (int t = 0; t < 30; t++) {
      int a = r.nextInt(4);
      int b = (a + 1 + r.nextInt(3)) % 4;
      lists[t] = new int[] {a, b};
      click[t] = r.nextInt(3) - 1;
      viaContext = viaContext.observe(List.of(items.get(a), items.get(b)), click[t]);
    }
    // reorder the bandit's items as the context saw them first
    BanditState.Counts counts = viaContext.toBanditState();
    CascadingBandit direct = new CascadeKlUcb(4, 2);
    for (int t = 0; t < 30; t++) {
      int[] mapped = {viaContext.docIds().indexOf(items.get(lists[t][0])), viaContext.docIds().indexOf(items.get(lists[t][1]))};
      direct.update(mapped, click[t] < 0 ? CascadingBandit.NO_CLICK : click[t]);
    }
    BanditState.Counts expected = (BanditState.Counts) direct.state();
    assertArrayEquals(expected.pulls(), counts.pulls());
    assertArrayEquals(expected.clicks(), counts.clicks());
    assertEquals(expected.round(), counts.round());
    // and the stored state restores into a working learner
    assertEquals(2, BanditStates.restore(counts).select().length);
  }

  @Test
  void codecRoundTripsAndRejectsGarbage() {
    ContextBandit empty = ContextBandit.empty(BanditState.Algorithm.THOMPSON, 5);
    assertEquals(empty, ContextBanditCodec.decode(ContextBanditCodec.encode(empty)));
    assertNull(empty.toBanditState());
    ContextBandit s = empty.observe(List.of("x", "ü-ñ", "z"), 0).observe(List.of("z", "x"), -1);
    assertEquals(s, ContextBanditCodec.decode(ContextBanditCodec.encode(s)));
    byte[] bytes = ContextBanditCodec.encode(s);
    bytes[3] = 9;
    assertThrows(IllegalArgumentException.class, () -> ContextBanditCodec.decode(bytes));
    assertThrows(IllegalArgumentException.class, () -> ContextBanditCodec.decode(new byte[] {'R', 'S', 'C', 1, 0, 0}));
  }

  @Property(seed = "20261129")
  void countsStayConsistent(@ForAll @IntRange(min = 1, max = 60) int rounds, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ContextBandit s = ContextBandit.empty(BanditState.Algorithm.UCB1, 3);
    long observed = 0;
    for (int t = 0; t < rounds; t++) {
      int n = 1 + r.nextInt(4);
      java.util.LinkedHashSet<String> shown = new java.util.LinkedHashSet<>();
      while (shown.size() < n) {
        shown.add("d" + r.nextInt(8));
      }
      int first = r.nextInt(n + 1) - 1;
      s = s.observe(List.copyOf(shown), first);
      observed += first < 0 ? n : first + 1;
    }
    assertEquals(rounds, s.round());
    assertEquals(observed, java.util.Arrays.stream(s.pulls()).sum());
    assertEquals(s, ContextBanditCodec.decode(ContextBanditCodec.encode(s)));
  }
}
