package io.rankstack.eval.ctr;

import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrModel;
import io.rankstack.online.ctr.Routing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Experiment 1 of issue 8: on {@link MovieLensCtr} (3 activity domains), AdaptDHM with K clusters
 * against one shared MLP, one MLP per domain and STAR with the true domains. Every model has the same
 * embedding table size, widths, learning rate, epochs, batch size and seed.
 */
public final class CtrMovieLensExperiment {
  /** One model's outcome: overall and per-domain test metrics, cost, and for AdaptDHM the test cluster sizes. */
  public record Result(String model, double auc, double logLoss, double[] domainAuc, double secondsPerEpoch,
      long parameters, int[] testClusters) {}

  private final CtrConfig base;
  private final int epochs;
  private final int batchSize;

  public CtrMovieLensExperiment(CtrConfig base, int epochs, int batchSize) {
    this.base = base;
    this.epochs = epochs;
    this.batchSize = batchSize;
  }

  /** The base config used for MovieLens: 2 hashed fields, 20 dense features, AdaptDHM defaults otherwise. */
  public static CtrConfig movieLensConfig(long seed, int buckets, int embedding, int[] hidden, double lr) {
    return CtrConfig.adaptDhm(MovieLensCtr.CATEGORICAL, MovieLensCtr.DENSE, 1, seed).withSizes(buckets, embedding, hidden)
        .withLearningRate(lr);
  }

  public List<Result> run(MovieLensCtr.Split split, int[] ks, PrintWriter log) {
    List<CtrExample> train = split.train().stream().map(MovieLensCtr::example).toList();
    List<CtrExample> test = split.test().stream().map(MovieLensCtr::example).toList();
    int domains = split.domains().names.size();
    // Warm-up (engine load, JIT) on a throwaway model, so the first timed model does not pay for it.
    CtrTraining.train(new CtrModel(base), train.subList(0, Math.min(train.size(), 20 * batchSize)), 1, batchSize, 0, false);
    List<Result> out = new ArrayList<>();
    out.add(single("shared MLP", base.asSharedMlp(), train, test, domains, log));
    out.add(perDomain(train, test, domains, log));
    out.add(single("STAR (true domains, K=" + domains + ")", base.asStar(domains), train, test, domains, log));
    for (int k : ks) {
      out.add(single("AdaptDHM K=" + k, base.withClusters(k), train, test, domains, log));
    }
    return out;
  }

  private Result single(String name, CtrConfig c, List<CtrExample> train, List<CtrExample> test, int domains,
      PrintWriter log) {
    CtrModel m = new CtrModel(c);
    double spe = CtrTraining.train(m, train, epochs, batchSize, c.seed(), true);
    float[] p = CtrTraining.predict(m, test);
    int[] clusters = null;
    if (c.clusterWeights() && c.routing() == io.rankstack.online.ctr.RoutingMode.LEARNED) {
      clusters = new int[c.clusters()];
      for (int from = 0; from < test.size(); from += 4096) {
        Routing r = m.routing(test.subList(from, Math.min(test.size(), from + 4096)));
        int[] n = r.counts(c.clusters());
        for (int j = 0; j < n.length; j++) {
          clusters[j] += n[j];
        }
      }
    }
    Result r = result(name, p, test, domains, spe, m.parameterCount(), clusters);
    log.printf("[ctr] %s: AUC %.4f, log loss %.4f, %.1f s/epoch%n", name, r.auc(), r.logLoss(), spe);
    log.flush();
    return r;
  }

  private Result perDomain(List<CtrExample> train, List<CtrExample> test, int domains, PrintWriter log) {
    float[] p = new float[test.size()];
    double seconds = 0;
    long params = 0;
    for (int d = 0; d < domains; d++) {
      final int dom = d;
      List<CtrExample> tr = train.stream().filter(e -> e.domain() == dom).toList();
      CtrModel m = new CtrModel(base.asSharedMlp());
      seconds += CtrTraining.train(m, tr, epochs, batchSize, base.seed(), true);
      params += m.parameterCount();
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        if (test.get(i).domain() == d) {
          idx.add(i);
        }
      }
      float[] q = CtrTraining.predict(m, idx.stream().map(test::get).toList());
      for (int i = 0; i < q.length; i++) {
        p[idx.get(i)] = q[i];
      }
    }
    Result r = result("one MLP per domain (" + domains + ")", p, test, domains, seconds, params, null);
    log.printf("[ctr] %s: AUC %.4f, log loss %.4f, %.1f s/epoch%n", r.model(), r.auc(), r.logLoss(), seconds);
    return r;
  }

  private static Result result(String name, float[] p, List<CtrExample> test, int domains, double spe, long params,
      int[] clusters) {
    double[] all = CtrTraining.metrics(p, test, -1);
    double[] dAuc = new double[domains];
    for (int d = 0; d < domains; d++) {
      dAuc[d] = CtrTraining.metrics(p, test, d)[0];
    }
    return new Result(name, all[0], all[1], dAuc, spe, params, clusters);
  }

  /** A Markdown table of the results. */
  public static String table(List<Result> rs, List<String> domainNames) {
    StringBuilder sb = new StringBuilder("| model | test AUC | test log loss |");
    StringBuilder rule = new StringBuilder("|---|---|---|");
    for (String d : domainNames) {
      sb.append(" AUC ").append(d).append(" |");
      rule.append("---|");
    }
    sb.append(" s/epoch | parameters | test examples per cluster |\n");
    sb.append(rule).append("---|---|---|\n");
    for (Result r : rs) {
      sb.append(String.format("| %s | %.4f | %.4f |", r.model(), r.auc(), r.logLoss()));
      for (double a : r.domainAuc()) {
        sb.append(String.format(" %.4f |", a));
      }
      sb.append(String.format(" %.1f | %,d | %s |%n", r.secondsPerEpoch(), r.parameters(),
          r.testClusters() == null ? "–" : Arrays.toString(r.testClusters())));
    }
    return sb.toString();
  }
}
