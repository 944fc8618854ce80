package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.rankstack.server.RankstackServer;
import io.rankstack.server.config.LearnLoopService;
import io.rankstack.server.events.EventLog;
import io.rankstack.streaming.Topics;
import io.rankstack.streaming.broker.EmbeddedKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server pointed at an external Kafka cluster that is down at start: it starts, search answers
 * with the bandit stage passing through, recommendations answer with the CTR stage passing through,
 * clicks are queued (202), health says the learn loop is starting and why. Then a real broker comes
 * up on that address: the learn loop starts within a bounded time and the impression of the search
 * served while Kafka was down reaches the impressions topic. Its own data directory and server,
 * with LambdaMART and the reranker off (they only add start time; the stages under test are the
 * Kafka-backed ones, bandit and CTR).
 */
class KafkaDownAtStartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path data;

  @TempDir
  Path kafkaDir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private HttpResponse<String> send(int port, HttpRequest.Builder b, String pathAndQuery)
      throws IOException, InterruptedException {
    return http.send(b.uri(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getOk(int port, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = send(port, HttpRequest.newBuilder().GET(), pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static JsonNode stage(JsonNode response, String name) {
    for (JsonNode s : response.get("stages")) {
      if (s.get("stage").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + response.get("stages"));
  }

  @Test
  void serverServesWhileKafkaIsDownAndTheLearnLoopJoinsWhenItComesUp() throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    String bootstrap = "127.0.0.1:" + brokerPort;
    long t0 = System.nanoTime();
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RankstackServer.class).run(
        "--server.port=0",
        "--rankstack.data-dir=" + data,
        "--rankstack.kafka.bootstrap-servers=" + bootstrap,
        "--rankstack.kafka.retry-max-ms=2000",
        "--rankstack.ltr.enabled=false",
        "--rankstack.rerank.enabled=false",
        "--rankstack.streaming.partitions=1",
        "--rankstack.streaming.join-window-ms=1000",
        "--rankstack.streaming.grace-ms=0",
        "--rankstack.admin.api-key=kafka-down-test-key-0123456789",
        "--logging.level.org.apache.kafka=ERROR",
        "--logging.level.ml.dmlc=WARN")) {
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      LearnLoopService loop = ctx.getBean(LearnLoopService.class);
      assertFalse(loop.isRunning());
      System.out.println("server up with Kafka down after " + (System.nanoTime() - t0) / 1_000_000 + " ms");

      JsonNode r = getOk(port, "/v1/search?k=5&q=boundary+layer&user=alice");
      assertEquals(5, r.get("items").size(), r.toString());
      JsonNode bandit = stage(r, "bandit");
      assertTrue(bandit.get("passedThrough").asBoolean(), bandit.toString());
      assertTrue(bandit.get("reason").asText().contains("the learn loop is not running yet"), bandit.toString());
      String impressionId = r.get("impressionId").asText();

      JsonNode rec = getOk(port, "/v1/recommend?user=alice&k=5");
      assertTrue(rec.get("items").size() > 0, rec.toString());
      assertTrue(stage(rec, "ctr").get("passedThrough").asBoolean(), rec.get("stages").toString());

      String click = "{\"impressionId\":\"" + impressionId + "\",\"docId\":\"" + r.get("items").get(0).get("docId").asText()
          + "\",\"position\":1,\"userId\":\"alice\"}";
      HttpResponse<String> c = send(port, HttpRequest.newBuilder().header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(click)), "/v1/events");
      assertEquals(202, c.statusCode(), c.body());

      // the first attempt to reach the cluster fails and is reported; the next ones follow after a pause
      long firstFailure = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!String.valueOf(loop.notRunningReason()).contains("(attempt ") && System.nanoTime() < firstFailure) {
        Thread.sleep(100);
      }
      HttpResponse<String> h = send(port, HttpRequest.newBuilder().GET(), "/actuator/health");
      JsonNode details = JSON.readTree(h.body()).at("/components/learnLoop/details");
      assertEquals("DOWN", JSON.readTree(h.body()).at("/components/learnLoop/status").asText(), h.body());
      assertEquals("starting", details.get("learnLoop").asText(), h.body());
      assertTrue(details.get("reason").asText().contains("Kafka at " + bootstrap + " not reachable (attempt "), h.body());
      assertEquals(EventLog.HELD, details.get("eventLogError").asText(), h.body());
      assertEquals(3, details.get("eventsQueued").asInt(), h.body()); // the search's and the recommendation's impressions, the click
      assertEquals(200, send(port, HttpRequest.newBuilder().GET(), "/actuator/health/readiness").statusCode());
      MeterRegistry meters = ctx.getBean(MeterRegistry.class);
      assertEquals(0.0, meters.get("rankstack.learnloop.running").gauge().value());

      // The cluster comes up where the server waits for it.
      long b0 = System.nanoTime();
      try (EmbeddedKafka broker = EmbeddedKafka.start(kafkaDir, brokerPort, controllerPort, Map.of())) {
        assertEquals(bootstrap, broker.bootstrapServers());
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!loop.isRunning() && System.nanoTime() < end) {
          Thread.sleep(100);
        }
        assertTrue(loop.isRunning(), "learn loop not running 60 s after the broker came up: " + loop.notRunningReason());
        System.out.println("learn loop running " + (System.nanoTime() - b0) / 1_000_000 + " ms after the broker started");

        List<String> impressions = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
          TopicPartition tp = new TopicPartition(Topics.DEFAULT.impressions(), 0);
          consumer.assign(List.of(tp));
          consumer.seekToBeginning(List.of(tp));
          while (impressions.stream().noneMatch(v -> v.contains(impressionId)) && System.nanoTime() < end) {
            for (ConsumerRecord<String, String> rec2 : consumer.poll(Duration.ofMillis(200))) {
              impressions.add(rec2.value());
            }
          }
        }
        assertTrue(impressions.stream().anyMatch(v -> v.contains(impressionId)),
            "impression " + impressionId + " not in " + Topics.DEFAULT.impressions() + ": " + impressions);

        h = send(port, HttpRequest.newBuilder().GET(), "/actuator/health");
        assertEquals("running", JSON.readTree(h.body()).at("/components/learnLoop/details/learnLoop").asText(), h.body());
        assertEquals(1.0, meters.get("rankstack.learnloop.running").gauge().value());
        // and search still answers, the bandit now reading the learned state
        r = getOk(port, "/v1/search?k=5&q=boundary+layer&user=alice");
        assertFalse(stage(r, "bandit").get("passedThrough").asBoolean(), r.get("stages").toString());
        ctx.close(); // while the broker still runs, so the learn loop closes cleanly
      }
    }
    System.out.println("whole test " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }
}
