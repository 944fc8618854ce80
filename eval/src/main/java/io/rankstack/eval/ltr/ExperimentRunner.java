package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.LinearRanker;
import io.rankstack.ltr.lambdamart.LambdaMartConfig;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import io.rankstack.ltr.lambdamart.LambdaMartTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Steps shared by the dataset experiments: index once, train both rankers, score, write runs, compare. */
final class ExperimentRunner {
  private ExperimentRunner() {}

  /** Scores of a LambdaMART model trained on {@code train} minus a validation split, over {@code test}'s rows. */
  static float[] lambdaMart(LetorDataset train, LetorDataset test, LambdaMartConfig config, double validFraction,
                            List<String> names, PrintWriter out, String label) {
    Set<String> held = LtrSupport.sample(train.queryIds(), validFraction, config.seed());
    LetorDataset val = train.subset(held, "validation");
    LetorDataset fit = LtrSupport.without(train, held, "fit");
    try (LambdaMartModel m = new LambdaMartTrainer(config, InstantSource.system()).train(fit, val, names)) {
      out.printf(Locale.ROOT, "  %s: LambdaMART fit on %d queries, early stopping on %d: %d trees, %s%n", label,
          fit.queryIds().size(), val.queryIds().size(), m.info().trees(), m.info().metrics());
      return m.score(test.denseMatrix(), test.size());
    }
  }

  /**
   * Scores of the LambdaMART model whose configuration, among {@code grid}, has the best validation
   * nDCG@10 (XGBoost's, on the same seeded validation split of {@code train}); test rows are only scored.
   */
  static float[] selectedLambdaMart(LetorDataset train, LetorDataset test, List<LambdaMartConfig> grid, double validFraction,
                                    List<String> names, PrintWriter out, String label) {
    Set<String> held = LtrSupport.sample(train.queryIds(), validFraction, grid.get(0).seed());
    LetorDataset val = train.subset(held, "validation");
    LetorDataset fit = LtrSupport.without(train, held, "fit");
    float[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    String bestInfo = "";
    for (LambdaMartConfig c : grid) {
      try (LambdaMartModel m = new LambdaMartTrainer(c, InstantSource.system()).train(fit, val, names)) {
        double v = m.info().metrics().get("validation_ndcg@" + c.evalAt());
        if (v > bestScore) {
          bestScore = v;
          best = m.score(test.denseMatrix(), test.size());
          bestInfo = String.format(Locale.ROOT, "eta %s depth %d min child weight %s: %d trees, validation nDCG@10 %.4f",
              c.eta(), c.maxDepth(), c.minChildWeight(), m.info().trees(), v);
        }
      }
    }
    out.printf(Locale.ROOT, "  %s: selected LambdaMART (of %d configurations) %s%n", label, grid.size(), bestInfo);
    return best;
  }

  /** Scores of the ridge linear ranker trained on all of {@code train}. */
  static float[] linear(LetorDataset train, LetorDataset test, double ridge) {
    LinearRanker r = LinearRanker.train(train, ridge);
    float[] s = new float[test.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) r.score(test.rows().get(i).features());
    }
    return s;
  }

  /** Writes the run with rank scores (the evaluated order) and returns its path. */
  static Path write(Run run, Path dir, String name) {
    Path p = dir.resolve(name);
    TrecFormats.writeRun(LtrSupport.rankScores(run), p);
    return p;
  }

  /** Prints the metric table for the runs. */
  static void table(PrintWriter out, Judgments qrels, List<String> names, List<Run> runs) {
    var first = LtrSupport.metrics(qrels, runs.get(0));
    out.println(LtrSupport.tableHeader(first));
    for (int i = 0; i < runs.size(); i++) {
      out.println(LtrSupport.row(names.get(i), i == 0 ? first : LtrSupport.metrics(qrels, runs.get(i))));
    }
  }

  /** Runs {@code rankstack-eval compare qrels a b -m measure} and prints its report. */
  static void compare(PrintWriter out, Path qrels, Path a, Path b, String measure) {
    out.printf("$ rankstack-eval compare %s %s %s -m %s%n", qrels, a, b, measure);
    int rc = RankstackEval.run(new String[] {"compare", qrels.toString(), a.toString(), b.toString(), "-m", measure}, out, out);
    if (rc != 0) {
      throw new IllegalStateException("compare exited with " + rc);
    }
  }
}
