package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input ends with exit code 2 and a message naming the file and line. */
class TrecInputErrorsTest {
  static final String GOOD_QRELS = "q1 0 d1 1\nq1 0 d2 0\n";
  static final String GOOD_RUN = "q1 Q0 d1 1 2.0 run\nq1 Q0 d2 2 1.0 run\n";

  @TempDir Path dir;

  /** Runs the CLI; returns stderr after checking stdout is empty and the exit code is 2. */
  private String failing(String qrels, String run, String... flags) throws Exception {
    Path q = dir.resolve("qrels.txt");
    Path r = dir.resolve("run.txt");
    Files.writeString(q, qrels);
    Files.writeString(r, run);
    String[] args = new String[flags.length + 3];
    args[0] = "trec";
    System.arraycopy(flags, 0, args, 1, flags.length);
    args[flags.length + 1] = q.toString();
    args[flags.length + 2] = r.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RankstackEval.run(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, exit, () -> "stdout: " + out + "\nstderr: " + err);
    assertEquals("", out.toString());
    return err.toString();
  }

  private void assertNames(String err, String file, int line) {
    String where = dir.resolve(file) + ":" + line + ":";
    assertTrue(err.contains(where), () -> "expected '" + where + "' in: " + err);
  }

  @Test
  void qrelsLineWithThreeFields() throws Exception {
    String err = failing("q1 0 d1 1\nq1 d2 0\n", GOOD_RUN);
    assertNames(err, "qrels.txt", 2);
    assertTrue(err.contains("expected 4 fields"), err);
  }

  @Test
  void beirQrelsWithBadScoreNamesLineAndField() throws Exception {
    String err = failing("query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\tx\n", GOOD_RUN);
    assertNames(err, "qrels.txt", 3);
    assertTrue(err.contains("field 'score'"), err);
  }

  @Test
  void beirQrelsEvaluateLikeTheirTrecEquivalent() throws Exception {
    Path beir = dir.resolve("test.tsv");
    Path trec = dir.resolve("qrels.trec");
    Path run = dir.resolve("run.txt");
    Files.writeString(beir, "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t0\nq1\td3\t2\n");
    Files.writeString(trec, "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\n");
    Files.writeString(run, GOOD_RUN);
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    assertEquals(0, RankstackEval.run(new String[] {"trec", "-m", "all_trec", beir.toString(), run.toString()}, new PrintWriter(a), new PrintWriter(new StringWriter())));
    assertEquals(0, RankstackEval.run(new String[] {"trec", "-m", "all_trec", trec.toString(), run.toString()}, new PrintWriter(b), new PrintWriter(new StringWriter())));
    assertEquals(b.toString(), a.toString());
    assertTrue(a.toString().contains("num_rel_ret           \tall\t1"), a.toString());
  }

  @Test
  void qrelsGradeThatIsNotAnInteger() throws Exception {
    String err = failing("q1 0 d1 1\n\n# comment\nq1 0 d2 high\n".replace("\n\n", "\n"), GOOD_RUN);
    assertNames(err, "qrels.txt", 3);
    assertTrue(err.contains("field 'rel'"), err);
  }

  @Test
  void blankLineInQrelsIsMalformedAsInTrecEval() throws Exception {
    assertNames(failing("q1 0 d1 1\n \nq1 0 d2 0\n", GOOD_RUN), "qrels.txt", 2);
  }

  @Test
  void documentJudgedTwice() throws Exception {
    String err = failing("q1 0 d1 1\nq1 0 d2 0\nq1 0 d1 0\n", GOOD_RUN);
    assertNames(err, "qrels.txt", 3);
    assertTrue(err.contains("also on line 1"), err);
  }

  @Test
  void runLineWithFiveFields() throws Exception {
    String err = failing(GOOD_QRELS, "q1 Q0 d1 1 2.0 run\n\n# comment\nq1 Q0 d2 2 1.0\n");
    assertNames(err, "run.txt", 4);
    assertTrue(err.contains("expected 6 fields"), err);
  }

  @Test
  void runScoreThatIsNotANumber() throws Exception {
    String err = failing(GOOD_QRELS, "q1 Q0 d1 1 2.0 run\nq1 Q0 d2 2 high run\n");
    assertNames(err, "run.txt", 2);
    assertTrue(err.contains("field 'sim'"), err);
  }

  @Test
  void documentRetrievedTwice() throws Exception {
    String err = failing(GOOD_QRELS, "q1 Q0 d1 1 2.0 run\nq1 Q0 d2 2 1.0 run\nq1 Q0 d1 3 0.5 run\n");
    assertNames(err, "run.txt", 3);
    assertTrue(err.contains("retrieved twice") && err.contains("also on line 1"), err);
  }

  @Test
  void duplicateBeyondMaxRetrievedIsIgnoredAsInTrecEval() throws Exception {
    Path q = dir.resolve("q");
    Path r = dir.resolve("r");
    Files.writeString(q, GOOD_QRELS);
    Files.writeString(r, "q1 Q0 d1 1 2.0 run\nq1 Q0 d2 2 1.0 run\nq1 Q0 d1 3 0.5 run\n");
    StringWriter out = new StringWriter();
    int exit = RankstackEval.run(new String[] {"trec", "-M2", "-m", "num_ret", q.toString(), r.toString()},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, exit);
    assertEquals("num_ret               \tall\t2\n", out.toString());
  }

  @Test
  void qrelsQueryWithoutResultsNeedsC() throws Exception {
    String err = failing(GOOD_QRELS + "q2 0 d9 1\n", GOOD_RUN);
    assertTrue(err.contains("'q2'") && err.contains("-c"), err);
  }

  @Test
  void emptyFiles() throws Exception {
    assertTrue(failing("", GOOD_RUN).contains("no judgments"));
    assertTrue(failing(GOOD_QRELS, "# only a comment\n").contains("no results"));
  }

  @Test
  void missingFile() throws Exception {
    StringWriter err = new StringWriter();
    int exit = RankstackEval.run(new String[] {"trec", dir.resolve("nope").toString(), dir.resolve("nope2").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(2, exit);
    assertTrue(err.toString().contains("nope"), err.toString());
  }

  @Test
  void badMeasuresAndFlags() throws Exception {
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-m", "nosuch").contains("illegal measure 'nosuch'"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-mP.0,5").contains("positive"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-mP.5,5").contains("duplicate"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-mP.").contains("improper measure"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-mndcg.1=2,3").contains("malformed pair"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-mutility.1,2").contains("4 coefficients"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-m", "prefs_simp").contains("not supported"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-x").contains("invalid option"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-M", "ten").contains("-M"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-M-1").contains(">= 0"));
    assertTrue(failing(GOOD_QRELS, GOOD_RUN, "-Rprefs").contains("not supported"));
  }

  @Test
  void readersThrowInputFormatExceptionWithFieldAndLine() {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> ResultsReader.read(new StringReader("q Q0 d 1 x t\n"), "run"));
    assertEquals("run", e.source());
    assertEquals(1, e.line());
    assertEquals("sim", e.field());
    InputFormatException q = assertThrows(InputFormatException.class,
        () -> QrelsReader.read(new StringReader("q 0 d 1 extra\n"), "qrels"));
    assertEquals(1, q.line());
  }
}
