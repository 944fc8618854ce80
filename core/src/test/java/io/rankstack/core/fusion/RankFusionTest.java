package io.rankstack.core.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankFusionTest {
  private static final double EPS = 1e-12;
  // A: a(3) b(2) c(1); B: c(10) a(5)
  private static final RankedList A = new RankedList("q", List.of(new Candidate("a", 3), new Candidate("b", 2), new Candidate("c", 1)));
  private static final RankedList B = new RankedList("q", List.of(new Candidate("c", 10), new Candidate("a", 5)));

  @Test
  void rrfByHand() {
    RankedList f = new RankFusion(RankFusion.Method.RRF, ScoreNormalization.NONE, 60, 10).fuse("q", List.of(A, B));
    // a: 1/61 + 1/62; c: 1/63 + 1/61; b: 1/62
    assertEquals(List.of("a", "c", "b"), f.docIds());
    assertEquals(1.0 / 61 + 1.0 / 62, f.atRank(1).score(), EPS);
    assertEquals(1.0 / 63 + 1.0 / 61, f.atRank(2).score(), EPS);
    assertEquals(1.0 / 62, f.atRank(3).score(), EPS);
  }

  @Test
  void combSumAndMnzWithMinMaxByHand() {
    // min-max: A -> a 1, b 0.5, c 0; B -> c 1, a 0
    RankedList sum = new RankFusion(RankFusion.Method.COMB_SUM, ScoreNormalization.MIN_MAX, 60, 10).fuse("q", List.of(A, B));
    // a 1+0 = 1, c 0+1 = 1 (tie: by id a before c), b 0.5
    assertEquals(List.of("a", "c", "b"), sum.docIds());
    assertEquals(1.0, sum.atRank(2).score(), EPS);
    RankedList mnz = new RankFusion(RankFusion.Method.COMB_MNZ, ScoreNormalization.MIN_MAX, 60, 2).fuse("q", List.of(A, B));
    // a 1*2 = 2, c 1*2 = 2, b 0.5*1; depth 2 keeps a, c
    assertEquals(List.of("a", "c"), mnz.docIds());
    assertEquals(2.0, mnz.atRank(1).score(), EPS);
  }

  @Test
  void normalisationsByHand() {
    assertArrayEquals(new double[] {1, 0.5, 0}, ScoreNormalization.MIN_MAX.apply(new double[] {3, 2, 1}), EPS);
    assertArrayEquals(new double[] {1, 1}, ScoreNormalization.MIN_MAX.apply(new double[] {4, 4}), EPS);
    // mean 2, population sd sqrt(2/3)
    double sd = Math.sqrt(2.0 / 3);
    assertArrayEquals(new double[] {1 / sd, 0, -1 / sd}, ScoreNormalization.Z_SCORE.apply(new double[] {3, 2, 1}), EPS);
    assertArrayEquals(new double[] {0, 0}, ScoreNormalization.Z_SCORE.apply(new double[] {4, 4}), EPS);
  }

  @Test
  void rejectsBadParametersAndMixedQueries() {
    assertThrows(IllegalArgumentException.class, () -> new RankFusion(RankFusion.Method.RRF, ScoreNormalization.NONE, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> new RankFusion(RankFusion.Method.RRF, ScoreNormalization.NONE, 60, 0));
    RankFusion f = new RankFusion(RankFusion.Method.RRF, ScoreNormalization.NONE, 60, 10);
    assertThrows(IllegalArgumentException.class, () -> f.fuse("other", List.of(A)));
  }

  @Property(seed = "20261129")
  void fusingOneListWithRrfKeepsItsOrder(@ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 0, max = 100) int k) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(new Candidate(String.format("d%03d", (i * 37) % 101), n - i));
    }
    RankedList one = new RankedList("q", cs);
    RankedList fused = new RankFusion(RankFusion.Method.RRF, ScoreNormalization.NONE, k, 1000).fuse("q", List.of(one));
    assertEquals(one.docIds(), fused.docIds());
  }
}
