package io.rankstack.eval.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The report against stand-in engines: what any {@link PerQueryScores} implementation may rely on. */
class ComparisonReportTest {
  private static final Judgments QRELS = new Judgments.Builder()
      .add("q1", "d1", 1).add("q2", "d2", 2).add("q3", "d3", 0).build();
  private static final Run A = Run.of("a", List.of(new RankedList("q1", List.of(new Candidate("d1", 1)))));
  private static final Run B = Run.of("b", List.of());

  @Test
  void anyEngineCanBePluggedIn() {
    // A stand-in engine scoring run "a" 0.5 and run "b" 0.75 on every query, plus a query the
    // comparison does not evaluate (ignored).
    PerQueryScores constant = (qrels, run, measure) ->
        Map.of("q1", run.tag().equals("a") ? 0.5 : 0.75, "q2", run.tag().equals("a") ? 0.5 : 0.75, "q3", 9.0);
    ComparisonReport r = ComparisonReport.build(QRELS, A, "a.run", B, "b.run", CompareSettings.defaults("anything"), constant);
    assertEquals(List.of("q1", "q2"), r.rows().stream().map(ComparisonReport.QueryRow::queryId).toList());
    assertEquals(0.25, r.stats().meanDifference(), 1e-12);
    assertEquals(1, r.withoutRelevant());
    assertEquals(1, r.missingFromA());
    assertEquals(2, r.missingFromB());
    assertEquals(new ComparisonReport.RunInfo("a.run", "a"), r.a());
  }

  @Test
  void engineThatSkipsAQueryIsAnError() {
    PerQueryScores partial = (qrels, run, measure) -> Map.of("q1", 0.5);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ComparisonReport.build(QRELS, A, "a", B, "b", CompareSettings.defaults("m"), partial));
    assertTrue(e.getMessage().contains("q2"), e.getMessage());
  }

  @Test
  void qrelsWithoutRelevantDocumentsAreRejected() {
    Judgments none = new Judgments.Builder().add("q1", "d1", 0).build();
    assertThrows(IllegalArgumentException.class,
        () -> ComparisonReport.build(none, A, "a", B, "b", CompareSettings.defaults("map"), new CoreMetricScores()));
  }

  @Test
  void commandTakesAnotherEngine() {
    // The command checks the measure with the engine it was given, before reading any file.
    PerQueryScores picky = new PerQueryScores() {
      @Override
      public Map<String, Double> scores(Judgments qrels, Run run, String measure) {
        throw new AssertionError("files do not exist, so scoring is never reached");
      }

      @Override
      public void checkMeasure(String measure) {
        throw new IllegalArgumentException("picky engine rejects " + measure);
      }
    };
    CommandLine cl = new CommandLine(new CompareCommand(picky));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println(ex.getMessage());
      return 2;
    });
    assertEquals(2, cl.execute("no-qrels", "no-a", "no-b", "-m", "ndcg_cut.10"));
    assertTrue(err.toString().contains("picky engine rejects ndcg_cut.10"), err.toString());
  }

  @Test
  void settingsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new CompareSettings(" ", 10_000, 1));
    assertThrows(IllegalArgumentException.class, () -> new CompareSettings("map", 999, 1));
    assertEquals(new CompareSettings("map", 10_000, 42), CompareSettings.defaults("map"));
  }
}
