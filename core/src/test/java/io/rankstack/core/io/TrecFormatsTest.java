package io.rankstack.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.Judgments;
import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecFormatsTest {
  @TempDir Path dir;

  @Test
  void readsTrecAndBeirQrels() throws Exception {
    Path trec = dir.resolve("qrels.txt");
    Files.writeString(trec, "1 0 a 2\n1 0 b 0\n\n2 0 c 1\n");
    Judgments j = TrecFormats.readAnyQrels(trec);
    assertEquals(2, j.grade("1", "a"));
    assertEquals(1, j.relevantCount("1", 1));
    assertEquals(List.of("1", "2"), List.copyOf(j.queryIds()));

    Path beir = dir.resolve("test.tsv");
    Files.writeString(beir, "query-id\tcorpus-id\tscore\n7\tx\t1\n7\ty\t2\n");
    Judgments b = TrecFormats.readAnyQrels(beir);
    assertEquals(2, b.grade("7", "y"));
  }

  @Test
  void malformedQrelsNameFileLineAndField() throws Exception {
    Path trec = dir.resolve("bad.qrels");
    Files.writeString(trec, "1 0 a 2\n1 0 b high\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> TrecFormats.readQrels(trec));
    assertEquals(2, e.line());
    assertEquals("rel", e.field());
    assertTrue(e.getMessage().startsWith(trec + ":2: field 'rel'"), e.getMessage());
  }

  @Test
  void runRoundTripsAndOrdersTiesLikeTrecEval() throws Exception {
    Path file = dir.resolve("run.txt");
    Files.writeString(file, "q1 Q0 a 1 1.0 tagA\nq1 Q0 b 2 1.0 tagA\nq1 Q0 c 3 2.0 tagA\n");
    Run run = TrecFormats.readRun(file);
    assertEquals("tagA", run.tag());
    // score descending, equal scores by docid descending (trec_eval), rank column ignored
    assertEquals(List.of("c", "b", "a"), run.of("q1").docIds());

    Path out = dir.resolve("out.txt");
    TrecFormats.writeRun(Run.of("mine", List.of(new RankedList("q1", List.of(new Candidate("x", 2.5), new Candidate("y", 1))))), out);
    assertEquals("q1 Q0 x 1 2.500000 mine\nq1 Q0 y 2 1.000000 mine\n", Files.readString(out).replace("\r\n", "\n"));
  }

  @Test
  void malformedRunScoreIsReported() throws Exception {
    Path file = dir.resolve("run.txt");
    Files.writeString(file, "q1 Q0 a 1 nan? tag\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> TrecFormats.readRun(file));
    assertEquals("score", e.field());
    assertEquals(1, e.line());
  }
}
