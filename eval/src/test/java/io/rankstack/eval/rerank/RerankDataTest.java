package io.rankstack.eval.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.rerank.RerankDoc;
import io.rankstack.rerank.RerankQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RerankDataTest {
  private static RankedList list(String q, String... idsAndScores) {
    List<Candidate> c = new java.util.ArrayList<>();
    for (int i = 0; i < idsAndScores.length; i += 2) {
      c.add(new Candidate(idsAndScores[i], Double.parseDouble(idsAndScores[i + 1])));
    }
    return new RankedList(q, c);
  }

  @Test
  void bm25FeaturesAreListZScoresAndReciprocalRanks() {
    // scores 3, 2, 1: mean 2, population std sqrt(2/3)
    Bm25Features f = Bm25Features.of(list("q", "a", "3", "b", "2", "c", "1"));
    double z = 1 / Math.sqrt(2.0 / 3);
    assertArrayEquals(new float[] {(float) z, 1f}, f.features("a"), 1e-6f);
    assertArrayEquals(new float[] {0f, 0.5f}, f.features("b"), 1e-6f);
    // outside the list: the lowest score's z and rr 0
    assertArrayEquals(new float[] {(float) -z, 0f}, f.features("zz"), 1e-6f);
    assertArrayEquals(new float[] {0f, 0f}, Bm25Features.of(list("q", "a", "1", "b", "1")).features("x"), 0f);
  }

  @Test
  void trainingListsHoldRelevantDocumentsAndSampledHardNegativesWithTeacherTargets() {
    Judgments qrels = new Judgments.Builder().add("q1", "r1", 1).add("q1", "r2", 1).add("q1", "n9", 0).build();
    Run bm25 = Run.of("bm25", List.of(list("q1", "n1", "9", "r1", "8", "n2", "7", "n9", "6", "n3", "5")));
    Map<String, Double> teacher = new HashMap<>();
    teacher.put("q1\tr1", 2.0);
    teacher.put("q1\tn1", 1.0);
    teacher.put("q1\tn2", 0.0);
    teacher.put("q1\tn3", 0.5);
    teacher.put("q1\tn9", 0.25);
    Map<String, String> texts = new HashMap<>();
    for (String d : List.of("r1", "r2", "n1", "n2", "n3", "n9")) {
      texts.put(d, "text of " + d);
    }
    List<RerankQuery> out = RerankData.trainingLists(List.of(new Query("q1", "query")), qrels, bm25, teacher, texts, 4, 7, HeadFeatures.NONE);
    assertEquals(1, out.size());
    List<RerankDoc> docs = out.get(0).docs();
    assertEquals(4, docs.size());
    // the two relevant documents first (r2 is outside the BM25 list), then two negatives of the list
    assertEquals("r1", docs.get(0).docId());
    assertEquals("r2", docs.get(1).docId());
    // r2 has no teacher score: it gets the relevant band's lowest (2.0), like r1 → no spread → both 10
    assertEquals(10, docs.get(0).target());
    assertEquals(10, docs.get(1).target());
    for (RerankDoc d : docs.subList(2, 4)) {
      assertEquals(0, d.grade());
      assertEquals(true, List.of("n1", "n2", "n3", "n9").contains(d.docId()), d.docId());
      assertEquals(true, d.target() <= 6, d.toString());
    }
    // validation order: BM25's, documents outside the list last
    RerankQuery ordered = RerankData.inFirstStageOrder(out.get(0), bm25);
    assertEquals("r2", ordered.docs().get(3).docId());
  }

  @Test
  void withoutTeacherTargetsComeFromTheGradeTable() {
    // grades 4, 2 (relevant), 0 (judged non-relevant), unjudged → 10, 6, 0, 0 by the table
    Judgments qrels = new Judgments.Builder().add("q1", "a", 4).add("q1", "b", 2).add("q1", "c", 0).build();
    Run bm25 = Run.of("bm25", List.of(list("q1", "c", "9", "a", "8", "u", "7", "b", "6")));
    Map<String, String> texts = new HashMap<>();
    for (String d : List.of("a", "b", "c", "u")) {
      texts.put(d, "text of " + d);
    }
    List<RerankQuery> out = RerankData.trainingLists(List.of(new Query("q1", "query")), qrels, bm25, null, texts, 4, 7, HeadFeatures.NONE);
    Map<String, Integer> targets = new HashMap<>();
    out.get(0).docs().forEach(d -> targets.put(d.docId(), d.target()));
    assertEquals(Map.of("a", 10, "b", 6, "c", 0, "u", 0), targets);
    assertEquals(List.of("a", "b"), out.get(0).docs().subList(0, 2).stream().map(RerankDoc::docId).toList());
  }
}
