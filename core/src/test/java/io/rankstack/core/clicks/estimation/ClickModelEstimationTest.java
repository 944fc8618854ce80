package io.rankstack.core.clicks.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.clicks.AttractionScale;
import io.rankstack.core.clicks.CascadeModel;
import io.rankstack.core.clicks.ClickModel;
import io.rankstack.core.clicks.ClickSession;
import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.core.clicks.YandexClickLog;
import io.rankstack.core.io.InputFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickModelEstimationTest {
  @TempDir Path dir;

  /** 4 queries of 6 documents with fixed grades, shown in a random order per session (so positions vary). */
  private static List<ClickSession> simulate(ClickModel model, int sessions, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ClickSession> out = new ArrayList<>();
    int[] grades = {0, 1, 2, 3, 4, 0};
    for (int s = 0; s < sessions; s++) {
      String q = "q" + (s % 4);
      List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
      for (int i = order.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
      }
      int[] shownGrades = new int[order.size()];
      List<String> docs = new ArrayList<>();
      for (int k = 0; k < order.size(); k++) {
        shownGrades[k] = grades[order.get(k)];
        docs.add(q + "-d" + order.get(k));
      }
      out.add(new ClickSession(q, docs, model.sample(shownGrades, random)));
    }
    return out;
  }

  @Test
  void pbmEmRecoversRelativeExamination() {
    PositionBasedModel truth = PositionBasedModel.dla(1);
    PbmEstimator.Fitted fitted = (PbmEstimator.Fitted) new PbmEstimator(60).fit(simulate(truth, 60_000, 7));
    for (int r = 1; r < 6; r++) {
      double expected = truth.examination(r) / truth.examination(0);
      double got = fitted.examination(r) / fitted.examination(0);
      assertEquals(expected, got, 0.06 * expected, "rank " + (r + 1));
    }
  }

  @Test
  void cascadeMleRecoversAttraction() {
    List<ClickSession> log = simulate(new CascadeModel(AttractionScale.DEFAULT), 40_000, 11);
    FittedClickModel fitted = new CascadeEstimator().fit(log);
    // a session with nothing clicked: every rank's prediction is the pair's attraction
    ClickSession probe = new ClickSession("q0", List.of("q0-d4", "q0-d0", "q0-d3"), new boolean[3]);
    double[] q = fitted.conditionalClickProbabilities(probe);
    assertEquals(1.0, q[0], 0.01);
    assertEquals(0.1, q[1], 0.02);
    assertEquals(0.52, q[2], 0.03);
  }

  @Test
  void trueFamilyFitsBestOnHeldOutSessions() {
    List<ClickSession> train = simulate(new CascadeModel(AttractionScale.DEFAULT), 30_000, 3);
    List<ClickSession> test = simulate(new CascadeModel(AttractionScale.DEFAULT), 10_000, 4);
    double cascade = ClickModelEvaluation.evaluate(new CascadeEstimator().fit(train), test).logLikelihood();
    double pbm = ClickModelEvaluation.evaluate(new PbmEstimator(30).fit(train), test).logLikelihood();
    assertTrue(cascade > pbm, "cascade " + cascade + " vs pbm " + pbm);
  }

  @Test
  void evaluationByHand() {
    FittedClickModel fixed = new FittedClickModel() {
      @Override
      public double[] conditionalClickProbabilities(ClickSession s) {
        return new double[] {0.5, 0.2};
      }

      @Override
      public String name() {
        return "fixed";
      }
    };
    List<ClickSession> sessions = List.of(
        new ClickSession("q", List.of("a", "b"), new boolean[] {true, false}),
        new ClickSession("q", List.of("a", "b"), new boolean[] {false, true}));
    ClickModelEvaluation.Report r = ClickModelEvaluation.evaluate(fixed, sessions);
    assertEquals((Math.log(0.5) + Math.log(0.8) + Math.log(0.5) + Math.log(0.2)) / 2, r.logLikelihood(), 1e-12);
    double p2 = Math.pow(2, -(log2(0.8) + log2(0.2)) / 2);
    assertArrayEquals(new double[] {2.0, p2}, r.perplexityByRank(), 1e-12);
    assertEquals((2.0 + p2) / 2, r.perplexity(), 1e-12);
  }

  @Test
  void continuationAfterClickByHand() {
    // alpha 0.5 everywhere (unseen pairs), continuation 0.6; clicks [1, 0, 0]
    ClickSession s = new ClickSession("q", List.of("a", "b", "c"), new boolean[] {true, false, false});
    double[] q = ContinuationModels.afterLastClick(s, (x, d) -> 0.5, (x, d, r) -> 0.6);
    // rank 2: P(E) = 0.6 / (0.6 + 0.4) = 0.6; rank 3: 0.6*0.5 / (0.3 + 0.4) = 3/7
    assertArrayEquals(new double[] {0.5, 0.3, 0.5 * 3 / 7}, q, 1e-12);
  }

  @Test
  void readsYandexSessions() throws Exception {
    Path f = dir.resolve("log");
    Files.writeString(f, "7_1\ta,b,c : b , b , z; 7_1\ta,c,b :;\n8_2\tx,y : x\n");
    YandexClickLog.Result r = YandexClickLog.read(f);
    assertEquals(3, r.sessions().size());
    assertArrayEquals(new boolean[] {false, true, false}, r.sessions().get(0).clicks());
    assertArrayEquals(new boolean[] {false, false, false}, r.sessions().get(1).clicks());
    assertEquals("8_2", r.sessions().get(2).query());
    assertEquals(1, r.clicksOffPage()); // z
  }

  @Test
  void malformedYandexSessionNamesLineAndField() throws Exception {
    Path f = dir.resolve("bad");
    Files.writeString(f, "7_1\ta,b : a\n7_1 a,b : a\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> YandexClickLog.read(f));
    assertEquals(2, e.line());
    assertEquals("query", e.field());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
