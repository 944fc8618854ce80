package io.rankstack.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One server for every integration test class (Spring caches the context because every subclass
 * has the same configuration): embedded defaults (KRaft broker, RocksDB state, the Cranfield sample
 * indexed, a default LambdaMART trained) in a fresh data directory, on a random port. The join
 * window is 1 s so the bandit learns within seconds; experiments draw no traffic by themselves
 * (tests join one with the {@code experiment} parameter).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rankstack.streaming.join-window-ms=1000",
    "rankstack.streaming.grace-ms=0",
    "rankstack.streaming.partitions=2",
    "rankstack.ltr.train-rounds=30",
    // No background reranker training in the shared context (ApiTest trains a tiny one through the
    // admin API); a generous budget so that a loaded machine does not turn reranking on and off.
    "rankstack.rerank.train-on-start=false",
    "rankstack.rerank.budget-ms=2000",
    "rankstack.admin.api-key=" + ServerTestBase.API_KEY,
    "rankstack.experiments[0].id=ltr-vs-bm25",
    "rankstack.experiments[0].ranker-a=ltr",
    "rankstack.experiments[0].ranker-b=bm25",
    "rankstack.experiments[0].traffic-share=0",
    "logging.level.ml.dmlc=WARN",
})
public abstract class ServerTestBase {
  static final String API_KEY = "test-admin-key-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA;

  static {
    try {
      // under target/, so that mvn clean removes it; a fresh one per test JVM
      Files.createDirectories(Path.of("target"));
      DATA = Files.createTempDirectory(Path.of("target"), "it-data-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("rankstack.data-dir", DATA::toString);
  }

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  HttpResponse<String> postJson(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.body(), e);
    }
  }

  /** A search's JSON, asserting 200. */
  JsonNode search(String q, int k) {
    HttpResponse<String> r = get("/v1/search?k=" + k + "&q=" + enc(q));
    if (r.statusCode() != 200) {
      throw new AssertionError("search '" + q + "' answered " + r.statusCode() + ": " + r.body());
    }
    return json(r);
  }

  /** Sends a click on the item at 1-based {@code position} of {@code response}; returns the status. */
  int click(JsonNode response, int position) {
    JsonNode item = response.get("items").get(position - 1);
    String body = "{\"impressionId\":\"" + response.get("impressionId").asText() + "\",\"docId\":\""
        + item.get("docId").asText() + "\",\"position\":" + position + "}";
    return postJson("/v1/events", body).statusCode();
  }

  static Path dataDir() {
    return DATA;
  }
}
