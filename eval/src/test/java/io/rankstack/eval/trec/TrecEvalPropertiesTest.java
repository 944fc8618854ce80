package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.metrics.RankingMetrics;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties over random single-query cases: document i is {@code d00, d01, ...}; its grade is
 * {@code grades[i]} (-2 meaning absent from the qrels) and its score {@code scores[i]} (-1 meaning
 * not retrieved). Scores come from a small range so that ties, broken by document id, are common.
 */
class TrecEvalPropertiesTest {
  private static final int ABSENT = -2;

  private record Case(String qrels, List<String> runLines, Map<String, Integer> grades, List<String> ranking) {}

  private static Case build(List<Integer> grades, List<Integer> scores) {
    StringBuilder qrels = new StringBuilder();
    Map<String, Integer> judged = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    List<String> retrieved = new ArrayList<>();
    Map<String, Integer> scoreOf = new LinkedHashMap<>();
    for (int i = 0; i < Math.max(grades.size(), scores.size()); i++) {
      String doc = String.format("d%02d", i);
      int g = i < grades.size() ? grades.get(i) : ABSENT;
      if (g != ABSENT) {
        qrels.append("q 0 ").append(doc).append(' ').append(g).append('\n');
        judged.put(doc, g);
      }
      int s = i < scores.size() ? scores.get(i) : -1;
      if (s >= 0) {
        lines.add("q Q0 " + doc + " " + (lines.size() + 1) + " " + s + " run");
        retrieved.add(doc);
        scoreOf.put(doc, s);
      }
    }
    // trec_eval's order, written independently of the implementation: score down, then id down.
    retrieved.sort(Comparator.comparing((String d) -> scoreOf.get(d)).thenComparing(d -> d).reversed());
    return new Case(qrels.toString(), lines, judged, retrieved);
  }

  private static TrecEvalResult evaluate(String qrels, List<String> runLines, TrecEvalOptions options) {
    return new TrecEvaluator(options).evaluate(QrelsReader.read(new StringReader(qrels), "qrels"),
        ResultsReader.read(new StringReader(String.join("\n", runLines) + "\n"), "run"));
  }

  @Property(seed = "20261129", tries = 300)
  void agreesWithCoreRankingMetrics(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -2, max = 3) Integer> grades,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -1, max = 5) Integer> scores,
      @ForAll @IntRange(min = 1, max = 30) int k) {
    Case c = build(grades, scores);
    Assume.that(!c.grades().isEmpty() && !c.ranking().isEmpty());
    TrecEvalResult r = evaluate(c.qrels(), c.runLines(), TrecEvalOptions.defaults()
        .withMeasures("P." + k, "recall." + k, "map", "map_cut." + k, "recip_rank", "ndcg_cut." + k));
    List<String> ranking = c.ranking();
    Map<String, Integer> g = c.grades();
    assertEquals(RankingMetrics.precision(ranking, g, k), r.value("q", "P_" + k), 1e-12);
    assertEquals(RankingMetrics.recall(ranking, g, k), r.value("q", "recall_" + k), 1e-12);
    assertEquals(RankingMetrics.averagePrecision(ranking, g), r.value("q", "map"), 1e-12);
    assertEquals(RankingMetrics.averagePrecision(ranking, g, k), r.value("q", "map_cut_" + k), 1e-12);
    assertEquals(RankingMetrics.reciprocalRank(ranking, g), r.value("q", "recip_rank"), 1e-12);
    assertEquals(RankingMetrics.ndcg(ranking, g, k), r.value("q", "ndcg_cut_" + k), 1e-12);
  }

  @Property(seed = "20261129", tries = 200)
  void maxRetrievedIsTheSameAsCuttingTheRun(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -2, max = 3) Integer> grades,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -1, max = 5) Integer> scores,
      @ForAll @IntRange(min = 0, max = 30) int m) {
    Case c = build(grades, scores);
    Assume.that(!c.grades().isEmpty() && c.ranking().size() > m && m > 0);
    List<String> top = new ArrayList<>();
    for (String line : c.runLines()) {
      if (c.ranking().indexOf(line.split(" ")[2]) < m) {
        top.add(line);
      }
    }
    TrecEvalFormatter f = new TrecEvalFormatter(true, true);
    TrecEvalOptions all = TrecEvalOptions.defaults().withMeasures("all_trec");
    assertEquals(f.format(evaluate(c.qrels(), top, all)),
        f.format(evaluate(c.qrels(), c.runLines(), all.withMaxRetrievedPerTopic(m))));
  }

  @Property(seed = "20261129", tries = 200)
  void onlyTheOrderOfScoresMatters(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -2, max = 3) Integer> grades,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -1, max = 5) Integer> scores,
      @ForAll long seed) {
    Case c = build(grades, scores);
    Assume.that(!c.grades().isEmpty() && !c.ranking().isEmpty());
    // Shuffle the lines, scramble the rank column, and map each score s to 0.25 * s - 3 (exact, same order).
    List<String> changed = new ArrayList<>();
    for (String line : c.runLines()) {
      String[] f = line.split(" ");
      changed.add(String.join(" ", f[0], f[1], f[2], "999", Double.toString(0.25 * Double.parseDouble(f[4]) - 3), f[5]));
    }
    Collections.shuffle(changed, new Random(seed));
    TrecEvalFormatter f = new TrecEvalFormatter(true, true);
    TrecEvalOptions all = TrecEvalOptions.defaults().withMeasures("all_trec");
    assertEquals(f.format(evaluate(c.qrels(), c.runLines(), all)), f.format(evaluate(c.qrels(), changed, all)));
  }

  @Property(seed = "20261129", tries = 200)
  void normalisedMeasuresStayInTheUnitInterval(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -2, max = 3) Integer> grades,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -1, max = 5) Integer> scores) {
    Case c = build(grades, scores);
    Assume.that(!c.grades().isEmpty() && !c.ranking().isEmpty());
    TrecEvalResult r = evaluate(c.qrels(), c.runLines(), TrecEvalOptions.defaults().withMeasures("all_trec"));
    for (String name : r.perQueryValueNames()) {
      if (name.startsWith("num_") || name.startsWith("utility")) {
        continue;
      }
      double v = r.value("q", name);
      assertTrue(v >= 0 && v <= 1 + 1e-12, () -> name + " = " + v + " for " + c);
    }
  }
}
