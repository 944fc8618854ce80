package io.rankstack.streaming.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run keeps its broker under {@code <data-dir>/kafka}; starting again on the same folder
 * (the second run of the README's first command) must find the topics and records of the first,
 * also when the second start listens on ports the caller chose.
 */
class EmbeddedKafkaRestartTest {
  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSecondStartOnTheSameFolderKeepsTopicsAndRecords() throws Exception {
    String clusterId;
    try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
      try (Admin a = k.admin()) {
        a.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
        clusterId = a.describeCluster().clusterId().get();
      }
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "first run")).get();
      }
    }
    // the second start on ports chosen by the caller (a broker coming back where its clients wait)
    int brokerPort = freePort();
    int controllerPort = freePort();
    try (EmbeddedKafka k = EmbeddedKafka.start(dir, brokerPort, controllerPort, Map.of())) {
      assertEquals("127.0.0.1:" + brokerPort, k.bootstrapServers());
      assertEquals(controllerPort, k.controllerPort());
      try (Admin a = k.admin()) {
        assertEquals(clusterId, a.describeCluster().clusterId().get(), "the same cluster");
        assertEquals(Set.of("kept"), a.listTopics().names().get());
      }
      Properties c = new Properties();
      c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
          new StringDeserializer())) {
        TopicPartition tp = new TopicPartition("kept", 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        List<String> values = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.isEmpty() && System.nanoTime() < end) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            values.add(r.value());
          }
        }
        assertEquals(List.of("first run"), values);
      }
    }
  }
}
