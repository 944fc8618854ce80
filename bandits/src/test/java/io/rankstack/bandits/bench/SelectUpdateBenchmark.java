package io.rankstack.bandits.bench;

import io.rankstack.bandits.CascadeKlUcb;
import io.rankstack.bandits.CascadeLinUcb;
import io.rankstack.bandits.CascadeModel;
import io.rankstack.bandits.CascadeThompson;
import io.rankstack.bandits.CascadeUcb1;
import io.rankstack.bandits.CascadingBandit;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One round of a cascading bandit: select a list of K = 10 out of L = 1,000 items, simulate the
 * cascade click, update. Learners are pre-trained for {@code warmRounds} rounds so the measurement
 * is the steady state, not the +∞ warm-up. CascadeLinUCB uses d = 10 random features.
 *
 * <p>Run (see docs/experiments/bandits.md): {@code java -cp <test classpath> org.openjdk.jmh.Main SelectUpdateBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SelectUpdateBenchmark {
  @Param({"UCB1", "KL_UCB", "TS", "LINUCB"})
  public String algorithm;

  @Param("1000")
  public int items;

  @Param("10")
  public int k;

  @Param("20000")
  public int warmRounds;

  private CascadingBandit bandit;
  private CascadeModel model;
  private SplittableRandom rng;

  @Setup
  public void setUp() {
    SplittableRandom init = new SplittableRandom(20261129);
    double[] w = new double[items];
    for (int e = 0; e < items; e++) {
      w[e] = 0.2 * init.nextDouble();
    }
    model = new CascadeModel(w, k);
    bandit = switch (algorithm) {
      case "UCB1" -> new CascadeUcb1(items, k);
      case "KL_UCB" -> new CascadeKlUcb(items, k);
      case "TS" -> new CascadeThompson(items, k, 7);
      case "LINUCB" -> {
        double[][] x = new double[items][10];
        for (double[] row : x) {
          for (int i = 0; i < row.length; i++) {
            row[i] = init.nextGaussian() / Math.sqrt(row.length);
          }
        }
        yield new CascadeLinUcb(x, k, 1.0, 0.5);
      }
      default -> throw new IllegalArgumentException(algorithm);
    };
    rng = new SplittableRandom(1);
    for (int t = 0; t < warmRounds; t++) {
      round();
    }
  }

  @Benchmark
  public int round() {
    int[] list = bandit.select();
    int click = model.click(list, rng);
    bandit.update(list, click);
    return click;
  }
}
