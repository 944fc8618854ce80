package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CtrModelTest {

  /** Two features that decide the click, one categorical ("a" clicks more) and one dense. */
  static List<CtrExample> synthetic(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<CtrExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String cat = rng.nextBoolean() ? "a" : "b";
      float d = (float) rng.nextDouble(-1, 1);
      double logit = (cat.equals("a") ? 1.5 : -1.5) + 2 * d;
      int y = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      out.add(new CtrExample(new String[] {cat}, new float[] {d}, y, cat.equals("a") ? 0 : 1));
    }
    return out;
  }

  static CtrConfig small(int k) {
    return new CtrConfig(1, 1, 64, 4, k, 0.9, 3, new int[] {8}, 0.02, 11, true, RoutingMode.LEARNED,
        RouterUpdate.DEFAULT);
  }

  /** p = 0.8, y = 1 → −ln 0.8 = 0.2231436; p = 0.3, y = 0 → −ln 0.7 = 0.3566749; mean 0.2899092. */
  @Test
  void binaryCrossEntropyMatchesTheHandComputation() {
    try (NDManager m = CtrEngine.newManager()) {
      NDArray z = m.create(new float[] {(float) Math.log(4), (float) Math.log(3.0 / 7)});
      NDArray y = m.create(new float[] {1, 0});
      assertEquals(0.2899092476, CtrModel.bce(z, y).getFloat(), 1e-6);
    }
    assertEquals(0.2899092476, CtrMetrics.logLoss(new float[] {0.8f, 0.3f}, new int[] {1, 0}), 1e-6);
  }

  /**
   * K = 1 is one MLP with weights W_s ⊙ W_1 and biases b_s + b_1: recomputed here in plain Java from
   * the parameters, after the cluster weights and biases were set away from their initial 1 and 0.
   */
  @Test
  void withOneClusterTheModelIsOneSharedTimesSpecificMlp() {
    CtrConfig c = new CtrConfig(1, 2, 16, 2, 1, 0.9, 3, new int[] {3}, 0.01, 5, true, RoutingMode.LEARNED);
    CtrModel model = new CtrModel(c);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 1; i < model.parameterArrays(); i++) {
      float[] p = model.parameter(i);
      for (int j = 0; j < p.length; j++) {
        p[j] = (float) rng.nextDouble(-1, 1);
      }
      model.setParameter(i, p);
    }
    List<CtrExample> xs = List.of(new CtrExample(new String[] {"u7"}, new float[] {0.5f, -2f}, 1, -1),
        new CtrExample(new String[] {"u9"}, new float[] {-1f, 0.25f}, 0, -1));
    float[] got = model.predict(xs);
    float[] emb = model.parameter(0);
    float[] ws1 = model.parameter(1);
    float[] wc1 = model.parameter(2);
    float[] bs1 = model.parameter(3);
    float[] bc1 = model.parameter(4);
    float[] ws2 = model.parameter(5);
    float[] wc2 = model.parameter(6);
    float[] bs2 = model.parameter(7);
    float[] bc2 = model.parameter(8);
    for (int i = 0; i < xs.size(); i++) {
      int bucket = FeatureHasher.bucket(0, xs.get(i).categorical()[0], 16);
      double[] x = {emb[bucket * 2], emb[bucket * 2 + 1], xs.get(i).dense()[0], xs.get(i).dense()[1]};
      double z = bs2[0] + bc2[0];
      for (int h = 0; h < 3; h++) {
        double a = bs1[h] + bc1[h];
        for (int d = 0; d < 4; d++) {
          a += x[d] * ws1[d * 3 + h] * wc1[d * 3 + h];
        }
        z += Math.max(0, a) * ws2[h] * wc2[h];
      }
      assertEquals(1 / (1 + Math.exp(-z)), got[i], 1e-6, "example " + i);
    }
  }

  @Test
  void theSameSeedGivesTheSameModelBitForBit() {
    List<CtrExample> data = synthetic(256, 3);
    CtrModel a = new CtrModel(small(3));
    CtrModel b = new CtrModel(small(3));
    for (int from = 0; from < data.size(); from += 64) {
      CtrModel.Step sa = a.train(data.subList(from, from + 64));
      CtrModel.Step sb = b.train(data.subList(from, from + 64));
      assertArrayEquals(sa.routing().clusters(), sb.routing().clusters());
      assertEquals(sa.loss(), sb.loss());
    }
    assertArrayEquals(CtrModelCodec.encode(a), CtrModelCodec.encode(b));
    assertNotEquals(new CtrModel(small(3).withSeed(12)).predict(data)[0], new CtrModel(small(3)).predict(data)[0]);
  }

  @Test
  void trainingLearnsASeparableSignal() {
    List<CtrExample> train = synthetic(2048, 1);
    List<CtrExample> test = synthetic(1024, 2);
    CtrModel model = new CtrModel(small(2));
    double first = 0;
    double last = 0;
    for (int epoch = 0; epoch < 3; epoch++) {
      for (int from = 0; from < train.size(); from += 128) {
        double loss = model.train(train.subList(from, from + 128)).loss();
        if (epoch == 0 && from == 0) {
          first = loss;
        }
        last = loss;
      }
    }
    assertTrue(last < first, "loss " + first + " -> " + last);
    int[] y = test.stream().mapToInt(CtrExample::label).toArray();
    // The Bayes-optimal AUC of this generator is about 0.86.
    assertTrue(CtrMetrics.auc(model.predict(test), y) > 0.8);
  }

  @Test
  void saveAndLoadGiveTheSameModelAndItContinuesIdentically() {
    List<CtrExample> data = synthetic(192, 4);
    CtrModel model = new CtrModel(small(3));
    model.train(data.subList(0, 64));
    model.train(data.subList(64, 128));
    byte[] bytes = CtrModelCodec.encode(model);
    CtrModel loaded = CtrModelCodec.decode(bytes);
    assertEquals(model.config(), loaded.config());
    assertEquals(model.steps(), loaded.steps());
    assertArrayEquals(model.predict(data), loaded.predict(data));
    assertArrayEquals(model.centres()[2], loaded.centres()[2]);
    // the default router's running mean of x travels with the model (two training batches seen)
    assertEquals(2, loaded.router().meanBatches());
    assertArrayEquals(model.router().mean(), loaded.router().mean());
    assertNotEquals(0.0, java.util.Arrays.stream(loaded.router().mean()).map(Math::abs).sum());
    model.train(data.subList(128, 192));
    loaded.train(data.subList(128, 192));
    assertArrayEquals(CtrModelCodec.encode(model), CtrModelCodec.encode(loaded));
    DistributionRouter r = CtrModelCodec.decodeRouter(CtrModelCodec.encodeRouter(model.router()));
    assertArrayEquals(model.centres()[1], r.centres()[1]);
  }

  @Test
  void corruptBytesAreRejectedWithAReason() {
    byte[] bytes = CtrModelCodec.encode(new CtrModel(small(2)));
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(IllegalArgumentException.class, () -> CtrModelCodec.decode(cut));
    bytes[3] = 'X';
    assertThrows(IllegalArgumentException.class, () -> CtrModelCodec.decode(bytes));
  }

  @Test
  void predictingNeverMovesTheCentresAndSnapshotsAreIndependent() {
    List<CtrExample> data = synthetic(128, 5);
    CtrModel model = new CtrModel(small(2));
    model.train(data.subList(0, 64));
    double[][] before = model.centres();
    CtrModel snap = model.snapshot();
    float[] snapScores = snap.predict(data);
    model.predict(data);
    assertArrayEquals(before[0], model.centres()[0]);
    model.train(data.subList(64, 128));
    assertArrayEquals(snapScores, snap.predict(data));
    assertNotEquals(snapScores[0], model.predict(data)[0]);
  }

  @Test
  void domainRoutingSendsEachExampleToItsDomainsTower() {
    CtrModel star = new CtrModel(small(2).asStar(2));
    List<CtrExample> data = synthetic(64, 6);
    assertArrayEquals(data.stream().mapToInt(CtrExample::domain).toArray(), star.train(data).routing().clusters());
    List<CtrExample> unknown = List.of(new CtrExample(new String[] {"a"}, new float[] {0}, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> star.predict(unknown));
  }

  @Test
  void theRouterSeparatesTwoBlobsOfDenseInputInsideTheModel() {
    CtrConfig c = new CtrConfig(0, 6, 1, 1, 2, 0.9, 3, new int[] {4}, 0.01, 9, true, RoutingMode.LEARNED);
    CtrModel model = new CtrModel(c);
    SplittableRandom rng = new SplittableRandom(9);
    for (int batch = 0; batch < 10; batch++) {
      DistributionRouterTest.Blobs b = DistributionRouterTest.blobs(rng, 64, 6, 3.0, 0.3);
      List<CtrExample> xs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        float[] d = new float[6];
        for (int j = 0; j < 6; j++) {
          d[j] = (float) b.x()[i][j];
        }
        xs.add(new CtrExample(new String[0], d, b.blob()[i], -1));
      }
      int[] cl = model.train(xs).routing().clusters();
      if (batch >= 3) {
        for (int i = 0; i < 64; i++) {
          assertEquals(cl[i] == cl[0], b.blob()[i] == b.blob()[0], "batch " + batch + ", row " + i);
        }
      }
    }
  }

  @Test
  void aWrongFeatureCountIsRejected() {
    CtrModel model = new CtrModel(small(2));
    List<CtrExample> bad = List.of(new CtrExample(new String[] {"a", "b"}, new float[] {0}, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> model.predict(bad));
  }

  @Test
  void parameterCountFollowsTheArchitecture() {
    // emb 64·4; layer 1: W_s 5·8 + W_c 2·5·8 + b_s 8 + b_c 2·8; layer 2: 8 + 2·8 + 1 + 2
    assertEquals(256 + 40 + 80 + 8 + 16 + 8 + 16 + 1 + 2, new CtrModel(small(2)).parameterCount());
    assertEquals(256 + 40 + 8 + 8 + 1, new CtrModel(small(2).asSharedMlp()).parameterCount());
  }

  @Test
  void engineOwnedArraysKeepTheirValues() {
    try (NDManager m = CtrEngine.newManager()) {
      assertArrayEquals(new float[] {1, 2, 3, 4}, CtrEngine.owned(m, new float[] {1, 2, 3, 4}, new Shape(2, 2)).toFloatArray());
    }
  }
}
