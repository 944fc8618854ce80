package io.rankstack.streaming;

import java.util.List;
import java.util.Objects;

/**
 * Topic names of the learn loop. All are keyed by {@code contextKey}, so every event of one
 * context lands in one partition and the join and the learner state stay partition-local.
 *
 * @param impressions      {@code rankstack.impressions}
 * @param clicks           {@code rankstack.clicks}
 * @param dlq              {@code rankstack.dlq}
 * @param trainingExamples {@code rankstack.training-examples}: labelled examples for the CTR learner
 */
public record Topics(String impressions, String clicks, String dlq, String trainingExamples) {
  public static final Topics DEFAULT = new Topics("rankstack.impressions", "rankstack.clicks", "rankstack.dlq",
      "rankstack.training-examples");

  public Topics {
    Objects.requireNonNull(impressions);
    Objects.requireNonNull(clicks);
    Objects.requireNonNull(dlq);
    Objects.requireNonNull(trainingExamples);
  }

  public List<String> all() {
    return List.of(impressions, clicks, dlq, trainingExamples);
  }
}
