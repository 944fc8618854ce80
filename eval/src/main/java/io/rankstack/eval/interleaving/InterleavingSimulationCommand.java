package io.rankstack.eval.interleaving;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.clicks.AttractionScale;
import io.rankstack.core.clicks.ClickModels;
import io.rankstack.core.clicks.PositionBasedModel;
import io.rankstack.core.interleaving.BalancedInterleaving;
import io.rankstack.core.interleaving.Interleaving;
import io.rankstack.core.interleaving.TeamDraftInterleaving;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.compare.PerQueryScores;
import io.rankstack.eval.compare.TrecEvalScores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval interleave-sim}: does interleaving pick the ranker with the higher nDCG@10? */
@Command(name = "interleave-sim", mixinStandardHelpOptions = true,
    description = {"Simulated interleaving experiments between two runs on a judged collection, with PBM clicks:",
        "how often the verdict agrees with nDCG@10, and how many impressions that takes."})
public final class InterleavingSimulationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--qrels", required = true, description = "Judgments (TREC or BEIR qrels).")
  Path qrels;

  @Option(names = "--run-a", required = true, description = "Run of ranker A.")
  Path runA;

  @Option(names = "--run-b", required = true, description = "Run of ranker B.")
  Path runB;

  @Option(names = "--method", defaultValue = "team-draft", description = "team-draft or balanced (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--depth", defaultValue = "10", description = "Length of the interleaved list (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--eta", defaultValue = "1", description = "Position-bias severity of the PBM (default ${DEFAULT-VALUE}).")
  double eta;

  @Option(names = "--impressions", split = ",", defaultValue = "50,100,200,500,1000,2000,5000",
      description = "Checkpoints, in impressions per experiment (default ${DEFAULT-VALUE}).")
  int[] impressions;

  @Option(names = "--experiments", defaultValue = "100", description = "Simulated experiments (default ${DEFAULT-VALUE}).")
  int experiments;

  @Option(names = "--seed", defaultValue = "42", description = "Base seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (experiments < 1) {
      throw new IllegalArgumentException("--experiments must be at least 1: " + experiments);
    }
    int[] checkpoints = impressions.clone();
    Arrays.sort(checkpoints);
    if (checkpoints[0] < 1) {
      throw new IllegalArgumentException("--impressions must be positive");
    }
    Interleaving m = switch (method.toLowerCase(Locale.ROOT)) {
      case "team-draft", "teamdraft" -> new TeamDraftInterleaving();
      case "balanced" -> new BalancedInterleaving();
      default -> throw new IllegalArgumentException("unknown --method '" + method + "'; expected team-draft or balanced");
    };
    Judgments judgments = TrecFormats.readAnyQrels(qrels);
    Run a = TrecFormats.readRun(runA);
    Run b = TrecFormats.readRun(runB);
    List<String> queries = PerQueryScores.evaluatedQueries(judgments);
    PerQueryScores ndcg = new TrecEvalScores();
    double ndcgA = mean(ndcg.scores(judgments, a, "ndcg_cut.10"));
    double ndcgB = mean(ndcg.scores(judgments, b, "ndcg_cut.10"));
    int truth = Double.compare(ndcgA, ndcgB);
    int maxGrade = judgments.grades().values().stream().flatMap(g -> g.values().stream()).mapToInt(Integer::intValue).max().orElse(1);
    PositionBasedModel pbm = new PositionBasedModel(ClickModels.DLA_EXAMINATION, eta, new AttractionScale(0.1, 1.0, Math.max(1, maxGrade)));
    InterleavingSimulation sim = new InterleavingSimulation(judgments, a, b, queries, m, pbm, depth);

    int[] agree = new int[checkpoints.length];
    int[] significantAgree = new int[checkpoints.length];
    int[] queryAgree = new int[checkpoints.length];
    for (int e = 0; e < experiments; e++) {
      InterleavingSimulation.Tally[] t = sim.experiment(checkpoints, seed * 1_000_003L + e);
      for (int c = 0; c < checkpoints.length; c++) {
        if (truth != 0 && t[c].verdict() == truth) {
          agree[c]++;
          if (t[c].pValue() < 0.05) {
            significantAgree[c]++;
          }
          if (Integer.compare(t[c].queriesA(), t[c].queriesB()) == truth && t[c].queryPValue() < 0.05) {
            queryAgree[c]++;
          }
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "interleave-sim: %s, %d queries, depth %d, PBM eta=%.2f (attraction 0.1..1.0 over grades 0..%d), %d experiments, seed %d%n",
        m.name(), queries.size(), depth, eta, maxGrade, experiments, seed);
    out.printf(Locale.ROOT, "nDCG@10: A %.4f, B %.4f, gap %.4f (%s is better)%n", ndcgA, ndcgB, Math.abs(ndcgA - ndcgB),
        truth > 0 ? "A" : truth < 0 ? "B" : "neither");
    out.printf(Locale.ROOT, "%12s %18s %26s %30s%n", "impressions", "agrees with nDCG", "agrees, p < 0.05 (sign)",
        "queries agree, p < 0.05 (sign)");
    int needed = -1;
    for (int c = 0; c < checkpoints.length; c++) {
      double share = (double) agree[c] / experiments;
      out.printf(Locale.ROOT, "%12d %17.0f%% %25.0f%% %29.0f%%%n", checkpoints[c], 100 * share,
          100.0 * significantAgree[c] / experiments, 100.0 * queryAgree[c] / experiments);
      if (needed < 0 && share >= 0.9) {
        needed = checkpoints[c];
      }
    }
    out.println(needed < 0 ? "no checkpoint reached 90% agreement" : "90% agreement first reached at " + needed + " impressions");
    return 0;
  }

  private static double mean(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
