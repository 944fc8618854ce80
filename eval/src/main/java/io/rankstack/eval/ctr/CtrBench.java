package io.rankstack.eval.ctr;

import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrModel;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Speed of the CTR model on this machine: training examples/s (one shuffled epoch), scoring
 * examples/s (chunks of 4,096), and the latency of scoring one request of 100 candidates
 * (HdrHistogram, after a warm-up).
 */
public final class CtrBench {
  public record Row(String model, double trainPerSecond, double scorePerSecond, double p50Ms, double p99Ms,
      double maxMs, long requests) {}

  private CtrBench() {}

  public static Row run(String name, CtrConfig config, List<CtrExample> train, List<CtrExample> test, int batchSize,
      int warmup, int requests) {
    CtrModel m = new CtrModel(config);
    // Warm-up (engine load, JIT) on a throwaway model.
    CtrTraining.train(new CtrModel(config), train.subList(0, Math.min(train.size(), 20 * batchSize)), 1, batchSize, 0, false);
    double spe = CtrTraining.train(m, train, 1, batchSize, config.seed(), true);
    long t0 = System.nanoTime();
    CtrTraining.predict(m, test);
    double scoreSeconds = (System.nanoTime() - t0) / 1e9;
    CtrModel serving = m.snapshot();
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < warmup + requests; i++) {
      int from = (i * 100) % (test.size() - 100);
      List<CtrExample> request = test.subList(from, from + 100);
      long s = System.nanoTime();
      serving.predict(request);
      long ns = System.nanoTime() - s;
      if (i >= warmup) {
        h.recordValue(ns);
      }
    }
    return new Row(name, train.size() / spe, test.size() / scoreSeconds, h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, h.getTotalCount());
  }

  public static String table(List<Row> rows) {
    StringBuilder sb = new StringBuilder(
        "| model | train examples/s | score examples/s | 100 candidates p50 ms | p99 ms | max ms | requests |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append(String.format("| %s | %,.0f | %,.0f | %.2f | %.2f | %.2f | %d |%n", r.model(), r.trainPerSecond(),
          r.scorePerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.requests()));
    }
    return sb.toString();
  }
}
