package io.rankstack.eval.grank;

import io.rankstack.ltr.grank.GRankSimulation;
import io.rankstack.ltr.grank.PeerSimilarity;
import java.awt.BasicStroke;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval grank}: the G-Rank paper's simulation on MovieLens, with and without attacks. */
@Command(name = "grank", mixinStandardHelpOptions = true,
    description = {"Simulate G-Rank peers on MovieLens (movies as items, genres and tags as metadata) and report the",
        "positional distance to the global optimum over the queries, for F = 0 and F = 1, with and without attacks."})
public final class GRankCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Dataset root (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--nodes", defaultValue = "100", description = "Peers (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--fraction", defaultValue = "0.1", description = "Share of the catalogue each peer holds (default ${DEFAULT-VALUE}).")
  double fraction;

  @Option(names = "--queries", defaultValue = "10000", description = "Simulated queries (default ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--min-items", defaultValue = "20", description = "A term is a query term when at least this many movies carry it (default ${DEFAULT-VALUE}).")
  int minItems;

  @Option(names = "--attackers", defaultValue = "10", description = "Sybil identities, or fake clicks per step for inflation (default ${DEFAULT-VALUE}).")
  int attackers;

  @Option(names = "--variant", defaultValue = "paper", description = "paper or code similarity (default ${DEFAULT-VALUE}).")
  String variant;

  @Option(names = "--window", defaultValue = "500", description = "Moving-average window of the reported curve (default ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--plot", description = "Write the distance curves as PNG here.")
  Path plot;

  @Override
  public Integer call() throws Exception {
    PeerSimilarity.Variant v = switch (variant.toLowerCase(Locale.ROOT)) {
      case "paper" -> PeerSimilarity.Variant.PAPER;
      case "code" -> PeerSimilarity.Variant.REFERENCE_CODE;
      default -> throw new IllegalArgumentException("unknown --variant '" + variant + "'; expected paper or code");
    };
    if (window < 1) {
      throw new IllegalArgumentException("--window must be at least 1");
    }
    MovieLensCatalogue.Catalogue cat = MovieLensCatalogue.read(data.resolve("recsys/ml-latest-small"), minItems);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "grank: %d movies, %d query terms (carried by >= %d movies), %d peers holding %.0f%% each, %d queries, seed %d, similarity %s%n",
        cat.items().size(), cat.terms().size(), minItems, nodes, 100 * fraction, queries, seed, v);
    List<GRankSimulation.Config> configs = new ArrayList<>();
    for (GRankSimulation.Attack attack : GRankSimulation.Attack.values()) {
      for (double f : new double[] {0, 1}) {
        configs.add(new GRankSimulation.Config(nodes, fraction, queries, f, true, v, attack, attackers, 10, seed));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<Future<GRankSimulation.Result>> futures = new ArrayList<>();
    for (GRankSimulation.Config c : configs) {
      futures.add(pool.submit(() -> new GRankSimulation(c).run(cat.items(), cat.terms(), cat.weights())));
    }
    out.printf(Locale.ROOT, "%-16s %4s %12s %12s %12s %14s%n", "attack", "F", "first 10%", "last 10%", "mean", "target in top3");
    XYSeriesCollection chart = new XYSeriesCollection();
    try {
      for (int i = 0; i < configs.size(); i++) {
        GRankSimulation.Config c = configs.get(i);
        GRankSimulation.Result r = futures.get(i).get();
        double[] d = r.distance();
        int tenth = Math.max(1, d.length / 10);
        out.printf(Locale.ROOT, "%-16s %4.0f %12.3f %12.3f %12.3f %14s%n", c.attack().name().toLowerCase(Locale.ROOT), c.isolation(),
            mean(d, 0, tenth), mean(d, d.length - tenth, d.length), mean(d, 0, d.length),
            c.attack() == GRankSimulation.Attack.NONE ? "-" : String.format(Locale.ROOT, "%.1f%% of %d", 100 * r.targetInTop3(), r.attackedQueries()));
        XYSeries s = new XYSeries(c.attack().name().toLowerCase(Locale.ROOT) + ", F = " + (int) c.isolation());
        for (int t = window; t <= d.length; t += Math.max(1, window / 5)) {
          s.add(t, mean(d, t - window, t));
        }
        chart.addSeries(s);
      }
    } finally {
      pool.shutdownNow();
    }
    if (plot != null) {
      JFreeChart c = ChartFactory.createXYLineChart("G-Rank on MovieLens: distance to the global optimum",
          "queries", "positional distance (moving mean, " + window + " queries)", chart, PlotOrientation.VERTICAL, true, false, false);
      for (int i = 0; i < chart.getSeriesCount(); i++) {
        c.getXYPlot().getRenderer().setSeriesStroke(i, new BasicStroke(2f));
      }
      if (plot.toAbsolutePath().getParent() != null) {
        Files.createDirectories(plot.toAbsolutePath().getParent());
      }
      ChartUtils.saveChartAsPNG(plot.toFile(), c, 900, 520);
      out.println("plot written to " + plot);
    }
    return 0;
  }

  private static double mean(double[] d, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += d[i];
    }
    return to > from ? s / (to - from) : Double.NaN;
  }

}
