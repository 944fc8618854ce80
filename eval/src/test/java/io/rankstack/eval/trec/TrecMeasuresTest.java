package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers on a hand-made query, worked out in the comments.
 *
 * <p>Judgments of q1: d1 grade 2, d3 and d4 grade 1, d2, d6, d7 grade 0, d5 grade -1 (in the pool
 * but unjudged). So R = 3 (d1, d3, d4) and 3 documents are judged non-relevant.
 *
 * <p>The run ranks (by score, the rank column is ignored): 1 d2 (0), 2 d1 (2), 3 dX (not in the
 * qrels), 4 d3 (1), 5 d5 (unjudged). d4 is not retrieved.
 */
class TrecMeasuresTest {
  static final String QRELS = """
      q1 0 d1 2
      q1 0 d2 0
      q1 0 d3 1
      q1 0 d4 1
      q1 0 d5 -1
      q1 0 d6 0
      q1 0 d7 0
      """;
  static final String RUN = """
      q1 Q0 d5 1 0.5 mine
      q1 Q0 d3 2 0.6 mine
      q1 Q0 dX 3 0.7 mine
      q1 Q0 d1 4 0.8 mine
      q1 Q0 d2 5 0.9 mine
      """;
  static final double EPS = 1e-12;

  static TrecEvalResult evaluate(String qrels, String run, TrecEvalOptions options) {
    return new TrecEvaluator(options).evaluate(
        QrelsReader.read(new StringReader(qrels), "qrels"), ResultsReader.read(new StringReader(run), "run"));
  }

  static double q1(String valueName, String... measures) {
    return evaluate(QRELS, RUN, TrecEvalOptions.defaults().withMeasures(measures)).value("q1", valueName);
  }

  @Test
  void counts() {
    TrecEvalResult r = evaluate(QRELS, RUN, TrecEvalOptions.defaults().withMeasures("all_trec"));
    assertEquals(5, r.value("q1", "num_ret"));
    assertEquals(3, r.value("q1", "num_rel"));
    assertEquals(2, r.value("q1", "num_rel_ret"));
    // 5 retrieved - 1 not in qrels - 1 unjudged - 2 relevant
    assertEquals(1, r.value("q1", "num_nonrel_judged_ret"));
    assertEquals("mine", r.runId());
  }

  @Test
  void rankedPrecisionMeasures() {
    // relevant at ranks 2 and 4: AP = (1/2 + 2/4) / R = 1/3
    assertEquals(1.0 / 3, q1("map", "map"), EPS);
    assertEquals(0.5, q1("recip_rank", "recip_rank"), EPS);
    // top R=3: d2, d1, dX -> 1 relevant
    assertEquals(1.0 / 3, q1("Rprec", "Rprec"), EPS);
    assertEquals(2.0 / 5, q1("P_5", "P"), EPS);
    assertEquals(2.0 / 10, q1("P_10", "P"), EPS); // missing documents count as non-relevant
    assertEquals(1.0 / 3, q1("P_3", "P.3"), EPS);
    assertEquals(2.0 / 3, q1("recall_5", "recall"), EPS);
    assertEquals(0.0, q1("success_1", "success"), EPS);
    assertEquals(1.0, q1("success_5", "success"), EPS);
    // relative_P_2 = 1 / min(2, R)
    assertEquals(0.5, q1("relative_P_2", "relative_P.2"), EPS);
    // interpolated precision: the best precision at recall >= 0 is max(P@2, P@4) = 1/2; recall 1 is never reached
    assertEquals(0.5, q1("iprec_at_recall_0.00", "iprec_at_recall"), EPS);
    assertEquals(0.0, q1("iprec_at_recall_1.00", "iprec_at_recall"), EPS);
    // Rprec_mult_1.00: precision after (long)(1 * 3 + 0.9) = 3 documents
    assertEquals(1.0 / 3, q1("Rprec_mult_1.00", "Rprec_mult"), EPS);
  }

  @Test
  void judgmentBasedMeasures() {
    // bpref: d1 and d3 each have 1 judged non-relevant (d2) above: 1 - min(1,R)/min(3,R) = 2/3 each; / R
    assertEquals((2.0 / 3 + 2.0 / 3) / 3, q1("bpref", "bpref"), EPS);
    // infAP: d1 (k=2): 1/2 + 1/2 * (1/1) * (0.00001 / 1.00002); d3 (k=4): 1/4 + 3/4 * (2/3) * (1.00001 / 2.00002)
    double infAp = (0.5 + 0.5 * (1e-5 / 1.00002) + 0.25 + 0.75 * (2.0 / 3) * (1.00001 / 2.00002)) / 3;
    assertEquals(infAp, q1("infAP", "infAP"), EPS);
    // unjudged among the top 5: dX and d5
    assertEquals(2.0 / 5, q1("unj_5", "unj"), EPS);
  }

  @Test
  void gainMeasures() {
    // gains are the grades. DCG = 2/log2(3) + 1/log2(5); ideal 2, 1, 1: 2/log2(2) + 1/log2(3) + 1/log2(4)
    double dcg = 2 / log2(3) + 1 / log2(5);
    double ideal = 2 + 1 / log2(3) + 0.5;
    assertEquals(dcg / ideal, q1("ndcg", "ndcg"), 1e-15);
    assertEquals(dcg, q1("dcg", "dcg"), 1e-15);
    assertEquals(ideal, q1("ideal_dcg", "ideal_dcg"), 1e-15);
    // top 2: d1 alone against the ideal 2, 1
    assertEquals((2 / log2(3)) / (2 + 1 / log2(3)), q1("ndcg_cut_2", "ndcg_cut.2"), 1e-15);
    // with gains 1 -> 3, 2 -> 9: DCG = 9/log2(3) + 3/log2(5), ideal 9, 3, 3
    double dcg2 = 9 / log2(3) + 3 / log2(5);
    double ideal2 = 9 + 3 / log2(3) + 3 / log2(4);
    assertEquals(dcg2 / ideal2, q1("ndcg_1=3,2=9", "ndcg.1=3,2=9"), 1e-15);
    // rbp, p = 0.9, gains 0,1,2 scaled to 0,0.5,1: 0.1 * (1 * 0.9^1 + 0.5 * 0.9^3)
    assertEquals(0.1 * (0.9 + 0.5 * 0.729), q1("rbp", "rbp"), 1e-15);
    // residual: unjudged at ranks 3 and 5, plus the tail: 0.9^5 + 0.1 * (0.9^2 + 0.9^4)
    assertEquals(Math.pow(0.9, 5) + 0.1 * (0.81 + 0.6561), q1("rbp_resid", "rbp_resid"), 1e-12);
  }

  @Test
  void setMeasures() {
    assertEquals(2.0 / 5, q1("set_P", "set_P"), EPS);
    assertEquals(2.0 / 3, q1("set_recall", "set_recall"), EPS);
    // F1 of P = 0.4 and R = 2/3: 2PR / (P + R) = 0.5
    assertEquals(0.5, q1("set_F", "set_F"), EPS);
    // utility 1,-1,0,0: 2 relevant retrieved - 3 others
    assertEquals(-1.0, q1("utility", "utility"), EPS);
    assertEquals(2 * 2 - 3 - 0.5 * 1, q1("utility_2,-1,-0.5,0", "utility.2,-1,-0.5,0"), EPS);
  }

  @Test
  void relstringShowsGradesAndPoolStatus() {
    TrecEvalResult r = evaluate(QRELS, RUN, TrecEvalOptions.defaults().withMeasures("relstring"));
    assertEquals("02-1.", r.relString("q1").orElseThrow()); // '-' not in qrels, '.' judged negative
  }

  @Test
  void relevanceLevelMakesOnlyGradeTwoRelevant() {
    TrecEvalOptions l2 = TrecEvalOptions.defaults().withMeasures("map", "num_rel", "bpref").withRelevanceLevel(2);
    TrecEvalResult r = evaluate(QRELS, RUN, l2);
    assertEquals(1, r.value("q1", "num_rel"));
    assertEquals(0.5, r.value("q1", "map"), EPS); // d1 at rank 2
    // 5 judged below level 2 (d2, d3, d4, d6, d7); one (d2) above d1: 1 - min(1,1)/min(5,1) = 0
    assertEquals(0.0, r.value("q1", "bpref"), EPS);
  }

  @Test
  void maxRetrievedKeepsTheTopDocuments() {
    TrecEvalResult r = evaluate(QRELS, RUN, TrecEvalOptions.defaults().withMeasures("map", "num_ret")
        .withMaxRetrievedPerTopic(2));
    assertEquals(2, r.value("q1", "num_ret"));
    assertEquals(0.5 / 3, r.value("q1", "map"), EPS); // only d1 at rank 2 remains relevant
  }

  @Test
  void judgedDocsOnlyDropsUnjudgedDocuments() {
    TrecEvalResult r = evaluate(QRELS, RUN, TrecEvalOptions.defaults().withMeasures("map", "num_ret")
        .withJudgedDocsOnly(true));
    // ranking becomes d2, d1, d3: AP = (1/2 + 2/3) / 3
    assertEquals(3, r.value("q1", "num_ret"));
    assertEquals((0.5 + 2.0 / 3) / 3, r.value("q1", "map"), EPS);
  }

  @Test
  void equalScoresAreOrderedByDocumentIdDescending() {
    String qrels = "q 0 a 1\n";
    String run = "q Q0 a 1 1.0 t\nq Q0 b 2 1.0 t\nq Q0 c 3 1.0 t\n";
    // c, b, a: the relevant a is third whatever the rank column says
    assertEquals(1.0 / 3, evaluate(qrels, run, TrecEvalOptions.defaults().withMeasures("recip_rank"))
        .value("q", "recip_rank"), EPS);
  }

  @Test
  void completeRelInfoScoresMissingQueriesAndAveragesOverAll() {
    String qrels = QRELS + "q2 0 e1 1\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluate(qrels, RUN, TrecEvalOptions.defaults().withMeasures("map")));
    assertTrue(e.getMessage().contains("q2") && e.getMessage().contains("-c"), e.getMessage());

    TrecEvalResult r = evaluate(qrels, RUN, TrecEvalOptions.defaults()
        .withMeasures("map", "num_q", "num_ret", "num_rel", "unj", "relstring").withCompleteRelInfo(true));
    assertEquals(List.of("q1", "q2"), r.queryIds());
    assertEquals(0.0, r.value("q2", "map"));
    assertEquals(0.0, r.value("q2", "num_ret")); // reset after scoring the stand-in document
    assertEquals(0.0, r.value("q2", "unj_5"));
    assertEquals("", r.relString("q2").orElseThrow());
    assertEquals((1.0 / 3 + 0) / 2, r.summary("map"), EPS);
    assertEquals(2, r.summary("num_q"));
    // with -c, num_rel counts grades > 0 over the whole qrels: d1, d3, d4, e1
    assertEquals(4, r.summary("num_rel"));
  }

  @Test
  void geometricMeanFloorsZeroAtMinGeoMean() {
    String qrels = QRELS + "q2 0 e1 1\n";
    String run = RUN + "q2 Q0 zz 1 1 mine\n"; // q2 retrieves nothing relevant: AP 0, floored at 0.00001
    TrecEvalResult r = evaluate(qrels, run, TrecEvalOptions.defaults().withMeasures("gm_map"));
    assertEquals(Math.exp((Math.log(1.0 / 3) + Math.log(0.00001)) / 2), r.summary("gm_map"), EPS);
    assertThrows(IllegalArgumentException.class, () -> r.perQuery("gm_map")); // summary only, as printed
  }

  /**
   * trec_eval sorts gains by their difference truncated to int, so 4.5 and 4 compare equal and keep
   * parameter order; the ideal ranking, read from the end, then puts 4 before 4.5 and nDCG exceeds 1.
   * This is what trec_eval 10.0 prints, so it is what we compute.
   */
  @Test
  void fractionalGainsFollowTrecEvalsTruncatingSort() {
    String qrels = "q 0 a 1\nq 0 b 2\n";
    String run = "q Q0 a 1 2 t\nq Q0 b 2 1 t\n";
    double ndcg = evaluate(qrels, run, TrecEvalOptions.defaults().withMeasures("ndcg.1=4.5,2=4"))
        .value("q", "ndcg_1=4.5,2=4");
    assertEquals((4.5 + 4 / log2(3)) / (4 + 4.5 / log2(3)), ndcg, 1e-15);
  }

  @Test
  void perQueryMapIsInQueryOrder() {
    String qrels = "b 0 x 1\na 0 x 1\n";
    String run = "a Q0 x 1 1 t\nb Q0 y 1 2 t\nb Q0 x 2 1 t\n";
    Map<String, Double> ap = evaluate(qrels, run, TrecEvalOptions.defaults()).perQuery("map");
    assertEquals(List.of("a", "b"), List.copyOf(ap.keySet()));
    assertEquals(1.0, ap.get("a"), EPS);
    assertEquals(0.5, ap.get("b"), EPS);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
