package io.rankstack.core.clicks.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.clicks.AttractionScale;
import io.rankstack.core.clicks.CascadeModel;
import io.rankstack.core.clicks.ClickModel;
import io.rankstack.core.clicks.ClickSession;
import io.rankstack.core.clicks.DynamicBayesianNetworkModel;
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
  void dbnEStepByHand() {
    // alpha = sigma = 0.5, gamma = 0.8, clicks [0, 1, 0]. Backward: b3(1) = 0.5, b2(1) = 0.5 (0.5 + 0.5 (0.8 * 0.5 + 0.2)) = 0.4,
    // b1(1) = 0.5 * 0.8 * 0.4 = 0.16 = Z; forward f = [1, 0.4, 0.08].
    DbnEstimator.Posteriors p = DbnEstimator.posteriors(new boolean[] {false, true, false},
        new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, 0.8);
    assertEquals(0.16, p.likelihood(), 1e-12);
    // P(E3) = 0.08 * 0.5 / 0.16; P(S2) = 0.5 / (0.5 + 0.5 * (0.8 * 0.5 + 0.2))
    assertArrayEquals(new double[] {1, 1, 0.25}, p.examination(), 1e-12);
    assertArrayEquals(new double[] {0, 0.625, 0}, p.satisfaction(), 1e-12);
    // P(A | skip) = alpha (1 - P(E)): 0 at rank 1 (examined for sure), 0.5 * 0.75 at rank 3
    assertArrayEquals(new double[] {0, 1, 0.375}, p.attraction(), 1e-12);
  }

  @Test
  void dbnMStepByHand() {
    ClickSession s = new ClickSession("q", List.of("a", "b", "c"), new boolean[] {false, true, false});
    DbnEstimator.Fitted f = DbnEstimator.estimatingGamma(1, 0.8).fit(List.of(s));
    // gamma = (P(E2) + P(E3)) / ((P(E1) - 0) + (P(E2) - P(S2))) = 1.25 / 1.375; Beta(1, 1) smoothing (num + 1) / (den + 2)
    assertEquals(1.25 / 1.375, f.gamma(), 1e-12);
    assertEquals(1.0 / 3, f.attraction("q", "a"), 1e-12);
    assertEquals(2.0 / 3, f.attraction("q", "b"), 1e-12);
    assertEquals(1.375 / 3, f.attraction("q", "c"), 1e-12);
    assertEquals(1.625 / 3, f.satisfaction("q", "b"), 1e-12);
    assertEquals(0.8, DbnEstimator.fixedGamma(1, 0.8).fit(List.of(s)).gamma(), 0);
    // prediction: rank 2 after a skip: e2 = 0.8 * (1 - a_a) / (1 - a_a)... with a_a = 1/3: 0.8 * (2/3) / (2/3) = 0.8
    double[] q = f.conditionalClickProbabilities(s);
    assertEquals(1.0 / 3, q[0], 1e-12);
    double e2 = f.gamma() * (2.0 / 3) / (1 - 1.0 / 3);
    assertEquals(2.0 / 3 * e2, q[1], 1e-12);
    assertEquals(1.375 / 3 * (1 - 1.625 / 3) * f.gamma(), q[2], 1e-12);
  }

  @Test
  void dbnEmRecoversParameters() {
    AttractionScale satisfaction = AttractionScale.of(0.2, 0.3, 0.5, 0.7, 0.9);
    DynamicBayesianNetworkModel truth = new DynamicBayesianNetworkModel(AttractionScale.DEFAULT, satisfaction, 0.7);
    DbnEstimator.Fitted f = DbnEstimator.estimatingGamma(40, 0.5).fit(simulate(truth, 40_000, 17));
    assertEquals(0.7, f.gamma(), 0.03);
    for (String q : List.of("q0", "q1", "q2", "q3")) {
      assertEquals(0.28, f.attraction(q, q + "-d2"), 0.05, q + " alpha of grade 2");
      assertEquals(0.52, f.attraction(q, q + "-d3"), 0.05, q + " alpha of grade 3");
      assertEquals(0.7, f.satisfaction(q, q + "-d3"), 0.08, q + " sigma of grade 3");
      assertEquals(0.9, f.satisfaction(q, q + "-d4"), 0.08, q + " sigma of grade 4");
    }
    List<ClickSession> test = simulate(truth, 10_000, 18);
    double dbn = ClickModelEvaluation.evaluate(f, test).logLikelihood();
    double sdbn = ClickModelEvaluation.evaluate(new SimplifiedDbnEstimator().fit(simulate(truth, 40_000, 17)), test).logLikelihood();
    assertTrue(dbn > sdbn, "dbn " + dbn + " vs simplified " + sdbn);
  }

  @Test
  void dbnRejectsPerseveranceOutsideTheOpenInterval() {
    assertThrows(IllegalArgumentException.class, () -> DbnEstimator.fixedGamma(10, 1.0));
    assertThrows(IllegalArgumentException.class, () -> DbnEstimator.estimatingGamma(0, 0.5));
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
