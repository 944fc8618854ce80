package io.rankstack.eval.ultr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.LetorRow;
import io.rankstack.ltr.dla.DlaCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ultr commands end to end on tiny data. */
class UltrCommandsTest {
  @TempDir Path dir;

  private static LetorDataset synthetic(String name, int queries, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LetorRow> rows = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      for (int d = 0; d < 12; d++) {
        float[] x = new float[4];
        for (int j = 0; j < 4; j++) {
          x[j] = (float) r.nextDouble();
        }
        int grade = (int) Math.min(4, Math.floor(5 * (0.7 * x[0] + 0.3 * x[1])));
        rows.add(new LetorRow(name + q, grade, x, "d" + d));
      }
    }
    return new LetorDataset(name, 4, rows);
  }

  private int run(StringWriter out, StringWriter err, String... args) {
    return RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void experimentPrintsEveryMethodAndSavesTheDlaRanker() throws Exception {
    Path train = dir.resolve("train.letor");
    Path test = dir.resolve("test.letor");
    LetorFormat.writeSvmlight(synthetic("t", 40, 1), train);
    LetorFormat.writeSvmlight(synthetic("e", 10, 2), test);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = run(out, err, "ultr", "experiment", "--train", train.toString(), "--test", test.toString(), "--linear",
        "--epochs", "2", "--batch", "8", "--sessions", "20000", "--eta", "1", "--propensity-lr", "0.5",
        "--out", dir.resolve("out").toString(), "--name", "tiny");
    assertEquals(0, rc, () -> out + "\n" + err);
    assertTrue(out.toString().contains("Adagrad 0.05 (propensity model 0.5)"), out.toString());
    assertTrue(err.toString().contains("propensity log-ratio shift"), err.toString());
    String s = out.toString();
    for (String m : new String[] {"logging ranker", "true grades", "naive", "randomisation propensities", "| 1 | DLA |", "oracle"}) {
      assertTrue(s.contains(m), m + " missing in\n" + s);
    }
    assertTrue(s.contains("| 1 | truth | 1.0000 | 1.1148 | 1.4167 | 2.0000 | 2.4286 |"), s);
    assertTrue(Files.size(dir.resolve("out/tiny-propensities.png")) > 1000);
    DlaCodec.Saved saved = DlaCodec.load(dir.resolve("out/tiny-dla-eta1"));
    assertEquals("dla", saved.info().method());
    assertEquals(0.5, saved.info().config().propensityLearningRate());
    assertEquals(4, saved.ranker().featureCount());
    assertTrue(saved.info().metrics().containsKey("test_nDCG@10"));
  }

  @Test
  void malformedLetorExitsTwoNamingTheLine() throws Exception {
    Path bad = dir.resolve("bad.letor");
    Files.writeString(bad, "1 qid:1 1:0.5\n1 qid:1 1:abc\n");
    StringWriter err = new StringWriter();
    int rc = run(new StringWriter(), err, "ultr", "experiment", "--train", bad.toString(), "--test", bad.toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, rc);
    assertTrue(err.toString().contains(bad + ":2"), err.toString());
  }

  @Test
  void yandexComparesDlaWithThePbm() throws Exception {
    Path log = dir.resolve("log");
    StringBuilder b = new StringBuilder();
    SplittableRandom r = new SplittableRandom(3);
    for (int q = 0; q < 3; q++) {
      b.append(q).append("_1\t");
      for (int s = 0; s < 40; s++) {
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
          docs.add("q" + q + "d" + ((d + s) % 10));
        }
        String click = r.nextDouble() < 0.6 ? docs.get(r.nextInt(3)) : "";
        b.append(s == 0 ? "" : "; " + q + "_1\t").append(String.join(",", docs)).append(" : ").append(click);
      }
      b.append('\n');
    }
    Files.writeString(log, b.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = run(out, err, "ultr", "yandex", "--log", log.toString(), "--epochs", "2", "--iterations", "5");
    assertEquals(0, rc, () -> out + "\n" + err);
    assertTrue(out.toString().contains("120 sessions, 30 distinct lists, 30 (query, document) one-hot features"), out.toString());
    assertTrue(out.toString().contains("| PBM (EM) γ_1/γ_k | 1.0000 |"), out.toString());
    assertTrue(out.toString().contains("| DLA P_o[1]/P_o[k] | 1.0000 |"), out.toString());
  }
}
