package io.rankstack.streaming.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client helpers for the broker tests. */
public final class Kafka {
  private Kafka() {}

  public static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Reads every committed record of {@code topic} that exists now. */
  public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  /**
   * Whether consumer group {@code group} has committed every record of the input topics (all
   * partitions): for the exactly-once learn loop, every input's effect is in the state.
   */
  public static boolean caughtUp(org.apache.kafka.clients.admin.Admin admin, String group, int partitions) {
    try {
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        specs.put(new TopicPartition(io.rankstack.streaming.Topics.DEFAULT.impressions(), p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
        specs.put(new TopicPartition(io.rankstack.streaming.Topics.DEFAULT.clicks(), p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      var ends = admin.listOffsets(specs);
      for (TopicPartition tp : specs.keySet()) {
        long end = ends.partitionResult(tp).get().offset();
        var c = committed.get(tp);
        if (end > 0 && (c == null || c.offset() < end)) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Sends one impression and its click at {@code ts} to every partition of both input topics,
   * which moves the join time there and so closes every window whose deadline is at most
   * {@code ts}. Tests send it only once the loop has consumed everything else, so no click of the
   * stream is processed after it. The tick impressions themselves stay open (context "tick").
   */
  public static void tick(String bootstrap, int partitions, long ts) {
    try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
      for (int part = 0; part < partitions; part++) {
        // Both topics: the join time is the slower topic's clock, so an impression alone would
        // move it only to ts minus the max input skew.
        var tick = new io.rankstack.streaming.event.ImpressionEvent(1, "tick-" + ts + "-" + part, ts,
            io.rankstack.streaming.event.Surface.SEARCH, "tick", null, null, null, null,
            List.of(new io.rankstack.streaming.event.ImpressionItem("x", 1, 0, null, Double.NaN)), null, null);
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.rankstack.streaming.Topics.DEFAULT.impressions(),
            part, ts, "tick", io.rankstack.streaming.event.EventJson.write(tick)));
        var click = new io.rankstack.streaming.event.ClickEvent(1, tick.impressionId(), "tick", "x", 1, ts, -1);
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(io.rankstack.streaming.Topics.DEFAULT.clicks(),
            part, ts, "tick", io.rankstack.streaming.event.EventJson.write(click)));
      }
      p.flush();
    }
  }

  /** Polls {@code condition} every 50 ms until true; fails after {@code timeout}. */
  public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
