package io.rankstack.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rankstack.core.Candidate;
import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.CollectionIndexer;
import io.rankstack.index.IndexConfig;
import io.rankstack.index.ProgressListener;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import io.rankstack.index.io.DocumentReader;
import io.rankstack.rerank.ArchitectureConfig;
import io.rankstack.rerank.RerankDoc;
import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.RerankQuery;
import io.rankstack.rerank.RerankTrainer;
import io.rankstack.rerank.RewardParameters;
import io.rankstack.rerank.ScoreHead;
import io.rankstack.rerank.Tokenizer;
import io.rankstack.rerank.TrainingConfig;
import io.rankstack.server.model.RerankRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neural rerank stage with a tiny cross-encoder trained here on a synthetic task (a query names
 * two topic words; a relevant document repeats both, a hard negative has one, an easy negative
 * none, the other words being variants like "sigmax1"): it moves the relevant document up within its top N, leaves the rest below, and passes
 * LambdaMART's list through with a reason when there is no model, when its budget runs out and
 * when a candidate has no text.
 */
class NeuralRerankStageTest {
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta"};
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;
  private static DefaultEnglishAnalyzer analyzer;
  private static Bm25Searcher searcher;
  private static RerankRegistry registry;

  /** Candidates in LambdaMART's order: easy negative, hard negative, relevant, then a fourth below. */
  private static final RankedList IN = new RankedList("q", List.of(new Candidate("easy", 4), new Candidate("hard", 3),
      new Candidate("rel", 2), new Candidate("tail", 1)));

  @BeforeAll
  static void setUp(@TempDir Path tmp) throws Exception {
    dir = new ByteBuffersDirectory();
    List<Document> docs = List.of(
        doc("easy", "sigmax1 thetax0 sigmax2 thetax1 omegax0 kappax1"),
        doc("hard", "alpha sigmax1 thetax2 omegax0 kappax1 sigmax0"),
        doc("rel", "alpha beta alpha beta alpha beta"),
        doc("tail", "alpha beta alpha beta alpha beta"));
    new CollectionIndexer(IndexConfig.defaults(), DefaultEnglishAnalyzer::new, InstantSource.system(), 16)
        .index(dir, DocumentReader.of("test", docs), ProgressListener.NONE);
    reader = DirectoryReader.open(dir);
    analyzer = new DefaultEnglishAnalyzer();
    searcher = Bm25Searcher.of(reader, Bm25Parameters.DEFAULT, analyzer);
    List<RerankQuery> train = queries(12, 1);
    List<String> texts = new ArrayList<>();
    train.forEach(q -> {
      texts.add(q.text());
      q.docs().forEach(d -> texts.add(d.text()));
    });
    Tokenizer tok = Tokenizer.build(texts, 1, 1000, 64);
    ArchitectureConfig arch = new ArchitectureConfig(ScoreHead.GRADED, 2, 16, 2, 16, 4, 0, tok.idCount());
    TrainingConfig config = new TrainingConfig(8, 0, 8, 2, 3e-3f, 1e-3f, 5, 0.2, 0.001, 2, RewardParameters.defaults(), 3);
    RerankModel model = new RerankTrainer(config).train(arch, tok, train, queries(4, 2), null, null);
    // Saved and activated through the registry, as the server does with a version folder.
    registry = new RerankRegistry(tmp.resolve("rerank"), 2, 8);
    registry.save("v1", model);
    model.close();
    registry.activate("v1");
  }

  @AfterAll
  static void tearDown() throws Exception {
    EXECUTOR.shutdownNow();
    registry.close();
    searcher.close();
    analyzer.close();
    reader.close();
    dir.close();
  }

  private static Document doc(String id, String text) {
    return new Document(id, Map.of("title", "", "text", text));
  }

  /** The synthetic task, with documents as the stage reads them (title + text). */
  private static List<RerankQuery> queries(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<RerankQuery> out = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      int ia = r.nextInt(WORDS.length);
      int ib = (ia + 1 + r.nextInt(WORDS.length - 1)) % WORDS.length;
      String a = WORDS[ia];
      String b = WORDS[ib];
      List<RerankDoc> docs = new ArrayList<>();
      for (int d = 0; d < 6; d++) {
        int kind = d % 3; // 0 relevant, 1 hard negative, 2 easy negative
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 6; w++) {
          String word = kind == 0 ? (w % 2 == 0 ? a : b) : kind == 1 && w == 0 ? a : other(r, a, b);
          text.append(word).append(' ');
        }
        docs.add(new RerankDoc("q" + q + "d" + d, text.toString().strip(), kind == 0 ? 1 : 0,
            kind == 0 ? 9 : kind == 1 ? 4 : 1, new float[0]));
      }
      out.add(new RerankQuery("q" + q, a + " " + b, docs));
    }
    return out;
  }

  private static String other(SplittableRandom r, String a, String b) {
    String w;
    do {
      w = WORDS[r.nextInt(WORDS.length)];
    } while (w.equals(a) || w.equals(b));
    return w + "x" + r.nextInt(3); // a word variant outside the topic words, as in the rerank module's tests
  }

  private static RequestContext context() {
    return new RequestContext(new Query("q", "alpha beta"), "alpha beta", searcher);
  }

  private static Pipeline pipeline(Stage stage) {
    return new Pipeline("full", List.of(stage), Duration.ofSeconds(5), EXECUTOR, new SimpleMeterRegistry());
  }

  @Test
  void reranksTheTopNAndKeepsTheRestBelow() {
    Pipeline.Result r = pipeline(new NeuralRerankStage(registry, 3, Duration.ofSeconds(5))).run(context(), IN, false);
    StageTrace t = r.trace().get(0);
    assertFalse(t.passedThrough(), t.toString());
    assertEquals("rerank", t.stage());
    assertEquals("v1", t.modelVersion());
    // The relevant document rises from rank 3 to rank 1 (the tiny model does not reliably separate
    // the two negatives, so their order is not asserted); "tail", outside the top 3, stays last with
    // its LambdaMART score although its text is as relevant.
    String got = r.ranking().candidates().toString();
    assertEquals("rel", r.ranking().atRank(1).docId(), got);
    assertEquals(java.util.Set.of("easy", "hard"), java.util.Set.copyOf(r.ranking().docIds().subList(1, 3)), got);
    assertEquals("tail", r.ranking().atRank(4).docId(), got);
    assertEquals(1.0, r.ranking().atRank(4).score());
  }

  @Test
  void onlyTheTopNAreRescored() {
    RankedList out = pipeline(new NeuralRerankStage(registry, 2, Duration.ofSeconds(5))).run(context(), IN, false).ranking();
    String got = out.candidates().toString();
    // With N = 2 the relevant document at rank 3 is not looked at: it keeps its place and score.
    assertEquals(java.util.Set.of("easy", "hard"), java.util.Set.copyOf(out.docIds().subList(0, 2)), got);
    assertEquals(List.of("rel", "tail"), out.docIds().subList(2, 4), got);
    assertEquals(2.0, out.atRank(3).score());
    for (int i = 1; i <= 2; i++) {
      double s = out.atRank(i).score();
      assertTrue(s != 4.0 && s != 3.0 && s >= 0 && s <= 10, "rescored with s × P(s): " + got);
    }
  }

  @Test
  void passesThroughWithoutAModel(@TempDir Path empty) {
    try (RerankRegistry none = new RerankRegistry(empty, 1, 8)) {
      Pipeline.Result r = pipeline(new NeuralRerankStage(none, 3, Duration.ofSeconds(5))).run(context(), IN, false);
      StageTrace t = r.trace().get(0);
      assertTrue(t.passedThrough());
      assertTrue(t.reason().startsWith("no model yet"), t.reason());
      assertEquals("", t.modelVersion());
      assertEquals(IN, r.ranking());
    }
  }

  @Test
  void passesThroughWhenItsBudgetRunsOut() {
    Pipeline.Result r = pipeline(new NeuralRerankStage(registry, 3, Duration.ZERO)).run(context(), IN, false);
    StageTrace t = r.trace().get(0);
    assertTrue(t.passedThrough());
    assertEquals("time budget of 0 ms ran out after 0 of 3 candidates", t.reason());
    assertEquals(IN, r.ranking());
  }

  @Test
  void passesThroughOnAFault() {
    RankedList unknown = new RankedList("q", List.of(new Candidate("rel", 2), new Candidate("missing", 1)));
    Pipeline.Result r = pipeline(new NeuralRerankStage(registry, 3, Duration.ofSeconds(5))).run(context(), unknown, false);
    StageTrace t = r.trace().get(0);
    assertTrue(t.passedThrough());
    assertTrue(t.reason().startsWith("IllegalArgumentException: no text for candidate missing"), t.reason());
    assertEquals(unknown, r.ranking());
  }
}
