package io.rankstack.eval.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.eval.ltr.LtrSupport;
import io.rankstack.eval.retrieval.ExperimentIndex;
import io.rankstack.index.Bm25Searcher;
import io.rankstack.index.features.FeatureExtractor;
import io.rankstack.index.io.DocumentFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LtrHeadFeaturesTest {
  /**
   * Column 0: 1, 2, 3 over the list (mean 2, population std sqrt(2/3)) → −1.2247, 0, 1.2247; the
   * fourth row (outside the list) 12 → (12 − 2) / 0.8165 = 12.25, clipped to 5. Column 1 has no
   * spread in the list → 0 everywhere, even the outside row's 9.
   */
  @Test
  void standardisesPerColumnWithTheListsStatisticsAndClips() {
    float[][] z = LtrHeadFeatures.standardise(new float[][] {{1, 4}, {2, 4}, {3, 4}, {12, 9}}, 3);
    double s = Math.sqrt(2.0 / 3);
    assertArrayEquals(new float[] {(float) (-1 / s), 0}, z[0], 1e-5f);
    assertArrayEquals(new float[] {0, 0}, z[1], 1e-5f);
    assertArrayEquals(new float[] {(float) (1 / s), 0}, z[2], 1e-5f);
    assertArrayEquals(new float[] {5, 0}, z[3], 0f);
  }

  /** The real extractor on a real index: one row per requested document, in request order, also outside the list. */
  @Test
  void rowsComeFromTheIndexFeaturesInRequestOrder(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"_id": "d1", "title": "red cat", "text": "cat bird dog"}
        {"_id": "d2", "title": "fish", "text": "cat cat fish bird"}
        {"_id": "d3", "title": "bird fish", "text": "fish bird bird dog fish bird"}
        {"_id": "d4", "title": "stone", "text": "rock stone pebble"}
        """);
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, dir.resolve("index"), new PrintWriter(new StringWriter()));
    try (Bm25Searcher searcher = Bm25Searcher.open(dir.resolve("index"))) {
      FeatureExtractor fx = FeatureExtractor.of(searcher, LtrSupport.fields(searcher, "auto"));
      LtrHeadFeatures f = new LtrHeadFeatures(fx);
      assertEquals(fx.names(), f.names());
      Query q = new Query("q", "cat bird");
      RankedList list = searcher.search(q, 10);
      assertEquals(3, list.size(), "d4 shares no term with the query");
      List<String> docs = List.of(list.atRank(3).docId(), "d4", list.atRank(1).docId());
      float[][] rows = f.rows(q, list, docs);
      assertEquals(3, rows.length);
      for (float[] r : rows) {
        assertEquals(fx.size(), r.length);
        for (float v : r) {
          assertEquals(Math.max(-LtrHeadFeatures.CLIP, Math.min(LtrHeadFeatures.CLIP, v)), v, "clipped");
        }
      }
      // the same document gives the same row whatever else is requested; different documents differ
      assertArrayEquals(rows[2], f.rows(q, list, List.of(list.atRank(1).docId()))[0], 0f);
      assertNotEquals(java.util.Arrays.toString(rows[0]), java.util.Arrays.toString(rows[2]));
      // the rank feature (index 7): the top document is the list's best, the outside one below the list
      double s = Math.sqrt(2.0 / 3); // ranks 1, 2, 3
      assertEquals((float) (-1 / s), rows[2][7], 1e-5f);
      assertEquals((float) ((4 - 2) / s), rows[1][7], 1e-5f);
    }
  }
}
