package io.rankstack.eval.clicks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickModelsCommandTest {
  @TempDir Path dir;

  @Test
  void fitsEveryModelOnATinyLog() throws Exception {
    Path train = dir.resolve("train");
    Path test = dir.resolve("test");
    Files.writeString(train, "1_1\ta,b,c : a; 1_1\ta,b,c : b; 1_1\tb,a,c :\n2_1\tx,y,z : y , z\n");
    Files.writeString(test, "1_1\ta,b,c : a\n2_1\tx,y,z :\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"click-models", "--train", train.toString(), "--test", test.toString(), "--iterations", "5"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err::toString);
    for (String m : new String[] {"pbm", "cascade", "dcm", "sdbn", "dbn", "ubm"}) {
      assertTrue(out.toString().contains("\n" + m + " "), out.toString());
    }
    assertTrue(out.toString().contains("4 sessions"), out.toString());
  }

  @Test
  void malformedLogExitsTwo() throws Exception {
    Path bad = dir.resolve("bad");
    Files.writeString(bad, "no tab here : a\n");
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"click-models", "--train", bad.toString(), "--test", bad.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains(bad + ":1"), err.toString());
  }
}
