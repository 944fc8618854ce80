package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreMetricScoresTest {
  private static final double EPS = 1e-12;

  // q1: d1 grade 1, d2 grade 0, d3 grade 2. q2: d4 grade 1. q3: only d6 grade 0 (no relevant document).
  // q4: d5 grade 1, and the run has no list for it.
  private static final Judgments QRELS = new Judgments.Builder()
      .add("q1", "d1", 1).add("q1", "d2", 0).add("q1", "d3", 2)
      .add("q2", "d4", 1)
      .add("q3", "d6", 0)
      .add("q4", "d5", 1)
      .build();

  private static final Run RUN = Run.of("r", List.of(
      new RankedList("q1", List.of(new Candidate("d1", 3), new Candidate("d2", 2), new Candidate("d3", 1))),
      new RankedList("q2", List.of(new Candidate("d9", 2), new Candidate("d4", 1))),
      new RankedList("q3", List.of(new Candidate("d6", 1)))));

  private final PerQueryScores engine = new CoreMetricScores();

  @Test
  void evaluatesQueriesWithARelevantDocumentInQrelsOrder() {
    assertEquals(List.of("q1", "q2", "q4"), PerQueryScores.evaluatedQueries(QRELS));
    assertEquals(List.of("q1", "q2", "q4"), List.copyOf(engine.scores(QRELS, RUN, "map").keySet()));
  }

  @Test
  void scoresByHand() {
    // map: q1 relevant at ranks 1 and 3: (1/1 + 2/3) / 2 = 5/6; q2 at rank 2: (1/2) / 1; q4 missing: 0
    assertScores(Map.of("q1", 5.0 / 6, "q2", 0.5, "q4", 0.0), engine.scores(QRELS, RUN, "map"));
    // P.2: q1 {d1, d2} 1/2; q2 {d9, d4} 1/2; q4 0
    assertScores(Map.of("q1", 0.5, "q2", 0.5, "q4", 0.0), engine.scores(QRELS, RUN, "P.2"));
    // recip_rank: 1, 1/2, 0
    assertScores(Map.of("q1", 1.0, "q2", 0.5, "q4", 0.0), engine.scores(QRELS, RUN, "recip_rank"));
    // recall.2: q1 1 of 2; q2 1 of 1
    assertScores(Map.of("q1", 0.5, "q2", 1.0, "q4", 0.0), engine.scores(QRELS, RUN, "recall.2"));
    // map_cut.2: q1 (1/1) / 2; q2 (1/2) / 1
    assertScores(Map.of("q1", 0.5, "q2", 0.5, "q4", 0.0), engine.scores(QRELS, RUN, "map_cut.2"));
    // ndcg_cut.10, q1: DCG = 1/log2(2) + 2/log2(4) = 2; ideal 2/log2(2) + 1/log2(3)
    Map<String, Double> ndcg = engine.scores(QRELS, RUN, "ndcg_cut.10");
    assertEquals(2 / (2 + 1 / log2(3)), ndcg.get("q1"), EPS);
    assertEquals(1 / log2(3), ndcg.get("q2"), EPS);
    assertEquals(0.0, ndcg.get("q4"), EPS);
  }

  @Test
  void emptyRunScoresZeroEverywhere() {
    Run empty = Run.of("empty", List.of());
    for (String m : List.of("ndcg_cut.10", "map", "map_cut.5", "P.5", "recall.5", "recip_rank")) {
      assertScores(Map.of("q1", 0.0, "q2", 0.0, "q4", 0.0), engine.scores(QRELS, empty, m));
    }
  }

  @Test
  void rejectsUnknownMeasureBeforeAndDuringScoring() {
    assertThrows(IllegalArgumentException.class, () -> engine.checkMeasure("ndcg"));
    assertThrows(IllegalArgumentException.class, () -> engine.scores(QRELS, RUN, "ndcg"));
  }

  private static void assertScores(Map<String, Double> expected, Map<String, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((q, v) -> assertEquals(v, actual.get(q), EPS, q));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
