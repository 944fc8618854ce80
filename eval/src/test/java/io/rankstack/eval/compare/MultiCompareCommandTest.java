package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} with several runs, on {@link CompareCommandTest}'s files plus a run C equal to A.
 * From that test's comment: B vs A on nDCG@10 has t-test p = 0.069514 and exact randomisation
 * p = 0.25; C vs A has every difference 0, so both p are 1. Holm over the two comparisons:
 * t: 2 · 0.069514 = 0.139028 and max(0.139028, 1) = 1; randomisation: 2 · 0.25 = 0.5 and 1.
 */
class MultiCompareCommandTest {
  @TempDir
  Path dir;

  Path qrels;
  Path runA;
  Path runB;
  Path runC;

  @BeforeEach
  void writeFiles() throws IOException {
    qrels = Files.writeString(dir.resolve("qrels.txt"), "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d4 1\nq3 0 d5 1\nq4 0 d6 0\n");
    String a = "q1 Q0 d1 1 3.0 base\nq1 Q0 d2 2 2.0 base\nq1 Q0 d3 3 1.0 base\nq2 Q0 d9 1 2.0 base\nq2 Q0 d4 2 1.0 base\n";
    runA = Files.writeString(dir.resolve("a.run"), a);
    runC = Files.writeString(dir.resolve("c.run"), a.replace("base", "copy"));
    runB = Files.writeString(dir.resolve("b.run"),
        "q1 Q0 d3 1 3.0 better\nq1 Q0 d1 2 2.0 better\nq2 Q0 d4 1 1.0 better\nq3 Q0 d7 1 1.0 better\nq3 Q0 d5 2 0.5 better\n");
  }

  @Test
  void holmAdjustedPValuesByHand() {
    MultiComparison c = MultiComparison.build(TrecFormats.readAnyQrels(qrels),
        List.of(TrecFormats.readRun(runA), TrecFormats.readRun(runB), TrecFormats.readRun(runC)), List.of("A", "B", "C"),
        List.of("ndcg_cut.10"), 10_000, 42, new TrecEvalScores());
    assertEquals(3, c.queries());
    MultiComparison.Cell b = c.cell(1, 0);
    MultiComparison.Cell same = c.cell(2, 0);
    assertEquals(0.069514, b.stats().tTest().p(), 1e-6);
    assertEquals(0.139028, b.tTestHolm(), 1e-6);
    assertEquals(0.5, b.randomisationHolm(), 1e-12);
    assertEquals(1.0, same.tTestHolm(), 1e-12);
    assertEquals(1.0, same.randomisationHolm(), 1e-12);
    // means: A (0.760188 + 0.630930 + 0) / 3 = 0.463706; B (1 + 1 + 0.630930) / 3 = 0.876977
    assertEquals(0.463706, c.means().get(0)[0], 1e-6);
    assertEquals(0.876977, c.means().get(1)[0], 1e-6);
  }

  @Test
  void tableMarksOnlyWhatSurvivesTheCorrection() {
    String strict = run("compare", qrels.toString(), runA.toString(), runB.toString(), runC.toString(), "--test", "t");
    // the legend line holds one ▲ and one ▼; no table cell may add another
    assertEquals(1, strict.chars().filter(ch -> ch == '▲').count(), strict);
    assertEquals(1, strict.chars().filter(ch -> ch == '▼').count(), strict);
    assertTrue(strict.contains("0.1390"), strict);
    String loose = run("compare", qrels.toString(), runA.toString(), runB.toString(), runC.toString(), "--test", "t",
        "--alpha", "0.2");
    assertTrue(loose.contains("0.8770 ▲"), loose);
    assertEquals(2, loose.chars().filter(ch -> ch == '▲').count(), loose);
    assertEquals(1, loose.chars().filter(ch -> ch == '▼').count(), loose);
  }

  @Test
  void severalMeasuresMakeSeveralColumnsAndComparisons() {
    String out = run("compare", qrels.toString(), runA.toString(), runB.toString(), "-m", "ndcg_cut.10", "-m", "recip_rank");
    assertTrue(out.contains("ndcg_cut.10") && out.contains("recip_rank"), out);
    assertTrue(out.contains("over 2 comparisons"), out);
  }

  @Test
  void badTableOptionsAreBadInput() {
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"compare", qrels.toString(), runA.toString(), runB.toString(), runC.toString(),
        "--test", "wilcoxon"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains("--test"), err.toString());
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    return out.toString();
  }
}
