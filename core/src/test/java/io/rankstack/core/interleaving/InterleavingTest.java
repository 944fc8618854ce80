package io.rankstack.core.interleaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.interleaving.InterleavedList.Team;
import io.rankstack.core.interleaving.Interleaving.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InterleavingTest {
  private static final List<String> A = List.of("a", "b", "c", "d");
  private static final List<String> B = List.of("b", "e", "a", "f");

  @Test
  void teamDraftByHand() {
    // The four outcomes the coin flips allow (first pick, then the tie-break after two picks):
    // A first, A again: a(A) b(B) c(A) e(B); A first, B: a(A) b(B) e(B) c(A);
    // B first, A: b(B) a(A) c(A) e(B);      B first, B: b(B) a(A) e(B) c(A).
    List<List<String>> allowed = List.of(List.of("a", "b", "c", "e"), List.of("a", "b", "e", "c"),
        List.of("b", "a", "c", "e"), List.of("b", "a", "e", "c"));
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 64; seed++) {
      InterleavedList l = new TeamDraftInterleaving().interleave(A, B, 4, new SplittableRandom(seed));
      assertTrue(allowed.contains(l.docs()), l.docs().toString());
      for (int k = 0; k < 4; k++) {
        String d = l.docs().get(k);
        Team expected = d.equals("a") || d.equals("c") ? Team.A : Team.B;
        assertEquals(expected, l.teams().get(k), "team of " + d + " in " + l.docs());
      }
      seen.add(l.docs());
    }
    assertEquals(4, seen.size(), "every coin outcome occurs");
  }

  @Test
  void teamDraftCredit() {
    InterleavedList l = new InterleavedList(List.of("a", "b", "e", "c"), List.of(Team.A, Team.B, Team.B, Team.A), A, B);
    TeamDraftInterleaving td = new TeamDraftInterleaving();
    assertEquals(Outcome.B_WINS, td.credit(l, new boolean[] {false, true, true, false}));
    assertEquals(Outcome.TIE, td.credit(l, new boolean[] {true, true, false, false}));
    assertEquals(Outcome.A_WINS, td.credit(l, new boolean[] {true, false, false, true}));
    assertEquals(Outcome.TIE, td.credit(l, new boolean[4]));
  }

  @Test
  void balancedByHand() {
    BalancedInterleaving bi = new BalancedInterleaving();
    InterleavedList l = null;
    for (long seed = 0; seed < 20; seed++) {
      InterleavedList candidate = bi.interleave(A, B, 4, new SplittableRandom(seed));
      if (candidate.docs().get(0).equals("a")) {
        l = candidate;
        break;
      }
    }
    // A leads: take a (ka=1); kb=0<1: b (kb=1); ka=kb, A leads: b again, skipped (ka=2); kb=1<2: e (kb=2);
    // ka=kb: c (ka=3); kb=2<3: a again, skipped (kb=3); ka=kb: d
    assertEquals(List.of("a", "b", "e", "c"), l.docs());
    // click on e (rank 3): lowest click e is B's rank 2, not in A -> k = 2; A top2 {a,b}, B top2 {b,e}: hA 0, hB 1
    assertEquals(Outcome.B_WINS, bi.credit(l, new boolean[] {false, false, true, false}));
    // clicks on a and c: lowest c is A's rank 3 -> k = 3; A top3 {a,b,c} has 2, B top3 {b,e,a} has 1
    assertEquals(Outcome.A_WINS, bi.credit(l, new boolean[] {true, false, false, true}));
    // click on b: in both tops at k = 1 (B rank 1): hA = 0 (A top1 {a}), hB = 1
    assertEquals(Outcome.B_WINS, bi.credit(l, new boolean[] {false, true, false, false}));
  }

  @Property(seed = "20261129")
  void interleavedListsHoldDistinctDocumentsOfEitherRanking(@ForAll @IntRange(min = 0, max = 1000) int seed,
                                                            @ForAll @IntRange(min = 1, max = 12) int length) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 8; i++) {
      a.add("d" + r.nextInt(12));
      b.add("d" + r.nextInt(12));
    }
    a = new ArrayList<>(new java.util.LinkedHashSet<>(a));
    b = new ArrayList<>(new java.util.LinkedHashSet<>(b));
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    for (Interleaving m : List.of(new TeamDraftInterleaving(), new BalancedInterleaving())) {
      InterleavedList l = m.interleave(a, b, length, new SplittableRandom(seed));
      assertEquals(new HashSet<>(l.docs()).size(), l.size(), m.name() + " repeats a document");
      assertEquals(Math.min(length, union.size()), l.size(), m.name() + " stops early");
      assertTrue(union.containsAll(l.docs()));
    }
  }

  @Property(seed = "20261129")
  void identicalRankingsNeverProduceAPreferenceUnderTeamDraftOnAverage(@ForAll @IntRange(min = 0, max = 200) int seed) {
    // With A == B, each team's picks are symmetric: over many impressions wins of A and B balance.
    List<String> same = List.of("x", "y", "z", "w");
    TeamDraftInterleaving td = new TeamDraftInterleaving();
    SplittableRandom r = new SplittableRandom(seed);
    int diff = 0;
    for (int i = 0; i < 2000; i++) {
      InterleavedList l = td.interleave(same, same, 4, r);
      boolean[] clicks = {true, false, false, false};
      Outcome o = td.credit(l, clicks);
      diff += o == Outcome.A_WINS ? 1 : o == Outcome.B_WINS ? -1 : 0;
    }
    assertTrue(Math.abs(diff) < 200, "imbalance " + diff);
  }
}
