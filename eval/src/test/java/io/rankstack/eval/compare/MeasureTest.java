package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.compare.Measure.Family;
import org.junit.jupiter.api.Test;

class MeasureTest {

  @Test
  void parsesTrecEvalNames() {
    assertEquals(new Measure(Family.NDCG_CUT, 10), Measure.parse("ndcg_cut.10"));
    assertEquals(new Measure(Family.NDCG_CUT, 10), Measure.parse("ndcg_cut_10"));
    assertEquals(new Measure(Family.MAP, 0), Measure.parse("map"));
    assertEquals(new Measure(Family.MAP_CUT, 100), Measure.parse("map_cut.100"));
    assertEquals(new Measure(Family.P, 5), Measure.parse("P.5"));
    assertEquals(new Measure(Family.P, 5), Measure.parse("P_5"));
    assertEquals(new Measure(Family.RECALL, 1000), Measure.parse("recall.1000"));
    assertEquals(new Measure(Family.RECIP_RANK, 0), Measure.parse("recip_rank"));
  }

  @Test
  void printsAsTrecEvalPrints() {
    assertEquals("ndcg_cut_10", Measure.parse("ndcg_cut.10").toString());
    assertEquals("P_5", Measure.parse("P.5").toString());
    assertEquals("map", Measure.parse("map").toString());
  }

  @Test
  void rejectsWithAHelpfulMessage() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Measure.parse("bpref"));
    assertTrue(unknown.getMessage().contains("ndcg_cut.K"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("ndcg_cut"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("map.10"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("P.0"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("p.10")); // trec_eval names are case-sensitive
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("ndcg_cut.99999999999"));
    assertThrows(IllegalArgumentException.class, () -> Measure.parse("ndcg_cut.5,10"));
  }
}
