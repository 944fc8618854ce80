package io.rankstack.index.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/*
 * The known-answer index: three BEIR-style documents, contents = title + " " + text. Every word is
 * its own Porter stem and none is a stop word, so positions are word offsets.
 *
 *        title        text                               text dl   title dl
 *   d1   "red cat"    "cat bird dog"                     3         2
 *   d2   "fish"       "cat cat fish bird"                4         1
 *   d3   "bird fish"  "fish bird bird dog fish bird"     6         2
 *
 * Field text: N = 3, |C| = 13, avgdl = 13/3 = 4.3333.
 *   cat:  df 2, cf 3, idf = ln(1 + (3 − 2 + 0.5)/(2 + 0.5)) = ln 1.6     = 0.47000363
 *   bird: df 3, cf 5, idf = ln(1 + (3 − 3 + 0.5)/(3 + 0.5)) = ln 1.142857 = 0.13353139
 * Query "cat bird": c(t,q) = 1 for both.
 * bm25 (k1 0.9, b 0.4), d1: K = 0.9·(0.6 + 0.4·3/4.3333) = 0.78923; cat 0.47000363·1/1.78923 = 0.26268475,
 *   bird 0.13353139·1/1.78923 = 0.07463061; sum 0.33731536, max term 0.26268475.
 * d2: K = 0.9·(0.6 + 0.4·4/4.3333) = 0.87231; cat 0.47000363·2/2.87231 = 0.32726552,
 *   bird 0.13353139/1.87231 = 0.07131915; sum 0.39858467.
 * d3: K = 0.9·(0.6 + 0.4·6/4.3333) = 1.03846; bird 0.13353139·3/4.03846 = 0.09919475.
 * bm25 k1 1.2 b 0.75 / k1 2.0 b 0.75 by the same formula: d1 0.31383821 / 0.23775622, d2 0.36291618 / 0.28827295.
 * tfidf, d2: cat (1 + ln 2)·ln(3/2) = 1.69314718·0.40546511 = 0.68651210; bird (1 + 0)·ln(3/3) = 0.
 * lm μ=2000, d2: ln((2 + 2000·3/13)/(4 + 2000)) + ln((1 + 2000·5/13)/(2004)) = −2.42022139; μ=200: −2.40611683.
 * Positions in d2: cat {0, 1}, bird {3}: shortest window holding both [1, 3] → min_span 3, density 2/3;
 *   no "cat bird" adjacent → phrase 0, ordered pairs 0. In d1: cat 0, bird 1 → phrase 1, pairs 1, span 2.
 * Field title: N 3, |C| 5, avgdl 5/3; cat and bird df 1 each, idf ln(1 + 2.5/1.5) = 0.98082925.
 *   d1 "red cat": bm25 = 0.98082925·1/(1 + 0.9·(0.6 + 0.4·2/1.6667)) = 0.49737792, match ratio 1/2, coverage 1/2.
 */
class FeatureExtractorTest {
  static final double EPS = 1e-5;
  static ByteBuffersDirectory dir;
  static DirectoryReader reader;
  static DefaultEnglishAnalyzer analyzer;
  static Bm25Searcher searcher;
  static FeatureExtractor fx;

  // offsets: 9 query/list features, then 17 per field in the order text, title, contents
  static final int TEXT = 9;
  static final int TITLE = 26;
  static final int CONTENTS = 43;

  @BeforeAll
  static void index() throws Exception {
    dir = new ByteBuffersDirectory();
    List<Document> docs = List.of(
        new Document("d1", Map.of("title", "red cat", "text", "cat bird dog")),
        new Document("d2", Map.of("title", "fish", "text", "cat cat fish bird")),
        new Document("d3", Map.of("title", "bird fish", "text", "fish bird bird dog fish bird")));
    new CollectionIndexer(new IndexConfig(java.util.Set.of(), List.of("title", "text"), true),
        DefaultEnglishAnalyzer::new, InstantSource.system(), 16).index(dir, DocumentReader.of("test", docs), ProgressListener.NONE);
    reader = DirectoryReader.open(dir);
    analyzer = new DefaultEnglishAnalyzer();
    searcher = Bm25Searcher.of(reader, new Bm25Parameters(0.9f, 0.4f), analyzer);
    fx = FeatureExtractor.of(searcher, List.of("text", "title", "contents"));
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
    reader.close();
    analyzer.close();
    dir.close();
  }

  static float[] vector(RankedList l, String doc) {
    return l.candidates().stream().filter(c -> c.docId().equals(doc)).findFirst().orElseThrow().features();
  }

  @Test
  void namesAreUniqueDefinedAndVersioned() {
    assertEquals(9 + 17 * 3, fx.size());
    assertEquals(fx.size(), new HashSet<>(fx.names()).size());
    assertTrue(fx.features().stream().allMatch(f -> !f.definition().isBlank()));
    assertEquals("text.bm25", fx.names().get(TEXT));
    assertEquals("title.match_ratio", fx.names().get(TITLE + 10));
    assertTrue(new FeatureExtractor(reader, analyzer, List.of("contents")).size() >= 25);
    assertEquals(1, FeatureExtractor.VERSION);
  }

  @Test
  void knownAnswersForTheTextField() {
    Query q = new Query("q1", "cat bird");
    RankedList first = searcher.search(q, 10);
    RankedList l = fx.withFeatures(q, first);
    assertEquals(first.docIds(), l.docIds());
    float[] d1 = vector(l, "d1");
    float[] d2 = vector(l, "d2");
    float[] d3 = vector(l, "d3");
    assertArrayEquals(new float[] {0.33731536f, 0.31383821f, 0.23775622f, 0.40546511f}, slice(d1, TEXT, 4), (float) EPS);
    assertArrayEquals(new float[] {0.39858467f, 0.36291618f, 0.28827295f, 0.68651210f, -2.42022139f, -2.40611683f},
        slice(d2, TEXT, 6), (float) EPS);
    // matched, coverage, idf_coverage, sum_tf, match_ratio, length, max_term_bm25, phrase, pairs, min_span, density
    assertArrayEquals(new float[] {2, 1, 1, 3, 0.75f, 4, 0.32726552f, 0, 0, 3, 2f / 3}, slice(d2, TEXT + 6, 11), (float) EPS);
    assertArrayEquals(new float[] {2, 1, 1, 2, 2f / 3, 3, 0.26268475f, 1, 1, 2, 1}, slice(d1, TEXT + 6, 11), (float) EPS);
    // d3 matches only bird: idf_coverage 0.13353139 / 0.60353502 = 0.22124850, one term → no span
    assertArrayEquals(new float[] {1, 0.5f, 0.22124850f, 3, 0.5f, 6, 0.09919475f, 0, 0, 0, 0}, slice(d3, TEXT + 6, 11), (float) EPS);
    assertEquals(0.09919475, d3[TEXT], EPS);
    assertEquals(0, d3[TEXT + 3], EPS); // tfidf: bird is in every document, ln(3/3) = 0
  }

  @Test
  void knownAnswersForQueryListAndTitleFeatures() {
    Query q = new Query("q1", "cat bird");
    RankedList first = searcher.search(q, 10);
    RankedList l = fx.withFeatures(q, first);
    for (int r = 1; r <= l.size(); r++) {
      float[] v = l.atRank(r).features();
      // query terms 2, distinct 2, idf sum/min/max/mean on the first field (text)
      assertArrayEquals(new float[] {2, 2, 0.60353502f, 0.13353139f, 0.47000363f, 0.30176751f}, slice(v, 0, 6), (float) EPS);
      assertEquals(first.atRank(r).score(), v[6], EPS);
      assertEquals(r, v[7]);
      assertEquals(first.atRank(r).score() / first.atRank(1).score(), v[8], EPS);
      // contents.bm25 is exactly what Lucene's BM25 scored in the first stage (k1 0.9, b 0.4)
      assertEquals(first.atRank(r).score(), v[CONTENTS], EPS);
    }
    float[] d1 = vector(l, "d1");
    assertEquals(0.49737792, d1[TITLE], EPS);
    assertEquals(0.5, d1[TITLE + 7], EPS); // coverage: only cat
    assertEquals(0.5, d1[TITLE + 10], EPS); // title match ratio 1/2
    assertEquals(2, d1[TITLE + 11], EPS);
    assertEquals(0, vector(l, "d2")[TITLE], EPS);
  }

  @Test
  void phraseFeaturesRespectStopWordGaps() {
    // "the" is a stop word: query tokens cat@0, bird@2, so the phrase needs bird two positions after
    // cat. In d2 "cat cat fish bird" cat@1, bird@3 matches once; in d1 "cat bird dog" it does not.
    Query q = new Query("q2", "cat the bird");
    RankedList l = fx.withFeatures(q, searcher.search(q, 10));
    assertEquals(1, vector(l, "d2")[TEXT + 13]);
    assertEquals(1, vector(l, "d2")[TEXT + 14]);
    assertEquals(0, vector(l, "d1")[TEXT + 13]);
    assertEquals(2, vector(l, "d1")[0]); // two tokens after analysis
  }

  @Test
  void unknownDocumentsGetZeroFieldFeaturesAndEmptyQueriesZeroBlocks() {
    RankedList list = new RankedList("q", List.of(new Candidate("nope", 2.0), new Candidate("d1", 1.0)));
    float[][] x = fx.extract(new Query("q", "cat"), list);
    for (int i = TEXT; i < fx.size(); i++) {
      assertEquals(0f, x[0][i], fx.names().get(i));
    }
    assertEquals(1, x[0][7]);
    assertEquals(0.5f, x[1][8], 1e-6); // score ratio 1/2
    assertTrue(x[1][TEXT] > 0);
    float[][] stop = fx.extract(new Query("q", "the of"), list);
    for (int i = 0; i < fx.size(); i++) {
      if (i < 6 || i >= TEXT) {
        assertEquals(0f, stop[1][i], fx.names().get(i));
      }
    }
    assertEquals(0, fx.extract(new Query("q", "cat"), new RankedList("q", List.of())).length);
    assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(reader, analyzer, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(reader, analyzer, List.of("text", "text")));
  }

  @Test
  void segmentsDoNotChangeTheVectors() throws Exception {
    // The same three documents written in two batches give two segments; postings are walked per
    // segment, and every vector must equal the one-segment index's.
    try (ByteBuffersDirectory two = new ByteBuffersDirectory()) {
      IndexConfig cfg = new IndexConfig(java.util.Set.of(), List.of("title", "text"), true);
      CollectionIndexer ix = new CollectionIndexer(cfg, DefaultEnglishAnalyzer::new, InstantSource.system(), 16);
      ix.index(two, DocumentReader.of("a", List.of(
          new Document("d3", Map.of("title", "bird fish", "text", "fish bird bird dog fish bird")))), ProgressListener.NONE);
      ix.index(two, DocumentReader.of("b", List.of(
          new Document("d1", Map.of("title", "red cat", "text", "cat bird dog")),
          new Document("d2", Map.of("title", "fish", "text", "cat cat fish bird")))), ProgressListener.NONE);
      try (DirectoryReader r2 = DirectoryReader.open(two);
           Bm25Searcher s2 = Bm25Searcher.of(r2, new Bm25Parameters(0.9f, 0.4f), analyzer)) {
        assertEquals(2, r2.leaves().size());
        FeatureExtractor fx2 = FeatureExtractor.of(s2, List.of("text", "title", "contents"));
        for (String text : List.of("cat bird", "fish dog bird", "red")) {
          Query q = new Query("q", text);
          RankedList l1 = searcher.search(q, 10);
          RankedList l2 = s2.search(q, 10);
          assertEquals(l1.docIds(), l2.docIds());
          float[][] a = fx.extract(q, l1);
          float[][] b = fx2.extract(q, l2);
          for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-6f, text + " rank " + (i + 1));
          }
        }
      }
    }
  }

  @Test
  void minSpanByHand() {
    // a at {1, 9}, b at {4}, c at {6, 12}: windows [1..6] = 6, [4..9] = 6, [4..12]... shortest is 6 (positions 1..6 or 4..9)
    assertEquals(6, Proximity.minSpan(new int[][] {{1, 9}, {4}, {6, 12}}));
    assertEquals(2, Proximity.minSpan(new int[][] {{3, 7}, {8}}));
    assertEquals(1, Proximity.minSpan(new int[][] {{5}, null}));
  }

  static float[] slice(float[] v, int from, int n) {
    return java.util.Arrays.copyOfRange(v, from, from + n);
  }
}
