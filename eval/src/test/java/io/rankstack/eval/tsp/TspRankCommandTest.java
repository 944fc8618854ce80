package io.rankstack.eval.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tsprank commands end to end on tiny inputs (seconds). */
class TspRankCommandTest {
  @TempDir
  Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, rc, err.toString());
    return out.toString();
  }

  @Test
  void benchDecodersPrintsOneRowPerDecoder() {
    String out = run("tsprank", "bench-decoders", "--sizes", "6", "--lists", "3", "--warmup", "0", "--kind", "UNIFORM");
    assertTrue(out.contains("| uniform | 6 | held-karp |"), out);
    assertTrue(out.contains("| uniform | 6 | cp-sat |"), out);
    assertTrue(out.contains("| uniform | 6 | heuristic |") && out.contains("0/3 | "), out);
  }

  /** 12 train and 4 test queries of 6 documents, 3 features; grade = round of the first feature. */
  private Path dataset() throws IOException {
    Path d = dir.resolve("letor/lightgbm-rank");
    Files.createDirectories(d);
    SplittableRandom r = new SplittableRandom(5);
    for (String name : new String[] {"rank.train", "rank.test"}) {
      int queries = name.equals("rank.train") ? 12 : 4;
      StringBuilder data = new StringBuilder();
      StringBuilder groups = new StringBuilder();
      for (int q = 0; q < queries; q++) {
        groups.append(6).append('\n');
        for (int i = 0; i < 6; i++) {
          double f1 = r.nextDouble(0, 4);
          data.append(Math.round(f1)).append(" 1:").append(f1).append(" 2:").append(r.nextDouble())
              .append(" 3:").append(r.nextDouble()).append('\n');
        }
      }
      Files.writeString(d.resolve(name), data);
      Files.writeString(d.resolve(name + ".query"), groups);
    }
    return dir;
  }

  @Test
  void experimentRunsEveryModeAndFirstStage() throws IOException {
    Path data = dataset();
    String out = run("tsprank", "experiment", "--data", data.toString(), "--features", "3", "--top", "5",
        "--epochs", "2", "--seeds", "1", "--hidden", "8", "--validation-fraction", "0.25");
    assertTrue(out.contains("| first stage: ridge |"), out);
    for (String m : new String[] {"local", "global", "hybrid"}) {
      assertTrue(out.contains("| TSPRank " + m + " | 1 |"), out);
    }
    assertTrue(out.contains("4/4 test lists decoded exactly"), out);
    // Scores from files: the feature sum written out reproduces the feature-sum first stage.
    Path dir2 = data.resolve("letor/lightgbm-rank");
    for (String name : new String[] {"rank.train", "rank.test"}) {
      StringBuilder s = new StringBuilder();
      for (String line : Files.readAllLines(dir2.resolve(name))) {
        double sum = 0;
        for (String tok : line.split(" ")) {
          if (tok.contains(":")) {
            sum += Float.parseFloat(tok.substring(tok.indexOf(':') + 1));
          }
        }
        s.append(sum).append('\n');
      }
      Files.writeString(dir.resolve(name + ".scores"), s);
    }
    String a = run("tsprank", "experiment", "--data", data.toString(), "--features", "3", "--top", "5",
        "--modes", "LOCAL", "--epochs", "1", "--seeds", "1", "--first-stage", "FEATURE_SUM");
    String b = run("tsprank", "experiment", "--data", data.toString(), "--features", "3", "--top", "5",
        "--modes", "LOCAL", "--epochs", "1", "--seeds", "1", "--first-stage", "FILE",
        "--first-stage-train-scores", dir.resolve("rank.train.scores").toString(),
        "--first-stage-test-scores", dir.resolve("rank.test.scores").toString());
    assertEquals(firstStageRow(a), firstStageRow(b).replace("file", "feature_sum"));
  }

  private static String firstStageRow(String out) {
    return out.lines().filter(l -> l.startsWith("| first stage")).findFirst().orElseThrow();
  }
}
