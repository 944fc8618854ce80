package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rankstack.server.RankstackServer;
import io.rankstack.server.events.ClickStats;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart of the real server: searches in an interleaving experiment and clicks through the API,
 * a clean stop, and a new server on the same data directory answering the same experiment summary
 * and holding the same popularity and recent clicks. Its own data directory and server (not the
 * shared one of {@link ServerTestBase}), with the stages that would only add start time (LambdaMART
 * training, reranker, CTR learner, bandit) switched off: the state under test does not depend on them.
 *
 * <p>Everything under the data directory is kept between the two starts, the embedded broker's
 * folder and the learn loop's state included: the second start is the README's first command run
 * again.
 */
class RestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path data;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RankstackServer.class).run(
        "--server.port=0",
        "--rankstack.data-dir=" + data,
        "--rankstack.ltr.enabled=false",
        "--rankstack.rerank.enabled=false",
        "--rankstack.ctr.enabled=false",
        "--rankstack.bandit.enabled=false",
        "--rankstack.streaming.partitions=1",
        "--rankstack.admin.api-key=restart-test-key-0123456789",
        "--rankstack.experiments[0].id=ltr-vs-bm25",
        "--rankstack.experiments[0].ranker-a=ltr",
        "--rankstack.experiments[0].ranker-b=bm25",
        "--rankstack.experiments[0].traffic-share=0",
        "--logging.level.ml.dmlc=WARN");
  }

  private JsonNode get(ConfigurableApplicationContext ctx, String pathAndQuery) throws IOException, InterruptedException {
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private int click(ConfigurableApplicationContext ctx, JsonNode response, int position, String user)
      throws IOException, InterruptedException {
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    JsonNode item = response.get("items").get(position - 1);
    String body = "{\"impressionId\":\"" + response.get("impressionId").asText() + "\",\"docId\":\""
        + item.get("docId").asText() + "\",\"position\":" + position + ",\"userId\":\"" + user + "\"}";
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void experimentSummaryPopularityAndRecentClicksSurviveARestart() throws Exception {
    JsonNode summary;
    List<Map.Entry<String, Long>> popular;
    List<String> recent;
    try (ConfigurableApplicationContext first = start()) {
      int n = 0;
      for (String q : List.of("laminar flow heat transfer", "boundary layer", "supersonic wing", "slip flow")) {
        JsonNode r = get(first, "/v1/search?k=5&experiment=ltr-vs-bm25&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(202, click(first, r, 1 + (n++ % 2), "alice"));
      }
      summary = get(first, "/v1/experiments/ltr-vs-bm25");
      ClickStats clicks = first.getBean(ClickStats.class);
      popular = clicks.popular(10);
      recent = clicks.recent("alice");
    }
    assertEquals(4, summary.get("impressions").asLong());
    assertEquals(4, summary.get("wins").asLong() + summary.get("ties").asLong() + summary.get("losses").asLong());
    assertEquals(4, popular.stream().mapToLong(Map.Entry::getValue).sum());
    assertTrue(recent.size() >= 1, recent.toString());

    try (ConfigurableApplicationContext second = start()) {
      assertEquals(summary, get(second, "/v1/experiments/ltr-vs-bm25"));
      ClickStats clicks = second.getBean(ClickStats.class);
      assertEquals(popular, clicks.popular(10));
      assertEquals(recent, clicks.recent("alice"));
    }
  }
}
