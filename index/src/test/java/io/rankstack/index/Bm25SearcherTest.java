package io.rankstack.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Candidate;
import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import io.rankstack.index.io.DocumentReader;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Bm25SearcherTest {
  private static final double EPS = 1e-6;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** Indexes {@code docs} in one batch into a fresh in-memory index and opens a searcher on it. */
  private Bm25Searcher searcher(IndexConfig config, Bm25Parameters params, Document... docs) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    toClose.add(dir);
    new CollectionIndexer(config, DefaultEnglishAnalyzer::new, InstantSource.system(), 16)
        .index(dir, DocumentReader.of("test", List.of(docs)), ProgressListener.NONE);
    DirectoryReader reader = DirectoryReader.open(dir);
    toClose.add(reader);
    DefaultEnglishAnalyzer analyzer = new DefaultEnglishAnalyzer();
    toClose.add(analyzer);
    Bm25Searcher s = Bm25Searcher.of(reader, params, analyzer);
    toClose.add(s);
    return s;
  }

  private static Document text(String id, String contents) {
    return new Document(id, Map.of("contents", contents));
  }

  private static Map<String, Double> scores(RankedList list) {
    Map<String, Double> m = new HashMap<>();
    for (Candidate c : list.candidates()) {
      m.put(c.docId(), c.score());
    }
    return m;
  }

  /*
   * Three documents in field "contents"; every word is its own stem and no stop word.
   *   d1 "cat dog"                       dl = 2
   *   d2 "cat cat fish bird"             dl = 4
   *   d3 "fish bird bird dog fish bird"  dl = 6     N = 3, avgdl = 12 / 3 = 4
   * Lucene 9 BM25 with k1 = 0.9, b = 0.4 (lengths this small are encoded exactly):
   *   score = idf · f / (f + k1 · (1 − b + b · dl / avgdl)),  idf = ln(1 + (N − n + 0.5) / (n + 0.5))
   * "cat": n = 2, idf = ln(1 + 1.5 / 2.5) = ln 1.6 = 0.47000363
   *   d1: f = 1, K = 0.9 · (0.6 + 0.4 · 2/4) = 0.72, 1 / 1.72 = 0.58139535 → 0.27325792
   *   d2: f = 2, K = 0.9 · (0.6 + 0.4 · 4/4) = 0.90, 2 / 2.90 = 0.68965517 → 0.32414043
   * "bird": n = 2, idf = ln 1.6
   *   d2: f = 1, K = 0.90, 1 / 1.90 = 0.52631579 → 0.24737033
   *   d3: f = 3, K = 0.9 · (0.6 + 0.4 · 6/4) = 1.08, 3 / 4.08 = 0.73529412 → 0.34559090
   * "cat bird": d2 = 0.32414043 + 0.24737033 = 0.57151077, d3 = 0.34559090, d1 = 0.27325792
   */
  @Test
  void scoresMatchBm25ComputedByHand() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT,
        text("d1", "cat dog"), text("d2", "cat cat fish bird"), text("d3", "fish bird bird dog fish bird"));
    RankedList cat = s.search(new Query("q1", "cat"), 10);
    assertEquals(List.of("d2", "d1"), cat.docIds());
    assertEquals(0.32414043, cat.atRank(1).score(), EPS);
    assertEquals(0.27325792, cat.atRank(2).score(), EPS);

    RankedList catBird = s.search(new Query("q2", "Cats, birds!"), 10);
    assertEquals(List.of("d2", "d3", "d1"), catBird.docIds());
    assertEquals(0.57151077, catBird.atRank(1).score(), EPS);
    assertEquals(0.34559090, catBird.atRank(2).score(), EPS);
    assertEquals(0.27325792, catBird.atRank(3).score(), EPS);
    assertEquals("q2", catBird.queryId());
  }

  @Test
  void otherParametersChangeTheScoreAsTheFormulaSays() throws IOException {
    // k1 = 1.2, b = 0.75, "cat" in d1: K = 1.2 · (0.25 + 0.75 · 0.5) = 0.75 → ln 1.6 · 1 / 1.75 = 0.26857350
    Bm25Searcher s = searcher(IndexConfig.defaults(), new Bm25Parameters(1.2f, 0.75f),
        text("d1", "cat dog"), text("d2", "cat cat fish bird"), text("d3", "fish bird bird dog fish bird"));
    assertEquals(0.26857350, scores(s.search(new Query("q", "cat"), 10)).get("d1"), EPS);
  }

  @Test
  void repeatedQueryTermsCountAsBoosts() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT, text("d1", "cat dog"), text("d2", "dog fish"));
    double once = s.search(new Query("q", "cat"), 1).atRank(1).score();
    double twice = s.search(new Query("q", "cat CATS"), 1).atRank(1).score();
    assertEquals(2 * once, twice, EPS);
  }

  @Test
  void scoresAndOrderAgreeWithRawLuceneOnTheSameQuery() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT,
        text("d1", "cat dog"), text("d2", "cat cat fish bird"), text("d3", "fish bird bird dog fish bird"), text("d4", "dog dog"));
    SearchRequest r = SearchRequest.of(new Query("q", "cat bird dog"), 10);
    RankedList ours = s.search(r).ranking();
    TopDocs raw = s.indexSearcher().search(s.luceneQuery(r), 10);
    assertEquals(raw.scoreDocs.length, ours.size());
    Map<String, Double> byId = scores(ours);
    for (ScoreDoc sd : raw.scoreDocs) {
      String id = s.indexSearcher().storedFields().document(sd.doc).get(IndexFields.ID);
      assertEquals(sd.score, byId.get(id), 0.0, id);
    }
  }

  @Test
  void fieldWeightsScaleEachFieldsBm25Score() throws IOException {
    Document a = new Document("a", Map.of("title", "solar power", "text", "wind turbines and wind farms"));
    Document b = new Document("b", Map.of("title", "wind energy", "text", "solar panels on roofs"));
    Document c = new Document("c", Map.of("title", "hydro dams", "text", "rivers"));
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT, a, b, c);
    Query q = new Query("q", "solar");
    SearchRequest titleOnly = SearchRequest.of(q, 10).withFields(FieldWeights.of("title"));
    SearchRequest textOnly = SearchRequest.of(q, 10).withFields(FieldWeights.of("text"));
    Map<String, Double> t = scores(s.search(titleOnly).ranking());
    Map<String, Double> x = scores(s.search(textOnly).ranking());
    assertEquals(List.of("a"), List.copyOf(t.keySet()));
    assertEquals(List.of("b"), List.copyOf(x.keySet()));

    // score = 2 · BM25_title + 1 · BM25_text, each with its own field statistics.
    RankedList titleHeavy = s.search(SearchRequest.of(q, 10).withFields(FieldWeights.parse("title^2 text^1"))).ranking();
    assertEquals(List.of("a", "b"), titleHeavy.docIds());
    assertEquals(2 * t.get("a"), titleHeavy.atRank(1).score(), EPS);
    assertEquals(x.get("b"), titleHeavy.atRank(2).score(), EPS);

    RankedList textHeavy = s.search(SearchRequest.of(q, 10).withFields(FieldWeights.parse("title, text^5"))).ranking();
    assertEquals(List.of("b", "a"), textHeavy.docIds());
    assertEquals(5 * x.get("b"), textHeavy.atRank(1).score(), EPS);
  }

  @Test
  void beirFlatContentsJoinsTitleAndText() throws IOException {
    Document d = new Document("d", Map.of("title", "Quantum dots", "text", "emit light"));
    Bm25Searcher s = searcher(IndexConfig.forFormat(io.rankstack.index.io.DocumentFormat.BEIR), Bm25Parameters.DEFAULT, d,
        new Document("e", Map.of("title", "", "text", "nothing here")));
    assertEquals(List.of("d"), s.search(new Query("q", "quantum light"), 10).docIds());
    // contents is derived and not stored: the stored document is the input document.
    assertEquals(d, s.document("d").orElseThrow());
    assertTrue(s.document("missing").isEmpty());
  }

  @Test
  void termAndRangeFiltersRestrictWithoutChangingScores() throws IOException {
    IndexConfig config = IndexConfig.defaults().withKeywordFields("lang");
    Bm25Searcher s = searcher(config, Bm25Parameters.DEFAULT,
        new Document("a", Map.of("contents", "neural ranking", "lang", "en"), Map.of("year", 2019.0)),
        new Document("b", Map.of("contents", "neural ranking models", "lang", "de"), Map.of("year", 2021.0)),
        new Document("c", Map.of("contents", "neural nets", "lang", "en"), Map.of("year", 2023.0)),
        new Document("d", Map.of("contents", "cooking", "lang", "en"), Map.of("year", 2020.0)));
    SearchRequest r = SearchRequest.of(new Query("q", "neural ranking"), 10);
    Map<String, Double> unfiltered = scores(s.search(r).ranking());
    assertEquals(3, unfiltered.size());

    RankedList en = s.search(r.withFilters(Filter.term("lang", "en"))).ranking();
    assertEquals(List.of("a", "c"), en.docIds());
    for (Candidate c : en.candidates()) {
      assertEquals(unfiltered.get(c.docId()), c.score(), 0.0);
    }
    // a ("neural ranking", 2 terms) outscores the longer b ("neural ranking models").
    assertEquals(List.of("a", "b"), s.search(r.withFilters(Filter.range("year", 2019, 2021))).ranking().docIds());
    assertEquals(List.of("c"), s.search(r.withFilters(Filter.term("lang", "en"), Filter.atLeast("year", 2020))).ranking().docIds());
    assertEquals(List.of("a"), s.search(r.withFilters(Filter.atMost("year", 2019.5))).ranking().docIds());
    // A filter alone never retrieves: d passes the filter but matches no query term.
    assertFalse(s.search(r.withFilters(Filter.term("lang", "en"))).ranking().docIds().contains("d"));
    // Keyword values are exact terms, not analysed.
    assertEquals(List.of(), s.search(r.withFilters(Filter.term("lang", "EN"))).ranking().docIds());
    assertEquals(List.of(), s.search(r.withFilters(Filter.term("nosuchfield", "en"))).ranking().docIds());
    assertThrows(IllegalArgumentException.class, () -> Filter.range("year", 2021, 2019));
  }

  @Test
  void equalScoresAreOrderedByIdEvenAcrossTheCutOff() throws IOException {
    // Indexed in the order c, b, d, a: Lucene alone would keep the lowest internal numbers (c, b).
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT,
        text("c", "same words"), text("b", "same words"), text("d", "same words"), text("a", "same words"), text("e", "other"));
    RankedList all = s.search(new Query("q", "same words"), 10);
    assertEquals(List.of("a", "b", "c", "d"), all.docIds());
    assertEquals(all.atRank(1).score(), all.atRank(4).score(), 0.0);
    assertEquals(List.of("a", "b"), s.search(new Query("q", "same words"), 2).docIds());
    assertEquals(RankedList.sortedByScore("q", all.candidates()), all);
  }

  @Test
  void queryTextNeedsNoEscapingAndStopWordsAloneFindNothing() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT, text("a", "title and more"), text("b", "foo bar"));
    // Terms: title, foo, bar ("and" is a stop word); b matches two of them, a one.
    assertEquals(List.of("b", "a"), s.search(new Query("q", "title:(foo AND -bar)* \"[ ~2 ^3 \\"), 10).docIds());
    SearchResult none = s.search(SearchRequest.of(new Query("q", "the and of"), 10));
    assertEquals(0, none.ranking().size());
    assertTrue(none.totalHitsExact());
    assertEquals(0, s.search(SearchRequest.of(new Query("q", "foo"), 0)).ranking().size());
  }

  @Test
  void totalHitsCountsMatches() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT, text("a", "x y"), text("b", "x"), text("c", "y"), text("d", "z"));
    SearchResult r = s.search(SearchRequest.of(new Query("q", "x y"), 1));
    assertEquals(1, r.ranking().size());
    assertEquals(3, r.totalHits());
    assertTrue(r.totalHitsExact());
    assertEquals(4, s.documentCount());
  }

  @Test
  void explanationValueEqualsTheRankingScore() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults().withKeywordFields("k"), Bm25Parameters.DEFAULT,
        new Document("d1", Map.of("contents", "cat dog", "k", "v")), new Document("d2", Map.of("contents", "cat cat fish bird", "k", "v")));
    SearchRequest r = SearchRequest.of(new Query("q", "cat bird"), 10).withFilters(Filter.term("k", "v"));
    for (Candidate c : s.search(r).ranking().candidates()) {
      assertEquals(c.score(), s.explain(r, c.docId()).orElseThrow().getValue().floatValue(), 0.0);
    }
    assertTrue(s.explain(r, "nope").isEmpty());
  }

  @Test
  void parametersAreValidated() {
    assertEquals(new Bm25Parameters(0.9f, 0.4f), Bm25Parameters.DEFAULT);
    IllegalArgumentException k1 = assertThrows(IllegalArgumentException.class, () -> new Bm25Parameters(-1f, 0.4f));
    assertEquals("illegal k1 value: -1.0, must be a non-negative finite value", k1.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Bm25Parameters(Float.NaN, 0.4f));
    assertThrows(IllegalArgumentException.class, () -> new Bm25Parameters(Float.POSITIVE_INFINITY, 0.4f));
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> new Bm25Parameters(0.9f, 1.5f));
    assertEquals("illegal b value: 1.5, must be between 0 and 1", b.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Bm25Parameters(0.9f, Float.NaN));
  }

  @Test
  void fieldWeightsParseAndValidate() {
    FieldWeights w = FieldWeights.parse(" title^2   text ");
    assertEquals(List.of("title", "text"), List.copyOf(w.weights().keySet()));
    assertEquals(2f, w.weights().get("title"));
    assertEquals(1f, w.weights().get("text"));
    assertEquals("title^2.0 text^1.0", w.toString());
    assertThrows(IllegalArgumentException.class, () -> FieldWeights.parse("title^x"));
    assertThrows(IllegalArgumentException.class, () -> FieldWeights.parse("title^0"));
    assertThrows(IllegalArgumentException.class, () -> FieldWeights.parse("title text^1 title"));
    assertThrows(IllegalArgumentException.class, () -> FieldWeights.parse("  "));
  }

  @Test
  void searchAfterCloseIsRefused() throws IOException {
    Bm25Searcher s = searcher(IndexConfig.defaults(), Bm25Parameters.DEFAULT, text("a", "x"));
    s.close();
    s.close();
    assertThrows(IllegalStateException.class, () -> s.search(new Query("q", "x"), 1));
  }
}
