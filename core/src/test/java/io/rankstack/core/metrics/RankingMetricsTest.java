package io.rankstack.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Known answers computed by hand (shown in comments), and properties every ranking must satisfy. */
class RankingMetricsTest {
  private static final double EPS = 1e-12;

  // Ranking d1..d5; judged: d1=0, d2=2, d4=1, d9=3 (d9 is never retrieved). Relevant: d2, d4, d9.
  private static final List<String> RANKING = List.of("d1", "d2", "d3", "d4", "d5");
  private static final Map<String, Integer> GRADES = Map.of("d1", 0, "d2", 2, "d4", 1, "d9", 3);

  @Test
  void precisionDividesByKEvenPastTheEnd() {
    assertEquals(0.5, RankingMetrics.precision(RANKING, GRADES, 2), EPS); // d2 of {d1,d2}
    assertEquals(0.4, RankingMetrics.precision(RANKING, GRADES, 5), EPS); // 2/5
    assertEquals(0.2, RankingMetrics.precision(RANKING, GRADES, 10), EPS); // 2/10
  }

  @Test
  void recallCountsUnretrievedRelevant() {
    assertEquals(1.0 / 3, RankingMetrics.recall(RANKING, GRADES, 2), EPS);
    assertEquals(2.0 / 3, RankingMetrics.recall(RANKING, GRADES, 5), EPS);
  }

  @Test
  void averagePrecisionByHand() {
    // relevant at ranks 2 and 4: (1/2 + 2/4) / 3 = 1/3
    assertEquals(1.0 / 3, RankingMetrics.averagePrecision(RANKING, GRADES), EPS);
    // cut at 3: only rank 2 counts: (1/2)/3
    assertEquals(1.0 / 6, RankingMetrics.averagePrecision(RANKING, GRADES, 3), EPS);
  }

  @Test
  void reciprocalRankOfFirstRelevant() {
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKING, GRADES), EPS);
    assertEquals(0.0, RankingMetrics.reciprocalRank(List.of("d1", "d3"), GRADES), EPS);
  }

  @Test
  void ndcgByHand() {
    // DCG@5 = 2/log2(3) + 1/log2(5); ideal grades 3,2,1: 3/log2(2) + 2/log2(3) + 1/log2(4)
    double dcg = 2 / log2(3) + 1 / log2(5);
    double idcg = 3 + 2 / log2(3) + 0.5;
    assertEquals(dcg, RankingMetrics.dcg(RANKING, GRADES, 5), EPS);
    assertEquals(dcg / idcg, RankingMetrics.ndcg(RANKING, GRADES, 5), EPS);
    // @1: d1 has grade 0; ideal@1 = 3
    assertEquals(0.0, RankingMetrics.ndcg(RANKING, GRADES, 1), EPS);
    // @2: 2/log2(3) over 3 + 2/log2(3)
    assertEquals((2 / log2(3)) / (3 + 2 / log2(3)), RankingMetrics.ndcg(RANKING, GRADES, 2), EPS);
  }

  @Test
  void errByHand() {
    // maxGrade 3: R(d2)=(4-1)/8=3/8, R(d4)=1/8. ERR = (1/2)(3/8) + (1/4)(1/8)(1-3/8)
    double expected = 0.5 * 3 / 8 + 0.25 * (1.0 / 8) * (5.0 / 8);
    assertEquals(expected, RankingMetrics.err(RANKING, GRADES, 5, 3), EPS);
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.err(List.of("d9"), GRADES, 5, 2));
  }

  @Test
  void queryWithoutRelevantScoresZero() {
    Map<String, Integer> none = Map.of("d1", 0);
    assertEquals(0.0, RankingMetrics.averagePrecision(RANKING, none), EPS);
    assertEquals(0.0, RankingMetrics.ndcg(RANKING, none, 10), EPS);
    assertEquals(0.0, RankingMetrics.recall(RANKING, none, 10), EPS);
  }

  @Test
  void emptyRankingScoresZero() {
    assertEquals(0.0, RankingMetrics.averagePrecision(List.of(), GRADES), EPS);
    assertEquals(0.0, RankingMetrics.ndcg(List.of(), GRADES, 10), EPS);
    assertEquals(0.0, RankingMetrics.reciprocalRank(List.of(), GRADES), EPS);
  }

  @Test
  void rejectsNonPositiveCutoff() {
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precision(RANKING, GRADES, 0));
  }

  @Property(seed = "20261129")
  void idealOrderingHasNdcgOne(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> grades,
                               @ForAll @IntRange(min = 1, max = 40) int k) {
    Map<String, Integer> judged = new HashMap<>();
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < grades.size(); i++) {
      judged.put("d" + i, grades.get(i));
      docs.add("d" + i);
    }
    docs.sort((a, b) -> Integer.compare(judged.get(b), judged.get(a)));
    double ndcg = RankingMetrics.ndcg(docs, judged, k);
    if (grades.stream().anyMatch(g -> g > 0)) {
      assertEquals(1.0, ndcg, 1e-9);
    } else {
      assertEquals(0.0, ndcg, 0.0);
    }
  }

  @Property(seed = "20261129")
  void metricsStayInUnitInterval(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> grades,
                                 @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int k) {
    Map<String, Integer> judged = new HashMap<>();
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < grades.size(); i++) {
      judged.put("d" + i, grades.get(i));
      docs.add("d" + i);
    }
    Collections.shuffle(docs, new java.util.Random(seed));
    for (double v : new double[] {
        RankingMetrics.ndcg(docs, judged, k), RankingMetrics.averagePrecision(docs, judged),
        RankingMetrics.precision(docs, judged, k), RankingMetrics.recall(docs, judged, k),
        RankingMetrics.reciprocalRank(docs, judged), RankingMetrics.err(docs, judged, k, 4)}) {
      if (v < 0 || v > 1 + 1e-12) {
        throw new AssertionError("metric out of [0,1]: " + v);
      }
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
