package io.rankstack.ltr.lambdamart;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a trained model is and where it came from (the {@code model.json} next to the booster file):
 * kind, feature names in vector order, training and validation data, configuration, seed, the
 * number of trees kept, metrics measured during training, and when it was made.
 *
 * @param kind           model kind, {@value LambdaMartModel#KIND}
 * @param features       feature names, index i is vector position i (1-based i+1 in LETOR files)
 * @param trainingData   the training data's name (file or split)
 * @param validationData the validation data's name, or empty when none was used
 * @param config         the training configuration
 * @param trees          boosting rounds kept (the best validation round + 1 with early stopping)
 * @param metrics        e.g. {@code validation_ndcg@10} at the kept round, {@code train_ndcg@10}
 * @param created        training end time, from the trainer's clock
 */
public record ModelInfo(String kind, List<String> features, String trainingData, String validationData,
                        LambdaMartConfig config, int trees, Map<String, Double> metrics, Instant created) {
  public ModelInfo {
    Objects.requireNonNull(kind, "kind");
    features = List.copyOf(features);
    Objects.requireNonNull(trainingData, "trainingData");
    validationData = validationData == null ? "" : validationData;
    Objects.requireNonNull(config, "config");
    metrics = Map.copyOf(metrics);
    Objects.requireNonNull(created, "created");
  }
}
