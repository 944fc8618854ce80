package io.rankstack.eval.ltr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorRow;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LtrSupportTest {
  @Test
  void expGainNdcgByHand() {
    // ranking a(1) b(0) c(3); ideal c(3) a(1)
    // DCG@3 = (2^1 − 1)/log2 2 + 0 + (2^3 − 1)/log2 4 = 1 + 3.5 = 4.5
    // IDCG@3 = 7/1 + 1/log2 3 = 7 + 0.63092975 = 7.63092975 → 0.58970922
    Map<String, Integer> g = Map.of("a", 1, "b", 0, "c", 3);
    assertEquals(4.5 / 7.63092975, LtrSupport.expNdcg(List.of("a", "b", "c"), g, 3), 1e-8);
    assertEquals(1 / 7.0, LtrSupport.expNdcg(List.of("a", "b", "c"), g, 1), 1e-12);
    assertEquals(0, LtrSupport.expNdcg(List.of("a"), Map.of("a", 0), 10));
  }

  @Test
  void metricsEvaluateTheListOrderNotTrecEvalsTieBreak() {
    // Equal scores: our list puts "a" (relevant) first; trec_eval would order ties by docno descending.
    Run run = Run.of("t", List.of(new RankedList("q", List.of(new Candidate("a", 1), new Candidate("b", 1)))));
    Judgments j = new Judgments.Builder().add("q", "a", 1).add("q", "b", 0).build();
    Map<String, Double> m = LtrSupport.metrics(j, run);
    assertEquals(1.0, m.get("ndcg_cut_1"), 1e-12);
    assertEquals(1.0, m.get("ndcg_exp_1"), 1e-12);
  }

  @Test
  void foldsPartitionTheQueriesAndSplitsAreSeeded() {
    List<String> ids = IntStream.range(0, 23).mapToObj(i -> "q" + i).toList();
    List<Set<String>> folds = LtrSupport.folds(ids, 5, 1);
    Set<String> union = new HashSet<>();
    folds.forEach(f -> {
      assertTrue(f.size() == 4 || f.size() == 5);
      union.addAll(f);
    });
    assertEquals(Set.copyOf(ids), union);
    assertEquals(23, folds.stream().mapToInt(Set::size).sum());
    assertEquals(folds, LtrSupport.folds(ids, 5, 1));
    assertEquals(LtrSupport.sample(ids, 0.2, 9), LtrSupport.sample(ids, 0.2, 9));
    assertEquals(5, LtrSupport.sample(ids, 0.2, 9).size());
    assertThrows(IllegalArgumentException.class, () -> LtrSupport.folds(ids, 1, 1));
  }

  @Test
  void rankOrdersRowsByScoreThenDocId() {
    LetorDataset d = new LetorDataset("d", 1, List.of(
        new LetorRow("q", 0, new float[] {0}, "x"), new LetorRow("q", 1, new float[] {0}, "y"),
        new LetorRow("q", 2, new float[] {0}, "")));
    Run r = LtrSupport.rank(d, new float[] {0.5f, 0.9f, 0.5f}, "t");
    assertEquals(List.of("y", "r2", "x"), r.of("q").docIds());
    assertEquals(2, LtrSupport.qrelsOf(d).grade("q", "r2"));
  }
}
