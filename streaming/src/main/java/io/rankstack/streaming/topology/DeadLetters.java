package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a record in {@code rankstack.dlq}, and reading the dead-letter metrics. The value is
 * the original bytes (for orphan, late and mismatched clicks that waited in the join state: the
 * click re-encoded as JSON); the key is the original key.
 */
public final class DeadLetters {
  /** {@link DeadLetterReason#label()}. */
  public static final String REASON = "rankstack.dlq.reason";
  /** What is wrong, in words. */
  public static final String DETAIL = "rankstack.dlq.detail";
  /** The field at fault, when there is one. */
  public static final String FIELD = "rankstack.dlq.field";
  /** Topic, partition and offset the event was read from. */
  public static final String SOURCE_TOPIC = "rankstack.dlq.source-topic";
  public static final String SOURCE_PARTITION = "rankstack.dlq.source-partition";
  public static final String SOURCE_OFFSET = "rankstack.dlq.source-offset";

  private DeadLetters() {}

  /** The value of header {@code name} as text, or null. */
  public static String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /**
   * Dead letters per reason label, summed over tasks, from {@code KafkaStreams.metrics()} (or
   * {@code TopologyTestDriver.metrics()}): metric group {@code stream-rankstack-metrics}, name
   * {@code dead-letters-<reason>-total}.
   */
  public static Map<String, Long> counts(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Long> out = new TreeMap<>();
    String prefix = LearnLoopTopology.DEAD_LETTER_METRIC_PREFIX;
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName n = e.getKey();
      if (n.group().equals("stream-" + LearnLoopTopology.METRICS_SCOPE + "-metrics") && n.name().startsWith(prefix)
          && n.name().endsWith("-total")) {
        String reason = n.name().substring(prefix.length(), n.name().length() - "-total".length());
        double v = ((Number) e.getValue().metricValue()).doubleValue();
        out.merge(reason, (long) v, Long::sum);
      }
    }
    return out;
  }

  /** A rankstack metric ({@code joined-impressions}, {@code duplicate-clicks}, …) summed over tasks. */
  public static long total(Map<MetricName, ? extends Metric> metrics, String operation) {
    long sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      MetricName n = e.getKey();
      if (n.group().equals("stream-" + LearnLoopTopology.METRICS_SCOPE + "-metrics")
          && n.name().equals(operation + "-total")) {
        sum += (long) ((Number) e.getValue().metricValue()).doubleValue();
      }
    }
    return sum;
  }
}
