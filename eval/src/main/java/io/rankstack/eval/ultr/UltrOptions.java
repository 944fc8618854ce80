package io.rankstack.eval.ultr;

import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.dla.DlaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the {@code ultr} commands: data, logging policy, click simulation and training. */
final class UltrOptions {
  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--train", description = "Training LETOR file (LightGBM layout when FILE.query exists, else SVMlight with qid); default DATA/letor/lightgbm-rank/rank.train.")
  Path train;

  @Option(names = "--test", description = "Test LETOR file; default DATA/letor/lightgbm-rank/rank.test.")
  Path test;

  @Option(names = "--sessions", defaultValue = "1000000", description = "Simulated sessions on the logged lists (default ${DEFAULT-VALUE}).")
  long sessions;

  @Option(names = "--randomised-fraction", defaultValue = "0.05",
      description = "Extra randomised traffic (top-10 shuffled), as a fraction of --sessions, for the randomisation-IPW propensities (default ${DEFAULT-VALUE}).")
  double randomisedFraction;

  @Option(names = "--initial-fraction", defaultValue = "0.01", description = "Fraction of training queries the initial (logging) ranker is fit on (default ${DEFAULT-VALUE}).")
  double initialFraction;

  @Option(names = "--ridge", defaultValue = "1.0", description = "Ridge λ of the initial linear ranker (default ${DEFAULT-VALUE}).")
  double ridge;

  @Option(names = "--click-max-grade", description = "y_max of the PBM's click probability (default: the data's highest grade; the DLA paper's 4).")
  Integer clickMaxGrade;

  @Option(names = "--hidden", split = ",", defaultValue = "512,256,128", description = "Ranker hidden widths, comma-separated (default ${DEFAULT-VALUE}).")
  List<Integer> hidden;

  @Option(names = "--linear", description = "Linear ranker instead of the feed-forward network.")
  boolean linear;

  @Option(names = "--epochs", defaultValue = "60", description = "Epochs over the logged lists (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", defaultValue = "16", description = "Lists per optimiser step (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--propensity-lr", defaultValue = "0.05",
      description = "Adagrad learning rate of DLA's propensity model (default ${DEFAULT-VALUE}, the paper's; the ranker keeps 0.05). "
          + "The propensities start flat and converge slowly at 0.05; a larger rate reaches the same fixed point in fewer epochs.")
  double propensityLearningRate;

  @Option(names = "--max-weight", defaultValue = "0", description = "Clip of the IPW/IRW weights, 0 for none (default ${DEFAULT-VALUE}).")
  double maxWeight;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query sample, the clicks and training (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}: the tensors are small, and on a shared 2-core machine a second spinning thread made steps 10x slower).")
  int threads;

  /** Sets the engine's thread count; must run before the engine loads. */
  void configureThreads() {
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
  }

  DlaConfig config() {
    return new DlaConfig(linear ? List.of() : hidden, 10, epochs, batch, 0.05, propensityLearningRate, 5, maxWeight, seed);
  }

  Path trainFile() {
    return train != null ? train : data.resolve("letor/lightgbm-rank/rank.train");
  }

  Path testFile() {
    return test != null ? test : data.resolve("letor/lightgbm-rank/rank.test");
  }

  static LetorDataset read(Path file) {
    Path q = LetorFormat.queryFileOf(file);
    return Files.isRegularFile(q) ? LetorFormat.readLightGbm(file, q) : LetorFormat.readSvmlight(file);
  }

  static int maxGrade(LetorDataset... sets) {
    int m = 1;
    for (LetorDataset d : sets) {
      for (var r : d.rows()) {
        m = Math.max(m, r.grade());
      }
    }
    return m;
  }
}
