package io.rankstack.bandits.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The same round as {@link SelectUpdateBenchmark} (L = 1,000, K = 10, 20,000 warm-up rounds), timed
 * by the thread's CPU time instead of the wall clock, so that time the thread spends descheduled
 * on a loaded machine is not counted: rounds per CPU-second on one core. A complement to JMH, not
 * a replacement (JMH's harness, forking and blackholes are absent). Run:
 * {@code java -cp <test classpath> io.rankstack.bandits.bench.CpuTimeBench [rounds] [repeats]}.
 */
public final class CpuTimeBench {
  private CpuTimeBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String algorithm : new String[] {"UCB1", "KL_UCB", "TS", "LINUCB"}) {
      SelectUpdateBenchmark b = new SelectUpdateBenchmark();
      b.algorithm = algorithm;
      b.items = 1000;
      b.k = 10;
      b.warmRounds = 20_000;
      b.setUp();
      int n = algorithm.equals("UCB1") || algorithm.equals("KL_UCB") ? rounds : rounds / 10;
      double best = 0;
      double sum = 0;
      int sink = 0;
      for (int r = 0; r < repeats; r++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          sink += b.round();
        }
        double perSecond = n / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
        best = Math.max(best, perSecond);
        sum += perSecond;
      }
      System.out.printf(Locale.ROOT, "%-7s rounds per CPU-second: mean %.0f, best %.0f over %d repeats of %d rounds (%d)%n",
          algorithm, sum / repeats, best, repeats, n, sink & 1);
    }
  }
}
