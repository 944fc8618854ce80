package io.rankstack.ltr.lambdamart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of LambdaMART as trained by XGBoost's {@code rank:ndcg} objective (Burges 2010:
 * gradient-boosted regression trees whose gradients are the LambdaRank lambdas
 * {@code λ_ij = -σ / (1 + e^{σ(s_i - s_j)}) · |ΔNDCG_ij|} for every pair with {@code grade_i > grade_j}).
 *
 * <p>Defaults are XGBoost's own except where noted: {@code maxRounds = 500} with early stopping
 * after {@code earlyStoppingRounds = 50} rounds without improvement of validation nDCG@{@code evalAt}
 * (10), {@code eta = 0.1} (XGBoost: 0.3; smaller steps with early stopping generalise better on
 * small sets), {@code maxDepth = 6}, {@code minChildWeight = 1}, {@code subsample = 1},
 * {@code colsampleByTree = 1}, {@code lambda = 1}, {@code threads = 1} (one thread: bit-identical
 * models on every machine).
 *
 * @param maxRounds           boosting rounds at most, at least 1
 * @param earlyStoppingRounds stop when validation nDCG has not improved for this many rounds; 0
 *                            turns early stopping off (then no validation set is needed)
 * @param eta                 learning rate (shrinkage), in (0, 1]
 * @param maxDepth            maximum tree depth, 1–20
 * @param minChildWeight      minimum hessian sum in a leaf, at least 0
 * @param subsample           row sampling rate per tree, in (0, 1]
 * @param colsampleByTree     feature sampling rate per tree, in (0, 1]
 * @param lambda              L2 regularisation on leaf weights, at least 0
 * @param evalAt              cut-off of the validation metric {@code ndcg@evalAt}, at least 1
 * @param threads             XGBoost threads, at least 1
 * @param seed                XGBoost's random seed (row/column sampling)
 */
public record LambdaMartConfig(int maxRounds, int earlyStoppingRounds, double eta, int maxDepth, double minChildWeight,
                               double subsample, double colsampleByTree, double lambda, int evalAt, int threads, long seed) {
  /** Default seed, fixed so that two runs give the same model. */
  public static final long DEFAULT_SEED = 12345L;

  public LambdaMartConfig {
    check(maxRounds >= 1, "maxRounds", maxRounds, "at least 1");
    check(earlyStoppingRounds >= 0, "earlyStoppingRounds", earlyStoppingRounds, "non-negative");
    check(eta > 0 && eta <= 1, "eta", eta, "in (0, 1]");
    check(maxDepth >= 1 && maxDepth <= 20, "maxDepth", maxDepth, "in [1, 20]");
    check(minChildWeight >= 0 && Double.isFinite(minChildWeight), "minChildWeight", minChildWeight, "non-negative and finite");
    check(subsample > 0 && subsample <= 1, "subsample", subsample, "in (0, 1]");
    check(colsampleByTree > 0 && colsampleByTree <= 1, "colsampleByTree", colsampleByTree, "in (0, 1]");
    check(lambda >= 0 && Double.isFinite(lambda), "lambda", lambda, "non-negative and finite");
    check(evalAt >= 1, "evalAt", evalAt, "at least 1");
    check(threads >= 1, "threads", threads, "at least 1");
  }

  private static void check(boolean ok, String name, Object value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException("illegal " + name + " value: " + value + ", must be " + rule);
    }
  }

  /** The documented defaults. */
  public static LambdaMartConfig defaults() {
    return new LambdaMartConfig(500, 50, 0.1, 6, 1, 1, 1, 1, 10, 1, DEFAULT_SEED);
  }

  public LambdaMartConfig withSeed(long s) {
    return new LambdaMartConfig(maxRounds, earlyStoppingRounds, eta, maxDepth, minChildWeight, subsample, colsampleByTree, lambda, evalAt, threads, s);
  }

  public LambdaMartConfig withRounds(int rounds, int earlyStopping) {
    return new LambdaMartConfig(rounds, earlyStopping, eta, maxDepth, minChildWeight, subsample, colsampleByTree, lambda, evalAt, threads, seed);
  }

  public LambdaMartConfig withTrees(double newEta, int depth, double newMinChildWeight, double newSubsample, double newColsample) {
    return new LambdaMartConfig(maxRounds, earlyStoppingRounds, newEta, depth, newMinChildWeight, newSubsample, newColsample, lambda, evalAt, threads, seed);
  }

  public LambdaMartConfig withThreads(int n) {
    return new LambdaMartConfig(maxRounds, earlyStoppingRounds, eta, maxDepth, minChildWeight, subsample, colsampleByTree, lambda, evalAt, n, seed);
  }

  /** The XGBoost parameter map for this configuration. */
  public Map<String, Object> xgboostParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", "rank:ndcg");
    p.put("eval_metric", "ndcg@" + evalAt);
    p.put("tree_method", "hist");
    p.put("eta", eta);
    p.put("max_depth", maxDepth);
    p.put("min_child_weight", minChildWeight);
    p.put("subsample", subsample);
    p.put("colsample_bytree", colsampleByTree);
    p.put("lambda", lambda);
    p.put("nthread", threads);
    p.put("seed", seed);
    p.put("verbosity", 0);
    return p;
  }
}
