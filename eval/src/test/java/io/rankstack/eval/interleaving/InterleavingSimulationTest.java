package io.rankstack.eval.interleaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.core.interleaving.BalancedInterleaving;
import io.rankstack.core.interleaving.Interleaving;
import io.rankstack.core.interleaving.TeamDraftInterleaving;
import io.rankstack.eval.RankstackEval;
import io.rankstack.core.io.TrecFormats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterleavingSimulationTest {
  @TempDir Path dir;

  /** 20 queries of 10 documents; d0..d2 relevant (grade 4); A ranks them first, B last. */
  private static Judgments qrels() {
    Judgments.Builder b = new Judgments.Builder();
    for (int q = 0; q < 20; q++) {
      for (int d = 0; d < 10; d++) {
        b.add("q" + q, "d" + d, d < 3 ? 4 : 0);
      }
    }
    return b.build();
  }

  private static Run run(String tag, boolean good) {
    List<RankedList> lists = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      List<Candidate> cs = new ArrayList<>();
      for (int r = 0; r < 10; r++) {
        int d = good ? r : 9 - r;
        cs.add(new Candidate("d" + d, 10 - r));
      }
      lists.add(new RankedList("q" + q, cs));
    }
    return Run.of(tag, lists);
  }

  @Test
  void theBetterRankerWinsEveryExperiment() {
    for (Interleaving m : List.of(new TeamDraftInterleaving(), new BalancedInterleaving())) {
      InterleavingSimulation sim = new InterleavingSimulation(qrels(), run("a", true), run("b", false),
          qrels().queryIds().stream().toList(), m, PositionBasedModel.dla(1), 10);
      for (int e = 0; e < 20; e++) {
        InterleavingSimulation.Tally[] t = sim.experiment(new int[] {200}, e);
        assertEquals(1, t[0].verdict(), m.name() + " experiment " + e + ": " + t[0]);
        assertTrue(t[0].pValue() < 0.01, m.name() + ": " + t[0]);
      }
    }
  }

  @Test
  void perQueryPreferencesAndTheirSignTest() {
    // 9 queries prefer A, 1 prefers B: two-sided p = 2 · P(X ≤ 1 | n = 10, 1/2) = 2 · 11/1024
    assertEquals(22.0 / 1024, new InterleavingSimulation.Tally(50, 30, 20, 9, 1).queryPValue(), 1e-12);
    assertEquals(1.0, new InterleavingSimulation.Tally(5, 0, 0, 0, 0).queryPValue(), 0);
    // with A far better on every query, after 200 impressions over 20 queries every query prefers A
    InterleavingSimulation sim = new InterleavingSimulation(qrels(), run("a", true), run("b", false),
        qrels().queryIds().stream().toList(), new TeamDraftInterleaving(), PositionBasedModel.dla(1), 10);
    InterleavingSimulation.Tally t = sim.experiment(new int[] {200}, 3)[0];
    assertEquals(20, t.queriesA(), t.toString());
    assertEquals(0, t.queriesB(), t.toString());
    assertTrue(t.queryPValue() < 1e-5, t.toString());
  }

  @Test
  void sameSeedSameTally() {
    InterleavingSimulation sim = new InterleavingSimulation(qrels(), run("a", true), run("b", false),
        qrels().queryIds().stream().toList(), new TeamDraftInterleaving(), PositionBasedModel.dla(1), 10);
    assertEquals(List.of(sim.experiment(new int[] {10, 50}, 5)), List.of(sim.experiment(new int[] {10, 50}, 5)));
  }

  @Test
  void commandReportsAgreementAndNeededImpressions() {
    Path q = dir.resolve("qrels");
    Path a = dir.resolve("a.run");
    Path b = dir.resolve("b.run");
    StringBuilder sb = new StringBuilder();
    qrels().grades().forEach((query, docs) -> docs.forEach((d, g) -> sb.append(query).append(" 0 ").append(d).append(' ').append(g).append('\n')));
    try {
      java.nio.file.Files.writeString(q, sb);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TrecFormats.writeRun(run("a", true), a);
    TrecFormats.writeRun(run("b", false), b);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"interleave-sim", "--qrels", q.toString(), "--run-a", a.toString(), "--run-b", b.toString(),
        "--experiments", "10", "--impressions", "20,100"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err::toString);
    assertTrue(out.toString().contains("(A is better)"), out.toString());
    assertTrue(out.toString().contains("90% agreement first reached at"), out.toString());
  }
}
