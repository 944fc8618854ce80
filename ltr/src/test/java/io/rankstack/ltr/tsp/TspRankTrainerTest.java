package io.rankstack.ltr.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DJL smoke tests on an easy synthetic ranking problem (seconds, CPU). */
class TspRankTrainerTest {
  /**
   * Lists of 6 items with 4 features each; an item's grade is the rank of w·x within its list
   * (0..5, all distinct), so the gold order is a function of the features. Items are presented in
   * random order (a useless first stage).
   */
  static List<TspList> synthetic(int lists, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = {1.0, -0.5, 0.8, 0.0};
    List<TspList> out = new ArrayList<>();
    for (int q = 0; q < lists; q++) {
      int n = 6;
      float[][] x = new float[n][4];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < 4; f++) {
          x[i][f] = (float) r.nextGaussian();
          s[i] += w[f] * x[i][f];
        }
      }
      int[] grades = new int[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (s[j] < s[i]) {
            grades[i]++;
          }
        }
      }
      String[] ids = new String[n];
      for (int i = 0; i < n; i++) {
        ids[i] = "q" + q + "d" + i;
      }
      out.add(new TspList("q" + q, ids, x, grades));
    }
    return out;
  }

  /** Fraction of item pairs a ranking puts in gold order (0.5 expected for a random ranking). */
  static double pairAccuracy(int[] order, int[] grades) {
    int ok = 0;
    int all = 0;
    for (int a = 0; a < order.length; a++) {
      for (int b = a + 1; b < order.length; b++) {
        all++;
        if (grades[order[a]] > grades[order[b]]) {
          ok++;
        }
      }
    }
    return (double) ok / all;
  }

  private static double meanAccuracy(TspRankModel model, List<TspList> test) {
    double acc = 0;
    for (TspList l : test) {
      acc += pairAccuracy(model.rank(l.features(), new HeldKarpDecoder()).order(), l.grades());
    }
    return acc / test.size();
  }

  @Test
  void localTrainingLowersTheLossAndBeatsRandom() {
    List<TspList> train = synthetic(64, 1);
    List<TspList> test = synthetic(40, 2);
    List<TspRankTrainer.EpochStats> stats = new ArrayList<>();
    TspRankConfig cfg = new TspRankConfig(TrainingMode.LOCAL, 16, 0, 2, 15, 8, 0.003f, 7);
    try (TspRankModel m = new TspRankTrainer(cfg).train(train, (java.util.function.Consumer<TspRankTrainer.EpochStats>) stats::add)) {
      assertTrue(stats.get(stats.size() - 1).localLoss() < 0.8 * stats.get(0).localLoss(), stats.toString());
      double acc = meanAccuracy(m, test);
      // A random ranking scores 0.5 ± 0.02 here (600 pairs); a bilinear model of linear embeddings cannot
      // express "next lower score" exactly, so the bar is a clear margin, not perfection.
      assertTrue(acc > 0.65, "pair accuracy " + acc + " (random 0.5)");
    }
  }

  @Test
  void globalAndHybridTrainingLowerTheLoss() {
    List<TspList> train = synthetic(48, 3);
    List<TspList> test = synthetic(40, 4);
    for (TrainingMode mode : new TrainingMode[] {TrainingMode.GLOBAL, TrainingMode.HYBRID}) {
      List<TspRankTrainer.EpochStats> stats = new ArrayList<>();
      TspRankConfig cfg = new TspRankConfig(mode, 16, 0, 2, 10, 8, 0.01f, 11);
      try (TspRankModel m = new TspRankTrainer(cfg).train(train, (java.util.function.Consumer<TspRankTrainer.EpochStats>) stats::add)) {
        double first = stats.get(0).globalLoss();
        double last = stats.get(stats.size() - 1).globalLoss();
        assertTrue(last < first, mode + ": " + stats);
        double acc = meanAccuracy(m, test);
        assertTrue(acc > 0.65, mode + " pair accuracy " + acc);
      }
    }
  }

  @Test
  void encoderVariantTrains() {
    List<TspList> train = synthetic(32, 5);
    List<TspRankTrainer.EpochStats> stats = new ArrayList<>();
    TspRankConfig cfg = new TspRankConfig(TrainingMode.LOCAL, 16, 1, 2, 6, 8, 0.005f, 3);
    try (TspRankModel m = new TspRankTrainer(cfg).train(train, (java.util.function.Consumer<TspRankTrainer.EpochStats>) stats::add)) {
      assertTrue(stats.get(stats.size() - 1).localLoss() < stats.get(0).localLoss(), stats.toString());
      double[][] a = m.scoreMatrix(train.get(0).features());
      assertEquals(6, a.length);
      // Lists of another length than the one the block was initialised with (LayerNorm over the
      // feature axis only).
      float[][] four = java.util.Arrays.copyOf(train.get(1).features(), 4);
      assertEquals(4, m.scoreMatrix(four).length);
    }
  }

  @Test
  void sameSeedSameModel() {
    List<TspList> train = synthetic(16, 9);
    TspRankConfig cfg = new TspRankConfig(TrainingMode.HYBRID, 8, 0, 2, 2, 4, 0.01f, 5);
    try (TspRankModel m1 = new TspRankTrainer(cfg).train(train, (TspRankTrainer.EpochStats s) -> { });
        TspRankModel m2 = new TspRankTrainer(cfg).train(train, (TspRankTrainer.EpochStats s) -> { })) {
      float[][] x = train.get(0).features();
      double[][] a1 = m1.scoreMatrix(x);
      double[][] a2 = m2.scoreMatrix(x);
      for (int i = 0; i < a1.length; i++) {
        for (int j = 0; j < a1.length; j++) {
          assertEquals(a1[i][j], a2[i][j], 0.0);
        }
      }
    }
  }

  @Test
  void epochCallbackViewScoresFiniteMatrices() {
    List<TspList> train = synthetic(16, 12);
    TspRankConfig cfg = new TspRankConfig(TrainingMode.LOCAL, 8, 0, 2, 3, 4, 0.01f, 5);
    List<Double> seen = new ArrayList<>();
    try (TspRankModel m = new TspRankTrainer(cfg).train(train, (TspRankTrainer.EpochStats s, TspRankModel view) -> {
      double[][] a = view.scoreMatrix(train.get(0).features());
      for (double[] row : a) {
        for (double v : row) {
          assertTrue(Double.isFinite(v), "epoch " + s.epoch() + ": " + java.util.Arrays.deepToString(a));
        }
      }
      seen.add(a[0][1]);
      view.close(); // a no-op on a view
    })) {
      assertEquals(3, seen.size());
      assertTrue(Double.isFinite(m.scoreMatrix(train.get(0).features())[0][1]));
    }
  }

  @Test
  void configValidation() {
    assertThrows(IllegalArgumentException.class, () -> new TspRankConfig(TrainingMode.LOCAL, 16, 0, 3, 1, 1, 0.1f, 1));
    assertThrows(IllegalArgumentException.class, () -> new TspRankConfig(TrainingMode.LOCAL, 16, 0, 2, 0, 1, 0.1f, 1));
    assertThrows(IllegalArgumentException.class, () -> new TspRankConfig(null, 16, 0, 2, 1, 1, 0.1f, 1));
    assertThrows(IllegalArgumentException.class, () -> new TspRankConfig(TrainingMode.LOCAL, 16, 0, 2, 1, 1, 0f, 1));
  }

  @Test
  void goldOrderIsStableByGradeThenInputOrder() {
    TspList l = new TspList("q", new String[] {"a", "b", "c", "d"}, new float[4][1], new int[] {1, 2, 1, 0});
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0, 2, 3}, l.goldOrder());
  }
}
