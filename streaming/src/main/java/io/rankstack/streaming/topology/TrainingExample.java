package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.ImpressionItem;
import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled example for the online CTR learner: one per examined item of a joined impression,
 * label 1 when clicked, 0 when examined and skipped. Immutable. On the topic
 * {@code rankstack.training-examples} the examples of one joined impression travel together in one
 * record ({@link TrainingExampleJson}).
 */
public record TrainingExample(String impressionId, String contextKey, String docId, int position, int label,
    double[] features, double propensity, long timestamp) {
  public TrainingExample {
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }

  static TrainingExample of(JoinedImpression j, ImpressionItem it) {
    return new TrainingExample(j.impression().impressionId(), j.contextKey(), it.docId(), it.position(),
        j.clicked(it.position()) ? 1 : 0, it.features(), it.propensity(), j.impression().timestamp());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingExample t && impressionId.equals(t.impressionId) && contextKey.equals(t.contextKey)
        && docId.equals(t.docId) && position == t.position && label == t.label && Arrays.equals(features, t.features)
        && Double.compare(propensity, t.propensity) == 0 && timestamp == t.timestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(impressionId, docId, position, label);
  }
}
