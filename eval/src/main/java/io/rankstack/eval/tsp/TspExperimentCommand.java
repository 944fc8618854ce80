package io.rankstack.eval.tsp;

import io.rankstack.ltr.tsp.TrainingMode;
import io.rankstack.ltr.tsp.TspRankConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval tsprank experiment}: TSPRank reranking a first stage's top k on LightGBM's ranking example. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Trains TSPRank (local, global, hybrid) on <data>/letor/lightgbm-rank/rank.train and reports",
        "nDCG@1/3/5/10 (linear gain = trec_eval ndcg_cut, and 2^grade-1 gain) on rank.test for the first stage",
        "and for TSPRank reranking its top k (exact decoding). Prints a Markdown table."})
public final class TspExperimentCommand implements Callable<Integer> {
  /** First stages this command can build. */
  enum FirstStageKind { RIDGE, FEATURE_SUM, FILE }

  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--dataset", defaultValue = "letor/lightgbm-rank", description = "Folder under --data with rank.train(.query) and rank.test(.query) (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--features", defaultValue = "300", description = "Feature count (default ${DEFAULT-VALUE}).")
  int features;

  @Option(names = "--first-stage", defaultValue = "RIDGE",
      description = "RIDGE (linear regression fitted on train), FEATURE_SUM, or FILE (then --first-stage-train-scores and --first-stage-test-scores: one score per data line, e.g. LambdaMART predictions). Default ${DEFAULT-VALUE}.")
  FirstStageKind firstStage;

  @Option(names = "--first-stage-train-scores", description = "Scores for rank.train, one per line (with --first-stage FILE).")
  Path trainScores;

  @Option(names = "--first-stage-test-scores", description = "Scores for rank.test, one per line (with --first-stage FILE).")
  Path testScores;

  @Option(names = "--ridge-lambda", defaultValue = "10", description = "L2 penalty of the ridge first stage (default ${DEFAULT-VALUE}).")
  double ridgeLambda;

  @Option(names = "--top", defaultValue = "10", description = "Rerank the first stage's top k, 2..30 (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--modes", split = ",", defaultValue = "LOCAL,GLOBAL,HYBRID", description = "Training modes (default ${DEFAULT-VALUE}).")
  List<TrainingMode> modes;

  @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "Training seeds; every mode runs once per seed (default ${DEFAULT-VALUE}).")
  List<Integer> seeds;

  @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--hidden", defaultValue = "32", description = "Embedding width h (default ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--encoder-layers", defaultValue = "0", description = "Transformer encoder layers, 0 for none (default ${DEFAULT-VALUE}).")
  int encoderLayers;

  @Option(names = "--heads", defaultValue = "2", description = "Attention heads (default ${DEFAULT-VALUE}).")
  int heads;

  @Option(names = "--batch", defaultValue = "8", description = "Lists per optimiser step (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
  float lr;

  @Option(names = "--no-first-stage-feature", negatable = false,
      description = "Do not append the first-stage score to the features TSPRank sees.")
  boolean noFirstStageFeature;

  @Option(names = "--validation-fraction", defaultValue = "0.2",
      description = "Fraction of training queries held out to choose the epoch count (up to --epochs); the final model is retrained on all training queries. 0: train exactly --epochs. Default ${DEFAULT-VALUE}.")
  double validationFraction;

  @Option(names = "--verbose", description = "Print each epoch's losses.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("--validation-fraction must be in [0, 1), got " + validationFraction);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data.resolve(dataset);
    List<LetorQueries.Query> trainQ = LetorQueries.read(dir.resolve("rank.train"), features);
    List<LetorQueries.Query> testQ = LetorQueries.read(dir.resolve("rank.test"), features);
    FirstStage.Scores fs = switch (firstStage) {
      case RIDGE -> FirstStage.ridge(trainQ, testQ, ridgeLambda);
      case FEATURE_SUM -> FirstStage.featureSum(trainQ, testQ);
      case FILE -> {
        if (trainScores == null || testScores == null) {
          throw new IllegalArgumentException("--first-stage FILE needs --first-stage-train-scores and --first-stage-test-scores");
        }
        yield FirstStage.fromFiles(trainQ, testQ, trainScores, testScores);
      }
    };
    TspRankExperiment exp = new TspRankExperiment(join(trainQ, fs.train()), join(testQ, fs.test()), top, !noFirstStageFeature);
    out.printf(Locale.ROOT, "tsprank experiment: %s, %d train / %d test queries, first stage: %s, top %d, first-stage score as feature: %s%n",
        dir, trainQ.size(), testQ.size(), fs.description(), top, !noFirstStageFeature);
    out.printf(Locale.ROOT, "model: h=%d, encoder layers %d (heads %d), %d epochs, batch %d, Adam lr %s; decoding: exact (Held-Karp n<=16, CP-SAT above)%n",
        hidden, encoderLayers, heads, epochs, batch, lr);
    out.flush();
    List<TspRankExperiment.Row> rows = new ArrayList<>();
    rows.add(exp.firstStage("first stage: " + firstStage.name().toLowerCase(Locale.ROOT)));
    rows.add(exp.idealTop());
    for (int s : seeds) {
      rows.add(exp.randomTop(s));
    }
    Map<String, List<TspRankExperiment.Row>> byMethod = new LinkedHashMap<>();
    for (TrainingMode mode : modes) {
      for (int seed : seeds) {
        TspRankConfig cfg = new TspRankConfig(mode, hidden, encoderLayers, heads, epochs, batch, lr, seed);
        List<String> log = new ArrayList<>();
        String tag = "  " + mode.name().toLowerCase(Locale.ROOT) + " seed " + seed + ": ";
        TspRankExperiment.Row row = exp.tspRank(cfg, validationFraction, l -> {
          log.add(l);
          if (verbose) {
            out.println(tag + l);
            out.flush();
          }
        });
        if (!verbose && !log.isEmpty()) {
          out.println("  " + row.method() + " seed " + seed + ": first " + log.get(0) + "; last " + log.get(log.size() - 1));
        }
        out.flush();
        rows.add(row);
        byMethod.computeIfAbsent(row.method(), k -> new ArrayList<>()).add(row);
      }
    }
    out.println();
    out.println("| method | seed | nDCG@1 lin | @3 lin | @5 lin | @10 lin | nDCG@1 exp | @3 exp | @5 exp | @10 exp | train s | note |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (TspRankExperiment.Row r : rows) {
      out.println(row(r.method(), r.seed(), r.linear(), r.exponential(), String.format(Locale.ROOT, "%.1f", r.trainSeconds()), r.note()));
    }
    for (Map.Entry<String, List<TspRankExperiment.Row>> e : byMethod.entrySet()) {
      List<double[]> lin = e.getValue().stream().map(TspRankExperiment.Row::linear).toList();
      List<double[]> ex = e.getValue().stream().map(TspRankExperiment.Row::exponential).toList();
      out.println(row(e.getKey() + " (mean of " + lin.size() + " seeds)", "mean", TspRankExperiment.mean(lin), TspRankExperiment.mean(ex), "", ""));
      out.println(row(e.getKey() + " (sd over seeds)", "sd", TspRankExperiment.sd(lin), TspRankExperiment.sd(ex), "", ""));
    }
    out.flush();
    return 0;
  }

  private static String row(String method, String seed, double[] lin, double[] exp, String secs, String note) {
    StringBuilder sb = new StringBuilder("| " + method + " | " + seed + " |");
    for (double v : lin) {
      sb.append(String.format(Locale.ROOT, " %.4f |", v));
    }
    for (double v : exp) {
      sb.append(String.format(Locale.ROOT, " %.4f |", v));
    }
    return sb.append(' ').append(secs).append(" | ").append(note).append(" |").toString();
  }

  private static List<TspRankExperiment.QueryData> join(List<LetorQueries.Query> qs, double[][] scores) {
    List<TspRankExperiment.QueryData> out = new ArrayList<>();
    for (int q = 0; q < qs.size(); q++) {
      LetorQueries.Query x = qs.get(q);
      out.add(new TspRankExperiment.QueryData(x.id(), x.docIds(), x.features(), x.grades(), scores[q]));
    }
    return out;
  }
}
