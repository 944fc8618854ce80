package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user paths of the API on the shared server: search details, recommendations, admin, experiments, docs, metrics. */
class ApiTest extends ServerTestBase {

  @Test
  void searchRunsEveryStageAndExplains() {
    JsonNode r = json(get("/v1/search?q=" + enc("supersonic wing") + "&k=5&explain=true"));
    assertEquals(5, r.get("items").size());
    assertNotNull(r.get("impressionId").asText());
    String[] stages = {"bm25", "features", "lambdamart", "rerank", "bandit"};
    assertEquals(stages.length, r.get("stages").size());
    for (int i = 0; i < stages.length; i++) {
      JsonNode s = r.get("stages").get(i);
      assertEquals(stages[i], s.get("stage").asText());
      if (stages[i].equals("rerank") && s.get("passedThrough").asBoolean()) {
        // Until rerankTrainingActivatesTheNeuralStage has run, the shared server has no reranker.
        assertTrue(s.get("reason").asText().startsWith("no model yet"), s.toString());
        assertEquals("", s.get("modelVersion").asText(), s.toString());
      } else {
        assertFalse(s.get("passedThrough").asBoolean(), s.toString());
      }
    }
    assertEquals(100, r.get("stages").get(1).get("outputSize").asInt(), "features cut to the rerank depth");
    JsonNode item = r.get("items").get(0);
    assertEquals(60, item.get("explain").get("features").size(), "the 60 serving features");
    JsonNode scores = item.get("explain").get("stageScores");
    for (String s : stages) {
      assertTrue(scores.has(s), "score after " + s + ": " + scores);
    }
    assertEquals(item.get("score").asDouble(), scores.get("bandit").asDouble(), 1e-9);
    assertTrue(item.get("snippet").asText().contains("<mark>"), item.get("snippet").asText());
    assertEquals(r.get("stages").get(2).get("modelVersion").asText(), r.get("modelVersions").get("lambdamart").asText());
  }

  @Test
  void bm25RankerMatchesRetrievalOrderAndLtrReorders() {
    JsonNode bm25 = json(get("/v1/search?q=" + enc("pressure distribution") + "&k=10&ranker=bm25&explain=true"));
    assertEquals(1, bm25.get("stages").size());
    double prev = Double.POSITIVE_INFINITY;
    for (JsonNode i : bm25.get("items")) {
      assertTrue(i.get("score").asDouble() <= prev, "BM25 order is by score");
      prev = i.get("score").asDouble();
    }
    JsonNode ltr = json(get("/v1/search?q=" + enc("pressure distribution") + "&k=10&ranker=ltr"));
    assertEquals(3, ltr.get("stages").size());
  }

  @Test
  void recommendationsUseClicksAndTheUserContext() {
    JsonNode s = search("shock wave", 5);
    String clicked = s.get("items").get(0).get("docId").asText();
    String body = "{\"impressionId\":\"" + s.get("impressionId").asText() + "\",\"docId\":\"" + clicked
        + "\",\"position\":1,\"userId\":\"reader-7\"}";
    assertEquals(202, postJson("/v1/events", body).statusCode());
    JsonNode r = json(get("/v1/recommend?user=reader-7&k=5&explain=true"));
    assertEquals("user:reader-7", r.get("contextKey").asText());
    assertEquals(5, r.get("items").size());
    Set<String> sources = new HashSet<>();
    r.get("items").forEach(i -> {
      sources.add(i.get("source").asText().replaceAll(":.*", ""));
      assertFalse(i.get("docId").asText().equals(clicked), "an already clicked document is not recommended again");
    });
    assertTrue(sources.contains("similar"), "candidates similar to the clicked document: " + sources);
    assertEquals("candidates", r.get("stages").get(0).get("stage").asText());
    JsonNode ctr = r.get("stages").get(1);
    assertEquals("ctr", ctr.get("stage").asText(), r.get("stages").toString());
    assertEquals("bandit", r.get("stages").get(2).get("stage").asText());
    // Whether the online learner has checkpointed yet depends on timing: either a version, or a
    // pass-through that says there is none.
    if (ctr.get("passedThrough").asBoolean()) {
      assertTrue(ctr.get("reason").asText().startsWith("no model yet"), ctr.toString());
    } else {
      assertTrue(ctr.get("modelVersion").asText().startsWith("ctr-v"), ctr.toString());
    }
  }

  @Test
  void rerankTrainingActivatesTheNeuralStage() throws Exception {
    // Six judged queries keep the training to seconds; the route takes server-side paths.
    Path sample = Path.of("..", "samples", "cranfield").toAbsolutePath().normalize();
    List<String> qrels = Files.readAllLines(sample.resolve("qrels").resolve("test.tsv"));
    Set<String> ids = new java.util.LinkedHashSet<>();
    List<String> kept = new java.util.ArrayList<>(List.of(qrels.get(0)));
    for (String line : qrels.subList(1, qrels.size())) {
      String q = line.split("\t")[0];
      if (ids.size() < 6 || ids.contains(q)) {
        ids.add(q);
        kept.add(line);
      }
    }
    Path small = Files.createTempFile(dataDir(), "qrels-", ".tsv");
    Files.write(small, kept);
    HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/v1/admin/rerank/training?activate=true&qrels="
            + enc(small.toString()) + "&queries=" + enc(sample.resolve("queries.jsonl").toString())))
        .header("X-Api-Key", API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(202, start.statusCode(), start.body());
    JsonNode status = null;
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end) {
      status = json(send(HttpRequest.newBuilder(uri("/v1/admin/rerank/training")).header("X-Api-Key", API_KEY).GET().build()));
      if (status.get("phase").asText().equals("saved") || status.get("phase").asText().equals("failed")) {
        break;
      }
      Thread.sleep(200);
    }
    assertNotNull(status);
    assertEquals("saved", status.get("phase").asText(), status.toString());
    String version = status.get("version").asText();
    JsonNode models = null;
    while (System.nanoTime() < end) { // activation follows the save on the training thread
      models = json(send(HttpRequest.newBuilder(uri("/v1/admin/rerank/models")).header("X-Api-Key", API_KEY).GET().build()));
      if (version.equals(models.get("active").asText())) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(version, models.get("active").asText(), models.toString());
    assertTrue(models.get("versions").get(0).get("metadata").asText().contains("erank-cross-encoder"), models.toString());
    JsonNode r = json(get("/v1/search?q=" + enc("boundary layer flow") + "&k=5"));
    JsonNode stage = r.get("stages").get(3);
    assertEquals("rerank", stage.get("stage").asText());
    assertFalse(stage.get("passedThrough").asBoolean(), stage.toString());
    assertEquals(version, stage.get("modelVersion").asText());
    assertEquals(100, stage.get("inputSize").asInt(), "every candidate goes on, the top 30 reordered");
    assertEquals(404, send(HttpRequest.newBuilder(uri("/v1/admin/rerank/models/no-such/activate")).header("X-Api-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    assertEquals(401, get("/v1/admin/rerank/models").statusCode());
  }

  @Test
  void adminNeedsTheKey() {
    HttpResponse<String> none = get("/v1/admin/models");
    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertFalse(none.body().contains("version"), "no data without the key");
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/v1/admin/models")).header("X-Api-Key", "nope").GET().build());
    assertEquals(401, wrong.statusCode());
    HttpResponse<String> ok = send(HttpRequest.newBuilder(uri("/v1/admin/models")).header("X-Api-Key", API_KEY).GET().build());
    assertEquals(200, ok.statusCode());
    JsonNode m = json(ok);
    Set<String> versions = new HashSet<>();
    m.get("versions").forEach(v -> versions.add(v.get("version").asText()));
    assertTrue(versions.contains(m.get("active").asText()), "the active version is listed: " + m);
    assertTrue(m.get("versions").get(0).get("metadata").asText().contains("lambdamart-xgboost"));
  }

  @Test
  void uploadSearchAndDeleteADocument() {
    String doc = "{\"_id\":\"zz-upload-1\",\"title\":\"quasar plasma ornithopter\",\"text\":\"an ornithopter flies through quasar plasma\"}\n";
    String boundary = "rankstackboundary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"docs.jsonl\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + doc + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> up = send(HttpRequest.newBuilder(uri("/v1/admin/documents")).header("X-Api-Key", API_KEY)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)).build());
    assertEquals(200, up.statusCode(), up.body());
    assertEquals(1, json(up).get("added").asInt());
    JsonNode found = search("ornithopter quasar", 3);
    assertEquals("zz-upload-1", found.get("items").get(0).get("docId").asText());

    String bad = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.jsonl\"\r\n\r\n"
        + "{\"_id\":\"x\",\"title\":\"no text\"}\n\r\n--" + boundary + "--\r\n";
    HttpResponse<String> rejected = send(HttpRequest.newBuilder(uri("/v1/admin/documents")).header("X-Api-Key", API_KEY)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(bad, StandardCharsets.UTF_8)).build());
    assertEquals(400, rejected.statusCode(), rejected.body());
    assertTrue(json(rejected).get("detail").asText().contains(":1"), "names the line: " + rejected.body());

    HttpResponse<String> del = send(HttpRequest.newBuilder(uri("/v1/admin/documents/zz-upload-1")).header("X-Api-Key", API_KEY)
        .DELETE().build());
    assertEquals(200, del.statusCode());
    JsonNode gone = json(get("/v1/search?k=3&q=" + enc("ornithopter quasar")));
    gone.get("items").forEach(i -> assertFalse(i.get("docId").asText().equals("zz-upload-1")));
    assertEquals(404, send(HttpRequest.newBuilder(uri("/v1/admin/documents/zz-upload-1")).header("X-Api-Key", API_KEY)
        .DELETE().build()).statusCode());
  }

  @Test
  void trainingRunsWithProgressAndANewVersionCanBeActivated() throws InterruptedException {
    String before = json(send(HttpRequest.newBuilder(uri("/v1/admin/models")).header("X-Api-Key", API_KEY).GET().build()))
        .get("active").asText();
    HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/v1/admin/training")).header("X-Api-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(202, start.statusCode(), start.body());
    JsonNode status = null;
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end) {
      status = json(send(HttpRequest.newBuilder(uri("/v1/admin/training")).header("X-Api-Key", API_KEY).GET().build()));
      if (status.get("phase").asText().equals("saved") || status.get("phase").asText().equals("failed")) {
        break;
      }
      Thread.sleep(200);
    }
    assertNotNull(status);
    assertEquals("saved", status.get("phase").asText(), status.toString());
    String version = status.get("version").asText();
    assertFalse(version.equals(before), "a new version, not the one active before: " + version);
    HttpResponse<String> act = send(HttpRequest.newBuilder(uri("/v1/admin/models/" + version + "/activate"))
        .header("X-Api-Key", API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, act.statusCode(), act.body());
    JsonNode r = search("wing flutter", 3);
    assertEquals(version, r.get("stages").get(2).get("modelVersion").asText());
    assertEquals(404, send(HttpRequest.newBuilder(uri("/v1/admin/models/no-such/activate")).header("X-Api-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
  }

  @Test
  void interleavingExperimentCreditsClicks() {
    JsonNode r = json(get("/v1/search?q=" + enc("laminar flow heat transfer") + "&k=10&experiment=ltr-vs-bm25"));
    assertEquals("ltr-vs-bm25", r.get("experiment").asText());
    int clickedA = 0;
    for (JsonNode i : r.get("items")) {
      String team = i.get("team").asText();
      assertTrue(team.equals("A") || team.equals("B"), team);
      if (team.equals("A") && clickedA == 0) {
        clickedA = i.get("position").asInt();
      }
    }
    assertTrue(clickedA > 0, "team A contributed an item");
    assertEquals(202, click(r, clickedA));
    JsonNode s = json(get("/v1/experiments/ltr-vs-bm25"));
    assertTrue(s.get("wins").asLong() >= 1, s.toString());
    assertEquals("ltr", s.get("rankerA").asText());
    assertTrue(s.get("pValue").asDouble() > 0 && s.get("pValue").asDouble() <= 1, s.toString());
    assertEquals(404, get("/v1/experiments/nope").statusCode());
  }

  @Test
  void openApiDocumentListsEveryRoute() {
    JsonNode doc = json(get("/v3/api-docs"));
    JsonNode paths = doc.get("paths");
    for (String p : new String[] {"/v1/search", "/v1/recommend", "/v1/events", "/v1/experiments/{id}", "/v1/admin/documents",
        "/v1/admin/documents/{id}", "/v1/admin/models", "/v1/admin/models/{version}/activate", "/v1/admin/training",
        "/v1/admin/rerank/models", "/v1/admin/rerank/models/{version}/activate", "/v1/admin/rerank/training"}) {
      assertTrue(paths.has(p), "OpenAPI lists " + p);
    }
    assertEquals(200, get("/swagger-ui/index.html").statusCode());
  }

  @Test
  void healthReadinessAndPrometheus() {
    assertEquals("UP", json(get("/actuator/health/readiness")).get("status").asText());
    search("jet noise", 3);
    String prom = get("/actuator/prometheus").body();
    assertTrue(prom.contains("rankstack_stage_latency_seconds_bucket{stage=\"lambdamart\""), "per-stage histogram");
    assertTrue(prom.contains("kafka_consumer_fetch_manager_records_lag_max"), "Kafka lag");
    assertTrue(prom.contains("dead_letters"), "dead letters");
    assertTrue(prom.contains("rankstack_model_active{model=\"lambdamart\"} 1.0"), "model gauge");
    assertTrue(prom.contains("rankstack_events_queued"), "event queue");
    assertTrue(prom.contains("rankstack_stage_latency_seconds_bucket{stage=\"bm25\""), "retrieval histogram");
    assertTrue(prom.contains("rankstack_model_version{model=\"lambdamart\",version=\""), "active version");
    JsonNode health = json(get("/actuator/health"));
    assertEquals("UP", health.get("components").get("learnLoop").get("status").asText(), health.toString());
    assertEquals("RUNNING", health.get("components").get("learnLoop").get("details").get("streams").asText());
  }

  @Test
  void webPageIsServed() {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"search-form\""));
  }
}
