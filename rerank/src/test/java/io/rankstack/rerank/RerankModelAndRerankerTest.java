package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save/load and the serving path on one tiny trained model. */
class RerankModelAndRerankerTest {
  private static RerankModel model;
  private static List<RerankQuery> queries;

  @BeforeAll
  static void train() {
    List<RerankQuery> train = TinyData.queries(12, 1, 0);
    queries = TinyData.queries(3, 9, 0);
    Tokenizer tok = TinyData.tokenizer(train);
    model = new RerankTrainer(TinyData.config(11, 4, 0)).train(TinyData.arch(tok, ScoreHead.GRADED, 0), tok, train, null, null, null);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static List<EncodedPair> pairs(RerankQuery q) {
    List<EncodedPair> out = new ArrayList<>();
    q.docs().forEach(d -> out.add(model.encode(q.text(), d.text())));
    return out;
  }

  @Test
  void saveAndLoadGiveTheSamePredictionsAndMetadata(@TempDir Path dir) throws Exception {
    model.putMetric("test_ndcg@10", 0.5);
    model.save(dir);
    model.save(dir); // saving again replaces the parameter file
    try (var files = Files.list(dir)) {
      assertEquals(List.of("model.json", "rerank-0000.params"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    String json = Files.readString(dir.resolve("model.json"));
    for (String key : List.of("\"formatVersion\": 1", "\"kind\": \"erank-cross-encoder\"", "\"version\": \"0.1.0\"", "\"vocabulary\"",
        "\"hidden\": 16", "\"test_ndcg@10\"", "\"queries\"")) {
      assertTrue(json.contains(key), key + " in " + json);
    }
    try (RerankModel back = RerankModel.load(dir, model.architecture(), Device.cpu())) {
      assertEquals(model.tokenizer().vocabulary(), back.tokenizer().vocabulary());
      assertEquals(model.parameterCount(), back.parameterCount());
      List<EncodedPair> p = pairs(queries.get(0));
      float[][] a = model.probabilities(p, null, 4);
      float[][] b = back.probabilities(p, null, 4);
      for (int i = 0; i < a.length; i++) {
        assertArrayEquals(a[i], b[i], 0f);
      }
      assertEquals(0.5, ((Number) back.metrics().get("test_ndcg@10")).doubleValue());
    }
  }

  @Test
  void architectureIsCheckedBeforeParametersAreRead(@TempDir Path dir) throws Exception {
    model.save(dir);
    ArchitectureConfig other = model.architecture().withHead(ScoreHead.BINARY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RerankModel.load(dir, other, Device.cpu()));
    assertTrue(e.getMessage().contains("model.json: field 'architecture'"), e.getMessage());
    Files.writeString(dir.resolve("model.json"), Files.readString(dir.resolve("model.json")).replace("\"formatVersion\": 1", "\"formatVersion\": 9"));
    e = assertThrows(IllegalArgumentException.class, () -> RerankModel.load(dir, null, Device.cpu()));
    assertTrue(e.getMessage().contains("field 'formatVersion': 9"), e.getMessage());
  }

  @Test
  void batchingDoesNotChangeScores() {
    List<EncodedPair> p = pairs(queries.get(1));
    float[][] one = model.probabilities(p, null, 1);
    float[][] all = model.probabilities(p, null, 64);
    for (int i = 0; i < one.length; i++) {
      assertArrayEquals(one[i], all[i], 1e-5f);
    }
  }

  private static RankedList firstStage(RerankQuery q) {
    List<Candidate> c = new ArrayList<>();
    for (int i = 0; i < q.docs().size(); i++) {
      c.add(new Candidate(q.docs().get(i).docId(), q.docs().size() - i));
    }
    return RankedList.ofDistinct(q.queryId(), c);
  }

  private static Map<String, String> texts() {
    Map<String, String> t = new HashMap<>();
    queries.forEach(q -> q.docs().forEach(d -> t.put(d.docId(), d.text())));
    return t;
  }

  @Test
  void rerankerOrdersByTheHeadsScoreAndPassesThroughWhenTheBudgetRunsOut() {
    RerankQuery q = queries.get(0);
    RankedList in = firstStage(q);
    try (Reranker r = new Reranker(model, 1, 4)) {
      RerankResult res = r.rerank(new Query(q.queryId(), q.text()), in, texts()::get, Duration.ofMinutes(1));
      assertFalse(res.passedThrough());
      assertEquals(in.size(), res.scored());
      float[][] p = model.probabilities(pairs(q), null, 64);
      for (Candidate c : res.list().candidates()) {
        int i = in.docIds().indexOf(c.docId());
        assertEquals(ScoreHead.erankScore(p[i]), c.score(), 1e-5);
      }
      for (int k = 1; k < res.list().size(); k++) {
        assertTrue(res.list().atRank(k).score() >= res.list().atRank(k + 1).score());
      }
    }
    // a clock that advances 10 ms per reading: the 15 ms budget runs out before the second batch
    AtomicLong now = new AtomicLong();
    try (Reranker r = new Reranker(model, 1, 4, () -> now.addAndGet(10_000_000))) {
      RerankResult res = r.rerank(new Query(q.queryId(), q.text()), in, texts()::get, Duration.ofMillis(15));
      assertTrue(res.passedThrough());
      assertTrue(res.timedOut());
      assertEquals(in, res.list());
      assertEquals(4, res.scored());
      assertTrue(res.reason().contains("4 of 6"), res.reason());
    }
    try (Reranker r = new Reranker(model, 1, 4)) {
      assertTrue(r.rerank(new Query(q.queryId(), q.text()), in, texts()::get, Duration.ZERO).passedThrough());
      assertThrows(IllegalArgumentException.class,
          () -> r.rerank(new Query(q.queryId(), q.text()), in, id -> null, Duration.ofSeconds(5)));
    }
  }

  @Test
  void equalScoresKeepTheFirstStageOrder() {
    RankedList in = RankedList.ofDistinct("q", List.of(new Candidate("z", 3), new Candidate("b", 2), new Candidate("a", 1),
        new Candidate("m", 0.5)));
    RankedList out = Reranker.reorder(in, new double[] {0, 0, 4.8, 0});
    assertEquals(List.of("a", "z", "b", "m"), out.docIds());
    assertEquals(4.8, out.atRank(1).score());
    assertEquals(0.0, out.atRank(4).score());
  }

  @Test
  void concurrentRequestsGetTheSameResultsAsSequentialOnes() throws Exception {
    try (Reranker r = new Reranker(model, 2, 4)) {
      Map<String, String> t = texts();
      List<RankedList> expected = new ArrayList<>();
      for (RerankQuery q : queries) {
        expected.add(r.rerank(new Query(q.queryId(), q.text()), firstStage(q), t::get, Duration.ofMinutes(1)).list());
      }
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<RankedList>> got = new ArrayList<>();
        for (int rep = 0; rep < 4; rep++) {
          for (RerankQuery q : queries) {
            got.add(pool.submit(() -> r.rerank(new Query(q.queryId(), q.text()), firstStage(q), t::get, Duration.ofMinutes(1)).list()));
          }
        }
        for (int i = 0; i < got.size(); i++) {
          RankedList g = got.get(i).get();
          RankedList e = expected.get(i % queries.size());
          assertEquals(e.docIds(), g.docIds());
          for (int k = 1; k <= e.size(); k++) {
            assertEquals(e.atRank(k).score(), g.atRank(k).score(), 1e-5);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
