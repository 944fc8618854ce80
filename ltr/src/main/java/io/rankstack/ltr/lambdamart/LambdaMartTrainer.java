package io.rankstack.ltr.lambdamart;

import io.rankstack.ltr.LetorDataset;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains {@link LambdaMartModel}s with XGBoost's {@code rank:ndcg} objective (LambdaMART; see
 * {@link LambdaMartConfig} for the lambda gradient and the parameters). Rows are grouped by query
 * exactly as the data set orders them ({@link LetorDataset#groupSizes()}).
 *
 * <p>With early stopping, training runs until validation nDCG@k has not improved for
 * {@code earlyStoppingRounds} rounds; the round with the best validation score (the earliest, on
 * ties) is found, and the model is then retrained for exactly that many rounds, so the saved
 * booster holds only the trees that are used (XGBoost trains deterministically with a fixed seed
 * and thread count, so these are the same trees). Never give test queries as the validation set.
 *
 * <p>The same data, configuration and seed give a bit-identical model.
 */
public final class LambdaMartTrainer {
  private final LambdaMartConfig config;
  private final InstantSource clock;

  /**
   * @param config hyperparameters and seed
   * @param clock  time source for {@link ModelInfo#created()}
   */
  public LambdaMartTrainer(LambdaMartConfig config, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public LambdaMartConfig config() {
    return config;
  }

  /**
   * Trains on {@code train}, stopping early on {@code validation}.
   *
   * @param validation   held-out queries for early stopping; may be null only when early stopping
   *                     is off
   * @param featureNames names of the features in vector order (recorded in the model), or null for
   *                     {@code f1, f2, …}
   * @throws IllegalArgumentException when the data sets differ in width, a data set is empty, or
   *                                  the names do not match the width
   */
  public LambdaMartModel train(LetorDataset train, LetorDataset validation, List<String> featureNames) {
    Objects.requireNonNull(train, "train");
    if (train.size() == 0) {
      throw new IllegalArgumentException("training data " + train.name() + " is empty");
    }
    if (config.earlyStoppingRounds() > 0 && (validation == null || validation.size() == 0)) {
      throw new IllegalArgumentException("early stopping needs a non-empty validation set");
    }
    if (validation != null && validation.featureCount() != train.featureCount()) {
      throw new IllegalArgumentException("validation data has " + validation.featureCount() + " features, training data "
          + train.featureCount());
    }
    List<String> names = featureNames != null ? List.copyOf(featureNames) : defaultNames(train.featureCount());
    if (names.size() != train.featureCount()) {
      throw new IllegalArgumentException(names.size() + " feature names for " + train.featureCount() + " features");
    }
    DMatrix dtrain = null;
    DMatrix dvalid = null;
    try {
      dtrain = matrix(train);
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("train", dtrain);
      boolean useValid = validation != null && validation.size() > 0;
      if (useValid) {
        dvalid = matrix(validation);
        watches.put("valid", dvalid); // last: XGBoost4J stops early on the last watch
      }
      Map<String, Object> params = config.xgboostParams();
      float[][] metrics = new float[watches.size()][config.maxRounds()];
      Booster first = XGBoost.train(dtrain, params, config.maxRounds(), watches, metrics, null, null,
          config.earlyStoppingRounds());
      int ran = first.getNumBoostedRound();
      int best = ran - 1;
      if (config.earlyStoppingRounds() > 0) {
        float[] v = metrics[metrics.length - 1];
        best = 0;
        for (int i = 1; i < ran; i++) {
          if (v[i] > v[best]) {
            best = i;
          }
        }
      }
      Booster booster = first;
      if (best + 1 < ran) {
        first.dispose();
        booster = XGBoost.train(dtrain, params, best + 1, Map.of(), null, null, null, 0);
      }
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("train_ndcg@" + config.evalAt(), (double) metrics[0][best]);
      if (useValid) {
        m.put("validation_ndcg@" + config.evalAt(), (double) metrics[metrics.length - 1][best]);
      }
      m.put("rounds_run", (double) ran);
      ModelInfo info = new ModelInfo(LambdaMartModel.KIND, names, train.name(), useValid ? validation.name() : "",
          config, best + 1, m, clock.instant());
      return new LambdaMartModel(booster, info);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (dtrain != null) {
        dtrain.dispose();
      }
      if (dvalid != null) {
        dvalid.dispose();
      }
    }
  }

  static List<String> defaultNames(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "f" + i).toList();
  }

  /** A dense XGBoost matrix with labels and query groups (0 is a value, not missing). */
  static DMatrix matrix(LetorDataset data) throws XGBoostError {
    DMatrix m = new DMatrix(data.denseMatrix(), data.size(), data.featureCount(), Float.NaN);
    m.setLabel(data.labels());
    m.setGroup(data.groupSizes());
    return m;
  }
}
