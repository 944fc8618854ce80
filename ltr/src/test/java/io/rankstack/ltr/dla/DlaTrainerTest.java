package io.rankstack.ltr.dla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.ltr.tsp.TspRankTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlaTrainerTest {
  private static List<SyntheticClicks.Query> train;
  private static List<SyntheticClicks.Query> test;
  private static List<ClickedList> clicks;

  @TempDir Path dir;

  @BeforeAll
  static void data() {
    // tiny tensors: one intra-op thread is much faster on a loaded machine (unless the build sets it)
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    TspRankTrainer.configureEngine();
    train = SyntheticClicks.queries(300, 1);
    test = SyntheticClicks.queries(100, 2);
    clicks = SyntheticClicks.clicks(train, PositionBasedModel.dla(1), 1000, 3);
  }

  private static DlaConfig linear(int epochs, long seed) {
    return DlaConfig.paper(epochs, 20, seed).linear();
  }

  @Test
  void dlaRecoversThePbmPropensities() {
    DlaResult r = new DlaTrainer(linear(40, 5)).trainDla(clicks, null);
    double[] got = r.propensityRatios();
    PositionBasedModel truth = PositionBasedModel.dla(1);
    for (int k = 1; k < 5; k++) {
      double expected = truth.examination(0) / truth.examination(k);
      assertEquals(expected, got[k], 0.15 * expected, "rank " + (k + 1) + " of " + java.util.Arrays.toString(got));
    }
    assertTrue(r.learnedPropensity());
    assertTrue(SyntheticClicks.ndcg10(r.ranker(), test) > 0.9, "DLA nDCG@10 " + SyntheticClicks.ndcg10(r.ranker(), test));
  }

  @Test
  void sameSeedSameRankerOtherSeedAnother() {
    DlaConfig c = DlaConfig.paper(2, 50, 9);
    DlaConfig small = new DlaConfig(List.of(16, 8), 10, c.epochs(), c.batchSize(), 0.05, 0.05, 5, 0, 9);
    DlaRanker a = new DlaTrainer(small).trainDla(clicks, null).ranker();
    DlaRanker b = new DlaTrainer(small).trainDla(clicks, null).ranker();
    float[] x = train.get(0).features()[0];
    assertEquals(a.score(x), b.score(x), 0.0);
    DlaConfig other = new DlaConfig(List.of(16, 8), 10, 2, 50, 0.05, 0.05, 5, 0, 10);
    assertNotEquals(a.score(x), new DlaTrainer(other).trainDla(clicks, null).ranker().score(x));
  }

  @Test
  void logRatioShiftIsTheLargestChangeOfLogP0OverPk() {
    // before: log ratios 0, 0; after: logit_0 - logit_k = 0.5 - 0.2 = 0.3 and 0.5 + 0.3 = 0.8
    assertEquals(0.8, DlaTrainer.logRatioShift(new double[] {0, 0, 0}, new double[] {0.5, 0.2, -0.3}), 1e-12);
    // a common shift of all logits leaves every ratio unchanged
    assertEquals(0.0, DlaTrainer.logRatioShift(new double[] {1, 2, 3}, new double[] {2, 3, 4}), 1e-12);
  }

  @Test
  void epochStatsReportHowFarThePropensitiesMoved() {
    DlaResult one = new DlaTrainer(linear(1, 5)).trainDla(clicks, null);
    // the logits start at zero, so epoch 1 moved every log ratio from 0 to its final value
    double[] logits = one.propensityLogits();
    double expected = 0;
    for (int k = 1; k < logits.length; k++) {
      expected = Math.max(expected, Math.abs(logits[0] - logits[k]));
    }
    assertTrue(expected > 0.05, "epoch 1 should move the propensities: " + expected);
    assertEquals(expected, one.epochs().get(0).propensityShift(), 1e-6);
    // and the propensities settle: the last of 40 epochs moves them far less than the first
    List<DlaTrainer.EpochStats> forty = new DlaTrainer(linear(40, 5)).trainDla(clicks, null).epochs();
    assertTrue(forty.get(39).propensityShift() < 0.2 * forty.get(0).propensityShift(),
        forty.get(0).propensityShift() + " then " + forty.get(39).propensityShift());
  }

  @Test
  void propensityLearningRateOnlyChangesThePropensityModelsSteps() {
    DlaConfig slow = linear(1, 5);
    DlaConfig fast = new DlaConfig(slow.hidden(), 10, 1, slow.batchSize(), 0.05, 0.5, 5, 0, 5);
    DlaResult a = new DlaTrainer(slow).trainDla(clicks.subList(0, slow.batchSize()), null);
    DlaResult b = new DlaTrainer(fast).trainDla(clicks.subList(0, slow.batchSize()), null);
    // one step, both from zero logits: Adagrad's first step is lr·g/sqrt(0.1 + g²), so 10× the rate moves the
    // logits exactly 10× as far, and the ranker (learning rate 0.05 in both) takes the same step
    for (int k = 0; k < 10; k++) {
      assertEquals(10 * a.propensityLogits()[k], b.propensityLogits()[k], 1e-5, "logit " + k);
    }
    float[] x = train.get(0).features()[0];
    assertEquals(a.ranker().score(x), b.ranker().score(x), 0.0);
  }

  @Test
  void fixedPropensitiesLeaveThemUnchanged() {
    double[] p = new double[10];
    java.util.Arrays.fill(p, 1);
    DlaResult naive = new DlaTrainer(linear(3, 5)).trainWithPropensities(clicks, p, null);
    assertFalse(naive.learnedPropensity());
    assertArrayEquals(p, naive.propensityRatios(), 1e-12);
    assertTrue(Double.isNaN(naive.epochs().get(0).propensityLoss()));
    assertTrue(Double.isNaN(naive.epochs().get(0).propensityShift()));
  }

  @Test
  void trainingOnTrueGradesRanksHeldOutQueriesWell() {
    List<ClickedList> gains = new java.util.ArrayList<>();
    for (int q = 0; q < train.size(); q++) {
      double[] g = new double[10];
      for (int i = 0; i < 10; i++) {
        g[i] = Math.pow(2, train.get(q).grades()[i]) - 1;
      }
      gains.add(new ClickedList("q" + q, train.get(q).features(), g));
    }
    double[] ones = new double[10];
    java.util.Arrays.fill(ones, 1);
    DlaRanker r = new DlaTrainer(linear(20, 5)).trainWithPropensities(gains, ones, null).ranker();
    assertTrue(SyntheticClicks.ndcg10(r, test) > 0.93, "true-grade nDCG@10 " + SyntheticClicks.ndcg10(r, test));
  }

  @Test
  void javaRankerComputesWhatTheDjlGraphComputes() {
    DlaTrainer.Network net = DlaTrainer.Network.glorot(6, List.of(7, 5), 10, new SplittableRandom(4));
    float[] x = new float[20 * 6];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 4 - 2);
    }
    float[] zero = new float[6];
    float[] one = new float[6];
    java.util.Arrays.fill(one, 1);
    DlaRanker ranker = net.toRanker(zero, one);
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager m = engine.newBaseManager()) {
      float[] djl = net.scores(m, net.attach(m), DlaTrainer.owned(m, x, new Shape(20, 6)), 2).toFloatArray();
      for (int i = 0; i < 20; i++) {
        assertEquals(ranker.score(java.util.Arrays.copyOfRange(x, 6 * i, 6 * i + 6)), djl[i], 1e-5);
      }
    }
  }

  @Test
  void codecRoundTrip() throws Exception {
    DlaConfig c = new DlaConfig(List.of(8), 10, 1, 100, 0.05, 0.05, 5, 0, 1);
    DlaResult r = new DlaTrainer(c).trainDla(clicks, null);
    DlaCodec.Info info = new DlaCodec.Info("synthetic", "dla", c, r.propensityRatios(), Map.of("ndcg@10", 0.5), Instant.parse("2026-11-29T00:00:00Z"));
    DlaCodec.save(r.ranker(), info, dir.resolve("m"));
    DlaCodec.Saved back = DlaCodec.load(dir.resolve("m"));
    for (float[] x : test.get(0).features()) {
      assertEquals(r.ranker().score(x), back.ranker().score(x), 0.0);
    }
    assertEquals(List.of(8), back.ranker().hidden());
    assertEquals(c, back.info().config());
    assertArrayEquals(r.propensityRatios(), back.info().propensityRatios(), 0.0);
    assertEquals("dla", back.info().method());
    Files.writeString(dir.resolve("m").resolve(DlaCodec.WEIGHTS_FILE), "short");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DlaCodec.load(dir.resolve("m")));
    assertTrue(e.getMessage().contains("shorter"), e.getMessage());
  }

  @Test
  void rejectsListsLongerThanThePositions() {
    ClickedList eleven = new ClickedList("q", new float[11][2], new double[11]);
    assertThrows(IllegalArgumentException.class, () -> new DlaTrainer(linear(1, 1)).trainDla(List.of(eleven), null));
  }
}
