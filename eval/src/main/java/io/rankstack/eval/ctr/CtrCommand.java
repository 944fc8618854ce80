package io.rankstack.eval.ctr;

import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrExample;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rankstack-eval ctr}: AdaptDHM CTR experiments on MovieLens (issue 8). */
@Command(name = "ctr", mixinStandardHelpOptions = true,
    description = "Online CTR prediction with AdaptDHM distribution routing: experiments and benchmarks.",
    subcommands = {CommandLine.HelpCommand.class, CtrCommand.MovieLens.class, CtrCommand.OnlineVsBatch.class,
        CtrCommand.Bench.class})
public final class CtrCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every ctr experiment shares. */
  static class Common {
    @Option(names = "--data", defaultValue = "../shared/data", description = "data root (default: ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--train-fraction", defaultValue = "0.8", description = "time-ordered training share")
    double trainFraction;
    @Option(names = "--seed", defaultValue = "20261129")
    long seed;
    @Option(names = "--buckets", defaultValue = "32768", description = "hash buckets of the embedding table")
    int buckets;
    @Option(names = "--embedding", defaultValue = "8")
    int embedding;
    @Option(names = "--hidden", defaultValue = "32,16", split = ",")
    int[] hidden;
    @Option(names = "--lr", defaultValue = "0.003")
    double lr;
    @Option(names = "--batch", defaultValue = "256")
    int batch;
    @Option(names = "--limit", defaultValue = "0", description = "use only the first N ratings by time (0: all)")
    int limit;
    @Option(names = "--beta", defaultValue = "0.9", description = "router momentum β")
    double beta;
    @Option(names = "--iterations", defaultValue = "3", description = "router iterations per training batch")
    int iterations;
    @Option(names = "--router", defaultValue = "default",
        description = "router update: specified (as issue 8 states it), default (centred,normalised,mean) or a comma"
            + " list of centred, normalised, mean (default: ${DEFAULT-VALUE})")
    String router;
    @Option(names = "--domains", defaultValue = "ACTIVITY",
        description = "domain split: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    MovieLensCtr.Domains domains;

    MovieLensCtr.Split split() {
      Path dir = data.resolve("recsys/ml-latest-small");
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("no MovieLens folder at " + dir + " (use --data)");
      }
      MovieLensCtr.Split s = MovieLensCtr.load(dir, trainFraction, domains);
      if (limit > 0) {
        int nTrain = (int) Math.round(limit * trainFraction);
        s = new MovieLensCtr.Split(s.train().subList(0, Math.min(nTrain, s.train().size())),
            s.test().subList(0, Math.min(limit - nTrain, s.test().size())), s.domains());
      }
      return s;
    }

    CtrConfig config() {
      return CtrMovieLensExperiment.movieLensConfig(seed, buckets, embedding, hidden, lr).withRouter(beta, iterations)
          .withRouterUpdate(io.rankstack.online.ctr.RouterUpdate.parse(router));
    }
  }

  @Command(name = "movielens", mixinStandardHelpOptions = true,
      description = "AdaptDHM (K clusters) vs one shared MLP, one MLP per domain and STAR with the true domains.")
  static final class MovieLens implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Common common = new Common();
    @Option(names = "--epochs", defaultValue = "2")
    int epochs;
    @Option(names = "--k", defaultValue = "2,3,4,8", split = ",", description = "AdaptDHM cluster counts")
    int[] ks;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MovieLensCtr.Split s = common.split();
      out.println("MovieLens CTR: " + MovieLensCtr.describe(s));
      out.println("config: " + common.config() + ", epochs " + epochs + ", batch " + common.batch);
      List<CtrMovieLensExperiment.Result> rs = new CtrMovieLensExperiment(common.config(), epochs, common.batch)
          .run(s, ks, out);
      out.print(CtrMovieLensExperiment.table(rs, s.domains().names));
      out.flush();
      return 0;
    }
  }

  @Command(name = "online-vs-batch", mixinStandardHelpOptions = true,
      description = "The same model trained online from the Kafka topic (one pass) vs batch training on the same examples.")
  static final class OnlineVsBatch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Common common = new Common();
    @Option(names = "--epochs", defaultValue = "2", description = "epochs of the longer batch arm")
    int epochs;
    @Option(names = "--k", defaultValue = "4", description = "AdaptDHM clusters")
    int k;
    @Option(names = "--shuffle-window", defaultValue = "0,16384", split = ",",
        description = "online arms: shuffle windows of the learner (0: time order; multiples of --batch)")
    int[] windows;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MovieLensCtr.Split s = common.split();
      out.println("MovieLens CTR: " + MovieLensCtr.describe(s));
      CtrConfig c = new CtrConfig(io.rankstack.online.ctr.TrainingExampleFeatures.CATEGORICAL_FIELDS, MovieLensCtr.DENSE,
          common.buckets, common.embedding, k, common.beta, common.iterations, common.hidden,
          common.lr, common.seed, true, io.rankstack.online.ctr.RoutingMode.LEARNED,
          io.rankstack.online.ctr.RouterUpdate.parse(common.router));
      out.println("config: " + c + ", batch " + common.batch);
      List<CtrOnlineVsBatch.Arm> arms = CtrOnlineVsBatch.run(s, c, common.batch, epochs, windows, out);
      out.print(CtrOnlineVsBatch.table(arms));
      for (CtrOnlineVsBatch.Arm on : arms) {
        if (!on.name().startsWith(CtrOnlineVsBatch.ONLINE)) {
          continue;
        }
        for (CtrOnlineVsBatch.Arm b : arms) {
          if (!b.name().startsWith(CtrOnlineVsBatch.ONLINE)) {
            out.printf("AUC (%s) - (%s): %+.4f%n", on.name(), b.name(), on.auc() - b.auc());
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = "Training and scoring examples/s, and latency of scoring 100 candidates (p50/p99).")
  static final class Bench implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin Common common = new Common();
    @Option(names = "--requests", defaultValue = "2000")
    int requests;
    @Option(names = "--warmup", defaultValue = "300")
    int warmup;
    @Option(names = "--k", defaultValue = "1,4,8", split = ",", description = "AdaptDHM cluster counts (1 with cluster weights)")
    int[] ks;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MovieLensCtr.Split s = common.split();
      List<CtrExample> train = s.train().stream().map(MovieLensCtr::example).toList();
      List<CtrExample> test = s.test().stream().map(MovieLensCtr::example).toList();
      out.println("MovieLens CTR: " + MovieLensCtr.describe(s) + "; threads: ai.djl.pytorch.num_threads="
          + System.getProperty("ai.djl.pytorch.num_threads", "1 (default)"));
      List<CtrBench.Row> rows = new ArrayList<>();
      rows.add(CtrBench.run("shared MLP", common.config().asSharedMlp(), train, test, common.batch, warmup, requests));
      for (int k : ks) {
        rows.add(CtrBench.run("AdaptDHM K=" + k, common.config().withClusters(k), train, test, common.batch, warmup, requests));
        out.print(CtrBench.table(rows.subList(rows.size() - 1, rows.size())));
        out.flush();
      }
      out.print(CtrBench.table(rows));
      out.flush();
      return 0;
    }
  }
}
