package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@link RankstackEval#run}, on tiny files whose answers are worked out by hand. */
class CompareCommandTest {
  @TempDir
  Path dir;

  Path qrels;
  Path runA;
  Path runB;

  // qrels: q1 {d1: 1, d2: 0, d3: 2}, q2 {d4: 1}, q3 {d5: 1}, q4 {d6: 0} (no relevant document: left out).
  // A ranks q1 d1 d2 d3, q2 d9 d4, and has no q3. B ranks q1 d3 d1, q2 d4, q3 d7 d5.
  // nDCG@10 (gain = grade, discount log2(rank + 1)); ideal DCG of q1 = 2 + 1/log2(3) = 2.630930:
  //   q1  A: (1 + 2/log2(4)) / 2.630930 = 2 / 2.630930 = 0.760188    B: 2.630930 / 2.630930 = 1
  //   q2  A: 1/log2(3) = 0.630930                                      B: 1
  //   q3  A: 0 (missing: trec_eval -c)                                  B: 1/log2(3) = 0.630930
  // d = B - A = {0.239812, 0.369070, 0.630930}: mean 0.413271, sd 0.199270, 3 wins.
  // t = mean / (sd / sqrt(3)) = 3.592145 with 2 df; Student t with 2 df has two-sided
  // p = 1 - |t| / sqrt(2 + t^2) = 1 - 3.592145 / 3.860507 = 0.069514.
  // 95% CI: q(0.975, 2 df) = 4.302653; 0.413271 ± 4.302653 * 0.115049 = [-0.081743, +0.908284].
  // Randomisation, exact (2^3 = 8 <= 10000): all differences positive, so only the identity and its
  // mirror reach |sum| = 1.239812: p = 2/8 = 0.25.
  @BeforeEach
  void writeFiles() throws IOException {
    qrels = write("qrels.txt", """
        q1 0 d1 1
        q1 0 d2 0
        q1 0 d3 2
        q2 0 d4 1
        q3 0 d5 1
        q4 0 d6 0
        """);
    runA = write("a.run", """
        q1 Q0 d1 1 3.0 base
        q1 Q0 d2 2 2.0 base
        q1 Q0 d3 3 1.0 base
        q2 Q0 d9 1 2.0 base
        q2 Q0 d4 2 1.0 base
        """);
    runB = write("b.run", """
        q1 Q0 d3 1 3.0 better
        q1 Q0 d1 2 2.0 better
        q2 Q0 d4 1 1.0 better
        q3 Q0 d7 1 1.0 better
        q3 Q0 d5 2 0.5 better
        """);
  }

  @Test
  void textReportByHand() {
    Result r = run("compare", qrels.toString(), runA.toString(), runB.toString(), "-m", "ndcg_cut.10");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("compare ndcg_cut.10"), r.out);
    assertTrue(r.out.contains("base") && r.out.contains("better"), r.out);
    assertTrue(r.out.contains("queries: 3"), r.out);
    assertTrue(r.out.contains("1 without one left out"), r.out);
    assertTrue(r.out.contains("missing from A: 1, from B: 0"), r.out);
    assertTrue(r.out.matches("(?s).*\\nq1\\s+0\\.7602\\s+1\\.0000\\s+\\+0\\.2398\\n.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nq2\\s+0\\.6309\\s+1\\.0000\\s+\\+0\\.3691\\n.*"), r.out);
    assertTrue(r.out.matches("(?s).*\\nq3\\s+0\\.0000\\s+0\\.6309\\s+\\+0\\.6309\\n.*"), r.out);
    assertFalse(r.out.contains("q4"), r.out);
    assertTrue(r.out.contains("mean B-A            +0.4133  (sd 0.1993)"), r.out);
    assertTrue(r.out.contains("95% CI of mean B-A  [-0.0817, +0.9083]  (Student t, 2 df)"), r.out);
    assertTrue(r.out.contains("wins/ties/losses    3 / 0 / 0"), r.out);
    assertTrue(r.out.contains("paired t-test       p = 0.0695  (two-sided; t = 3.5921, 2 df)"), r.out);
    assertTrue(r.out.contains("randomisation test  p = 0.2500  (two-sided, exact: all 2^3 = 8 sign assignments)"), r.out);
  }

  @Test
  void jsonReport() {
    Result r = run("compare", qrels.toString(), runA.toString(), runB.toString(), "--format", "json");
    assertEquals(0, r.code, r.err);
    String json = r.out.replaceAll("\\s", "");
    assertTrue(json.startsWith("{\"measure\":\"ndcg_cut.10\""), json); // the default measure
    assertTrue(json.contains("\"runA\":{\"source\":" + quoted(runA) + ",\"tag\":\"base\"}"), json);
    assertTrue(json.contains("\"queries\":{\"evaluated\":3,\"withoutRelevant\":1,\"missingFromA\":1,\"missingFromB\":0}"), json);
    assertTrue(json.contains("{\"query\":\"q2\",\"a\":0.63092975357145"), json);
    assertTrue(json.contains("\"wins\":3,\"ties\":0,\"losses\":0"), json);
    assertTrue(json.contains("\"randomisation\":{\"p\":0.25,\"method\":\"exact\",\"permutations\":8,\"seed\":42"), json);
    assertTrue(json.contains("\"tTest\":{\"t\":3.59214531795"), json);
  }

  @Test
  void identicalRunsGivePOne() {
    Result r = run("compare", qrels.toString(), runA.toString(), runA.toString(), "-m", "map");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("wins/ties/losses    0 / 3 / 0"), r.out);
    assertTrue(r.out.contains("paired t-test       p = 1.0000"), r.out);
    assertTrue(r.out.contains("randomisation test  p = 1.0000"), r.out);
  }

  @Test
  void monteCarloIsSeeded() throws IOException {
    // 12 queries: 2^12 = 4096 > 1000 draws, so the Monte Carlo test runs.
    StringBuilder q = new StringBuilder();
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      q.append("t").append(i).append(" 0 rel").append(i).append(" 1\n");
      a.add("t" + i + " Q0 x" + i + " 1 2.0 A");
      a.add("t" + i + " Q0 rel" + i + " 2 1.0 A");
      b.add("t" + i + " Q0 rel" + i + " 1 " + (i % 3 == 0 ? "1.0" : "3.0") + " B");
      b.add("t" + i + " Q0 x" + i + " 2 2.0 B");
    }
    Path qr = write("many.qrels", q.toString());
    Path ra = write("many-a.run", String.join("\n", a));
    Path rb = write("many-b.run", String.join("\n", b));
    String[] args = {"compare", qr.toString(), ra.toString(), rb.toString(), "-m", "recip_rank", "--permutations", "1000"};
    Result first = run(args);
    assertEquals(0, first.code, first.err);
    assertTrue(first.out.contains("1000 random sign flips, seed 42, p = (count + 1) / (N + 1)"), first.out);
    assertEquals(first.out, run(args).out, "same seed, same report");
    List<String> reseeded = new ArrayList<>(List.of(args));
    reseeded.addAll(List.of("--seed", "7"));
    Result other = run(reseeded.toArray(String[]::new));
    assertTrue(other.out.contains("seed 7"), other.out);
    assertNotEquals(first.out, other.out);
  }

  @Test
  void malformedQrelsNameFileAndLine() throws IOException {
    Path bad = write("bad.qrels", "q1 0 d1 1\nq1 0 d2 high\n");
    Result r = run("compare", bad.toString(), runA.toString(), runB.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains(bad + ":2:"), r.err);
    assertTrue(r.err.contains("rel"), r.err);
  }

  @Test
  void malformedRunNamesFileAndLine() throws IOException {
    Path bad = write("bad.run", "q1 Q0 d1 1 3.0 x\nq1 Q0 d2 2 x\n");
    Result r = run("compare", qrels.toString(), runA.toString(), bad.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains(bad + ":2:"), r.err);
  }

  @Test
  void badArgumentsExitWithTwo() {
    Result unknown = run("compare", qrels.toString(), runA.toString(), runB.toString(), "-m", "bperf");
    assertEquals(RankstackEval.EXIT_BAD_INPUT, unknown.code);
    assertTrue(unknown.err.contains("bperf"), unknown.err);
    Result several = run("compare", qrels.toString(), runA.toString(), runB.toString(), "-m", "P.5,10");
    assertEquals(RankstackEval.EXIT_BAD_INPUT, several.code);
    assertTrue(several.err.contains("needs exactly one"), several.err);
    Result few = run("compare", qrels.toString(), runA.toString(), runB.toString(), "--permutations", "100");
    assertEquals(RankstackEval.EXIT_BAD_INPUT, few.code);
    assertTrue(few.err.contains("at least 1000"), few.err);
    Result missing = run("compare", dir.resolve("nope").toString(), runA.toString(), runB.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, missing.code);
    assertTrue(missing.err.contains("nope"), missing.err);
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run("compare", qrels.toString(), runA.toString()).code);
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run("compare", qrels.toString(), runA.toString(), runB.toString(), "--format", "xml").code);
    Path noRelevant = writeUnchecked("none.qrels", "q1 0 d1 0\n");
    Result none = run("compare", noRelevant.toString(), runA.toString(), runB.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, none.code);
    assertTrue(none.err.contains("no query in the qrels has a relevant document"), none.err);
  }

  @Test
  void helpListsTheOptions() {
    Result r = run("compare", "--help");
    assertEquals(0, r.code);
    assertTrue(r.out.contains("--permutations") && r.out.contains("--seed") && r.out.contains("ndcg_cut.K"), r.out);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path writeUnchecked(String name, String content) {
    try {
      return write(name, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String quoted(Path p) {
    return ComparisonFormat.string(p.toString()).replaceAll("\\s", "");
  }
}
