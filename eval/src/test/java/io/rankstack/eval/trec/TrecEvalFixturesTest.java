package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * trec_eval 10.0's own regression tests ({@code make quicktest}): each command must print exactly
 * the bytes trec_eval printed. Fixtures and their provenance: {@code src/test/resources/trec_eval/NOTICE}.
 */
class TrecEvalFixturesTest {
  static Path fixtures() {
    try {
      return Path.of(TrecEvalFixturesTest.class.getResource("/trec_eval/NOTICE").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commands of trec_eval's Makefile; file names are resolved in the fixture directory. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("out.test", "qrels.test results.test"),
        Arguments.of("out.test.a", "-m all_trec qrels.test results.test"),
        Arguments.of("out.test.aq", "-m all_trec -q qrels.test results.test"),
        Arguments.of("out.test.aqc", "-m all_trec -q -c qrels.test results.trunc"),
        Arguments.of("out.test.aqcM", "-m all_trec -q -c -M100 qrels.test results.trunc"),
        Arguments.of("out.test.aql", "-m all_trec -mrelstring.20 -q -l2 qrels.rel_level results.test"),
        Arguments.of("out.test.meas_params", "-q -miprec_at_recall..10,.20,.25,.75,.50 -m P.5,7,3 "
            + "-m recall.20,2000 -m Rprec_mult.5.0,0.2,0.35 -mutility.2,-1,0,0 -m 11pt_avg..25,.5,.75 "
            + "-mndcg.1=3,2=9,4=4.5 -mndcg_cut.10,20,23.4 -msuccess.2,5,20 qrels.test results.test"));
  }

  /** Runs {@code rankstack-eval trec ARGS}, file names taken relative to the fixtures. */
  static String[] trecArgs(String commandLine) {
    Path dir = fixtures();
    List<String> args = new ArrayList<>(List.of("trec"));
    for (String a : commandLine.split(" ")) {
      args.add(a.startsWith("qrels") || a.startsWith("results") ? dir.resolve(a).toString() : a);
    }
    return args.toArray(new String[0]);
  }

  static String run(String[] args, StringWriter err, int expectedExit) {
    StringWriter out = new StringWriter();
    int exit = RankstackEval.run(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(expectedExit, exit, () -> "exit code of " + Arrays.toString(args) + "; stderr: " + err);
    return out.toString();
  }

  @ParameterizedTest(name = "{0}: trec_eval {1}")
  @MethodSource("commands")
  void printsExactlyWhatTrecEvalPrinted(String expectedFile, String commandLine) throws Exception {
    byte[] expected = Files.readAllBytes(fixtures().resolve(expectedFile));
    String actual = run(trecArgs(commandLine), new StringWriter(), 0);
    // Compare as text first for a readable diff, then byte for byte.
    assertEquals(new String(expected, StandardCharsets.UTF_8), actual);
    assertArrayEquals(expected, actual.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void apiPerQueryValuesAreThePrintedOnes() throws Exception {
    Path dir = fixtures();
    TrecEvalResult r = TrecEvaluator.evaluate(dir.resolve("qrels.test"), dir.resolve("results.test"),
        TrecEvalOptions.defaults().withMeasures("all_trec"));
    List<String> lines = Files.readAllLines(dir.resolve("out.test.aq"));
    int checked = 0;
    for (String line : lines) {
      String[] f = line.split("\t");
      String name = f[0].trim();
      if (name.equals("runid") || name.equals("relstring")) {
        continue;
      }
      double value = f[1].equals("all") ? r.summary(name) : r.value(f[1], name);
      String printed = f[2].contains(".") ? CPrintf.fixed(value, 6, 4) : Long.toString((long) value);
      assertEquals(f[2], printed, line);
      checked++;
    }
    assertEquals(lines.size() - 4, checked); // runid, 3 relstrings
    assertEquals(List.of("301", "302", "303"), r.queryIds());
    assertEquals("STANDARD", r.runId());
    assertEquals("'0000011000'", "'" + r.relString("301").orElseThrow() + "'");
    assertEquals(0.1518, r.perQuery("ndcg_cut_10").get("301"), 5e-5);
  }

  /** qrels-302.test and results-302.test are query 302 of the main files: its values must not change. */
  @Test
  void singleQueryFilesGiveTheSameValuesForThatQuery() throws Exception {
    String alone = run(trecArgs("-m all_trec -q -n qrels-302.test results-302.test"), new StringWriter(), 0);
    String expected = Files.readAllLines(fixtures().resolve("out.test.aq")).stream()
        .filter(l -> l.contains("\t302\t"))
        .collect(Collectors.joining("\n", "", "\n"));
    assertEquals(expected, alone);
  }
}
