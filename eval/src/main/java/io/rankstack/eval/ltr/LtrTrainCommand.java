package io.rankstack.eval.ltr;

import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LetorFormat;
import io.rankstack.ltr.lambdamart.LambdaMartCodec;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval ltr train}: LambdaMART on a LETOR file, saved as booster.ubj + model.json. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train LambdaMART (XGBoost rank:ndcg) on a LETOR file and save it as a model folder (booster.ubj + model.json).",
        "Early stopping uses --valid, or else --valid-fraction of the training queries (seeded)."})
public final class LtrTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training data: LETOR with qid:, or LightGBM layout when FILE.query exists.")
  Path train;

  @Option(names = "--valid", description = "Validation data for early stopping (same layouts).")
  Path valid;

  @Option(names = "--model", required = true, description = "Output model folder.")
  Path model;

  @Mixin LambdaMartOptions options;

  @Override
  public Integer call() {
    LetorDataset all = read(train);
    LetorDataset fit = all;
    LetorDataset val;
    if (valid != null) {
      val = read(valid);
    } else {
      Set<String> held = LtrSupport.sample(all.queryIds(), options.validFraction, options.seed);
      val = all.subset(held, "validation " + options.validFraction + " seed " + options.seed);
      fit = LtrSupport.without(all, held, "train minus validation");
    }
    long t0 = System.nanoTime();
    try (LambdaMartModel m = new LambdaMartTrainer(options.config(), InstantSource.system())
        .train(fit, val, LtrSupport.featureNames(train))) {
      LambdaMartCodec.save(m, model);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "trained on %d queries (%d rows), validated on %d queries: %d trees, metrics %s, %.1f s; saved to %s%n",
          fit.queryIds().size(), fit.size(), val.queryIds().size(), m.info().trees(), m.info().metrics(),
          (System.nanoTime() - t0) / 1e9, model);
    }
    return 0;
  }

  /** Reads LETOR with qid:, or the LightGBM layout when {@code file.query} exists. */
  static LetorDataset read(Path file) {
    Path q = LetorFormat.queryFileOf(file);
    return Files.isRegularFile(q) ? LetorFormat.readLightGbm(file, q) : LetorFormat.readSvmlight(file);
  }
}
