package io.rankstack.eval.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuseCommandTest {
  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    return RankstackEval.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }

  @Test
  void rrfOverTwoRunsByHand() throws Exception {
    Path a = dir.resolve("a.run");
    Path b = dir.resolve("b.run");
    Files.writeString(a, "q1 Q0 x 1 3.0 A\nq1 Q0 y 2 2.0 A\nq2 Q0 z 1 1.0 A\n");
    Files.writeString(b, "q1 Q0 y 1 9.0 B\nq1 Q0 w 2 8.0 B\n");
    Path out = dir.resolve("f.run");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "fuse", "--method", "rrf", "--out", out.toString(), a.toString(), b.toString()), err::toString);
    Run f = TrecFormats.readRun(out);
    // q1: y = 1/62 + 1/61 beats x = 1/61 and w = 1/62; q2 only in A
    assertEquals(List.of("y", "x", "w"), f.of("q1").docIds());
    assertEquals(List.of("z"), f.of("q2").docIds());
  }

  @Test
  void badMethodAndMalformedRunExitTwo() throws Exception {
    Path a = dir.resolve("a.run");
    Files.writeString(a, "q1 Q0 x 1 3.0 A\n");
    Path bad = dir.resolve("bad.run");
    Files.writeString(bad, "q1 Q0 x 1 high A\n");
    StringWriter err = new StringWriter();
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run(err, "fuse", "--method", "borda", "--out", "o", a.toString(), a.toString()));
    StringWriter err2 = new StringWriter();
    assertEquals(RankstackEval.EXIT_BAD_INPUT, run(err2, "fuse", "--out", dir.resolve("o").toString(), a.toString(), bad.toString()));
    assertTrue(err2.toString().contains(bad + ":1"), err2.toString());
  }
}
