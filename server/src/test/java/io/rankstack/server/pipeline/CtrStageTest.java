package io.rankstack.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rankstack.core.Candidate;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.Bm25Parameters;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.online.ctr.CtrConfig;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrModel;
import io.rankstack.online.ctr.CtrModelHolder;
import io.rankstack.online.ctr.CtrModelVersion;
import io.rankstack.online.ctr.TrainingExampleFeatures;
import io.rankstack.streaming.topology.TrainingExample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CTR stage: its examples are exactly those {@link TrainingExampleFeatures} builds from a
 * labelled impression of the same placement; with a small AdaptDHM model trained on one user's
 * clicks it puts the clicked document first; before the first version it passes through.
 */
class CtrStageTest {
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;
  private static StandardAnalyzer analyzer;
  private static Bm25Searcher searcher;
  /** The candidates in the order the stage receives them: the clicked document "x" comes third. */
  private static final RankedList IN = new RankedList("user:ann", List.of(new Candidate("y", 3), new Candidate("z", 2),
      new Candidate("x", 1)));

  @BeforeAll
  static void setUp() throws Exception {
    // The stage never reads the index; the request context just needs one (an empty one).
    dir = new ByteBuffersDirectory();
    analyzer = new StandardAnalyzer();
    new IndexWriter(dir, new IndexWriterConfig(analyzer)).close();
    reader = DirectoryReader.open(dir);
    searcher = Bm25Searcher.of(reader, Bm25Parameters.DEFAULT, analyzer);
  }

  @AfterAll
  static void tearDown() throws Exception {
    EXECUTOR.shutdownNow();
    searcher.close();
    reader.close();
    analyzer.close();
    dir.close();
  }

  private static RequestContext context() {
    return new RequestContext(new Query("user:ann", ""), "user:ann", searcher);
  }

  private static Pipeline pipeline(Stage s) {
    return new Pipeline("recommend", List.of(s), Duration.ofSeconds(5), EXECUTOR, new SimpleMeterRegistry());
  }

  @Test
  void examplesMatchTheLearnersFeatures() {
    List<CtrExample> ours = CtrStage.examples("user:ann", IN, 0);
    TrainingExampleFeatures f = new TrainingExampleFeatures(0);
    for (int i = 0; i < IN.size(); i++) {
      TrainingExample shown = new TrainingExample("imp-1", "user:ann", IN.atRank(i + 1).docId(), i + 1, 0,
          new double[0], 1.0, 0L);
      assertEquals(f.apply(shown), ours.get(i));
    }
    assertEquals(List.of("user:ann", "x", "3"), List.of(ours.get(2).categorical()));
  }

  @Test
  void putsTheDocumentThisUserClicksFirst() {
    // Ann was shown y, z, x (positions 1, 2, 3) 200 times and clicked x each time.
    CtrModel model = new CtrModel(CtrConfig.adaptDhm(TrainingExampleFeatures.CATEGORICAL_FIELDS, 0, 2, 7)
        .withSizes(1 << 10, 4, new int[] {8}).withLearningRate(0.03));
    TrainingExampleFeatures f = new TrainingExampleFeatures(0);
    List<CtrExample> batch = new ArrayList<>();
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < 3; i++) {
        String doc = IN.atRank(i + 1).docId();
        batch.add(f.apply(new TrainingExample("imp-" + round, "user:ann", doc, i + 1, doc.equals("x") ? 1 : 0,
            new double[0], 1.0, round)));
      }
      if (batch.size() >= 30) {
        model.train(batch);
        batch.clear();
      }
    }
    CtrModelHolder holder = new CtrModelHolder();
    holder.publish(new CtrModelVersion(4, model.snapshot(), Map.of(0, 600L), 600));
    Pipeline.Result r = pipeline(new CtrStage(holder, 0)).run(context(), IN, false);
    StageTrace t = r.trace().get(0);
    assertFalse(t.passedThrough(), t.toString());
    assertEquals("ctr-v4", t.modelVersion());
    assertEquals("x", r.ranking().atRank(1).docId(), r.ranking().toString());
    double px = r.ranking().atRank(1).score();
    assertTrue(px > 0.5, "predicted click probability of x: " + px);
    for (int i = 2; i <= 3; i++) {
      assertTrue(r.ranking().atRank(i).score() < 0.5, r.ranking().toString());
    }
  }

  @Test
  void passesThroughBeforeTheFirstVersion() {
    Pipeline.Result r = pipeline(new CtrStage(new CtrModelHolder(), 0)).run(context(), IN, false);
    StageTrace t = r.trace().get(0);
    assertTrue(t.passedThrough());
    assertTrue(t.reason().startsWith("no model yet"), t.reason());
    assertEquals(IN, r.ranking());
  }
}
