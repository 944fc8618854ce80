package io.rankstack.eval.ctr;

import io.rankstack.core.Shuffle;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrMetrics;
import io.rankstack.online.ctr.CtrModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Batch training and evaluation loops shared by the ctr experiments. */
final class CtrTraining {
  private CtrTraining() {}

  /** Trains {@code epochs} passes over {@code data} in mini-batches, reshuffled each epoch (seeded); returns seconds per epoch. */
  static double train(CtrModel model, List<CtrExample> data, int epochs, int batchSize, long seed, boolean shuffle) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long t0 = System.nanoTime();
    for (int e = 0; e < epochs; e++) {
      if (shuffle) {
        Shuffle.inPlace(order, rng);
      }
      for (int from = 0; from < order.length; from += batchSize) {
        List<CtrExample> batch = new ArrayList<>(batchSize);
        for (int i = from; i < Math.min(order.length, from + batchSize); i++) {
          batch.add(data.get(order[i]));
        }
        model.train(batch);
      }
    }
    return epochs == 0 ? 0 : (System.nanoTime() - t0) / 1e9 / epochs;
  }

  /** Scores in chunks of 4,096 (bounded native memory per call). */
  static float[] predict(CtrModel model, List<CtrExample> data) {
    float[] out = new float[data.size()];
    for (int from = 0; from < data.size(); from += 4096) {
      float[] p = model.predict(data.subList(from, Math.min(data.size(), from + 4096)));
      System.arraycopy(p, 0, out, from, p.length);
    }
    return out;
  }

  static int[] labels(List<CtrExample> data) {
    return data.stream().mapToInt(CtrExample::label).toArray();
  }

  /** AUC and log loss of {@code p} on the rows of {@code data} whose domain is {@code domain} (-1: all). */
  static double[] metrics(float[] p, List<CtrExample> data, int domain) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (domain < 0 || data.get(i).domain() == domain) {
        idx.add(i);
      }
    }
    float[] q = new float[idx.size()];
    int[] y = new int[idx.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = p[idx.get(i)];
      y[i] = data.get(idx.get(i)).label();
    }
    return new double[] {CtrMetrics.auc(q, y), CtrMetrics.logLoss(q, y)};
  }
}
