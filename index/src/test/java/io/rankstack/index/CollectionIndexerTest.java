package io.rankstack.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import io.rankstack.index.io.DocumentFormat;
import io.rankstack.index.io.DocumentReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionIndexerTest {
  @TempDir Path tmp;

  /** A clock that advances one second each time it is read. */
  private static InstantSource ticking() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    return () -> now[0] = now[0].plusSeconds(1);
  }

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static String beirLine(String id, String title, String text) {
    return "{\"_id\": \"" + id + "\", \"title\": \"" + title + "\", \"text\": \"" + text + "\"}\n";
  }

  private static IndexReport index(Path indexDir, DocumentFormat format, Path input, IndexConfig config) throws IOException {
    try (DocumentReader r = format.open(input)) {
      return new CollectionIndexer(config).index(indexDir, r, ProgressListener.NONE);
    }
  }

  private static List<String> ids(Path indexDir) throws IOException {
    try (Directory d = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(d)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < r.maxDoc(); i++) {
        ids.add(r.storedFields().document(i).get(IndexFields.ID));
      }
      ids.sort(null);
      return ids;
    }
  }

  @Test
  void indexesABeirCorpusAsAFlatIndexAndReports() throws IOException {
    Path corpus = file("corpus.jsonl", beirLine("d1", "Solar power", "Panels convert light.") + beirLine("d2", "Wind", "Turbines spin.")
        + "{\"_id\": \"d3\", \"title\": \"Tides\", \"text\": \"The moon pulls water.\", \"year\": 2020}\n");
    Path indexDir = tmp.resolve("index");
    IndexReport report = index(indexDir, DocumentFormat.BEIR, corpus, IndexConfig.forFormat(DocumentFormat.BEIR));
    assertEquals(3, report.documentsIndexed());
    assertEquals(3, report.documentsInIndex());
    assertFalse(report.elapsed().isNegative());
    try (Bm25Searcher s = Bm25Searcher.open(indexDir)) {
      assertEquals(List.of("d1"), s.search(new Query("q", "solar"), 10).docIds()); // title word, via contents
      assertEquals(List.of("d2"), s.search(new Query("q", "turbine"), 10).docIds()); // text word, via contents
      assertEquals(new Document("d3", Map.of("title", "Tides", "text", "The moon pulls water."), Map.of("year", 2020.0)),
          s.document("d3").orElseThrow());
      assertEquals(List.of("d3"), s.search(SearchRequest.of(new Query("q", "moon"), 10)
          .withFilters(Filter.range("year", 2020, 2020))).ranking().docIds());
    }
  }

  @Test
  void indexesTrecAndAnseriniCollectionsIntoContents() throws IOException {
    Path trec = file("docs.trec", "<DOC>\n<DOCNO>1</DOCNO>\ndigital data storage\n</DOC>\n<DOC>\n<DOCNO>2</DOCNO>\nanalogue computer\n</DOC>\n");
    Path a = tmp.resolve("trec-index");
    assertEquals(2, index(a, DocumentFormat.TREC, trec, IndexConfig.forFormat(DocumentFormat.TREC)).documentsInIndex());
    Path json = file("cacm.json", "{\"id\": \"CACM-1\", \"contents\": \"Preliminary report on algebraic languages\"}\n");
    Path b = tmp.resolve("anserini-index");
    index(b, DocumentFormat.ANSERINI_JSON, json, IndexConfig.forFormat(DocumentFormat.ANSERINI_JSON));
    try (Bm25Searcher s = Bm25Searcher.open(a); Bm25Searcher t = Bm25Searcher.open(b)) {
      assertEquals(List.of("2"), s.search(new Query("q", "computers"), 10).docIds());
      assertEquals(List.of("CACM-1"), t.search(new Query("q", "language"), 10).docIds());
    }
  }

  @Test
  void reportsProgressEveryNDocumentsAndOnceAtTheEnd() throws IOException {
    List<String> calls = new ArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public long interval() {
        return 2;
      }

      @Override
      public void progress(long documents, Duration elapsed) {
        calls.add("progress " + documents + " " + elapsed.toSeconds());
      }

      @Override
      public void done(long documents, Duration elapsed) {
        calls.add("done " + documents + " " + elapsed.toSeconds());
      }
    };
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      docs.add(new Document("d" + i, Map.of("contents", "word " + i)));
    }
    IndexReport report = new CollectionIndexer(IndexConfig.defaults(), DefaultEnglishAnalyzer::new, ticking(), 16)
        .index(tmp.resolve("index"), DocumentReader.of("docs", docs), listener);
    // The clock reads 1 s later at each look: start, after 2 docs, after 4, then at the end.
    assertEquals(List.of("progress 2 1", "progress 4 2", "done 5 3"), calls);
    assertEquals(new IndexReport(5, 5, Duration.ofSeconds(3)), report);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressListener printing = ProgressListener.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3);
    new CollectionIndexer(IndexConfig.defaults(), DefaultEnglishAnalyzer::new, ticking(), 16)
        .index(tmp.resolve("index2"), DocumentReader.of("docs", docs), printing);
    assertEquals("indexed 3 documents in 1.0 s (3 docs/s)\ndone: indexed 5 documents in 2.0 s (3 docs/s)\n",
        bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    assertThrows(IllegalArgumentException.class, () -> ProgressListener.printingTo(System.out, 0));
  }

  @Test
  void malformedLineLeavesTheIndexAsItWas() throws IOException {
    Path indexDir = tmp.resolve("index");
    index(indexDir, DocumentFormat.BEIR, file("first.jsonl", beirLine("a", "apples", "red fruit") + beirLine("b", "bananas", "yellow")),
        IndexConfig.forFormat(DocumentFormat.BEIR));
    // Replaces a, adds c and d, then line 4 is bad JSON. Small RAM buffer or not, nothing may stay.
    Path bad = file("second.jsonl", beirLine("a", "apricots", "orange") + beirLine("c", "cherries", "dark")
        + beirLine("d", "dates", "sweet") + "{\"_id\": \"e\", \"title\": \"broken\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> index(indexDir, DocumentFormat.BEIR, bad, IndexConfig.forFormat(DocumentFormat.BEIR)));
    assertEquals(bad.toString(), e.source());
    assertEquals(4, e.line());
    assertEquals("title", e.field());

    assertEquals(List.of("a", "b"), ids(indexDir));
    try (Bm25Searcher s = Bm25Searcher.open(indexDir)) {
      assertEquals("apples", s.document("a").orElseThrow().field("title"));
      assertEquals(List.of(), s.search(new Query("q", "cherries apricots"), 10).docIds());
    }
  }

  @Test
  void duplicateIdOrRejectedDocumentRollsBackToo() throws IOException {
    Path indexDir = tmp.resolve("index");
    index(indexDir, DocumentFormat.JSON, file("ok.jsonl", "{\"id\": \"x\", \"body\": \"one\"}\n"), IndexConfig.defaults());
    Path dup = file("dup.jsonl", "{\"id\": \"y\", \"body\": \"two\"}\n{\"id\": \"y\", \"body\": \"three\"}\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> index(indexDir, DocumentFormat.JSON, dup, IndexConfig.defaults()));
    assertEquals(2, e.line());
    assertEquals("id", e.field());
    // A document whose field clashes with the layout (text and number of the same name is impossible
    // in JSON, but 'contents' built from title+text clashes with a document's own 'contents').
    Path clash = file("clash.jsonl", "{\"id\": \"z\", \"title\": \"t\"}\n{\"id\": \"w\", \"contents\": \"own\"}\n");
    InputFormatException c = assertThrows(InputFormatException.class,
        () -> index(indexDir, DocumentFormat.JSON, clash, IndexConfig.defaults().withContentsFrom("title")));
    assertEquals(2, c.line());
    assertTrue(c.getMessage().contains("'contents'"), c.getMessage());
    assertEquals(List.of("x"), ids(indexDir));
  }

  @Test
  void failureOnANewDirectoryLeavesNoIndex() throws IOException {
    Path indexDir = tmp.resolve("fresh");
    Path bad = file("bad.jsonl", "{\"id\": \"a\"}\n{\"name\": \"no id\"}\n");
    assertThrows(InputFormatException.class, () -> index(indexDir, DocumentFormat.JSON, bad, IndexConfig.defaults()));
    try (Directory d = FSDirectory.open(indexDir)) {
      assertFalse(DirectoryReader.indexExists(d));
    }
  }

  @Test
  void reindexingReplacesDocumentsById() throws IOException {
    Path indexDir = tmp.resolve("index");
    Path first = file("a.jsonl", "{\"id\": \"a\", \"body\": \"old\"}\n{\"id\": \"b\", \"body\": \"kept\"}\n");
    index(indexDir, DocumentFormat.JSON, first, IndexConfig.defaults());
    IndexReport again = index(indexDir, DocumentFormat.JSON, file("b.jsonl", "{\"id\": \"a\", \"body\": \"new\"}\n"), IndexConfig.defaults());
    assertEquals(1, again.documentsIndexed());
    assertEquals(2, again.documentsInIndex());
    try (Bm25Searcher s = Bm25Searcher.open(indexDir)) {
      assertEquals("new", s.document("a").orElseThrow().field("body"));
      assertEquals(List.of("a"), s.search(SearchRequest.of(new Query("q", "new"), 5).withFields(FieldWeights.of("body"))).ranking().docIds());
      assertEquals(List.of(), s.search(SearchRequest.of(new Query("q", "old"), 5).withFields(FieldWeights.of("body"))).ranking().docIds());
    }
  }

  @Test
  void configurationIsValidated() {
    assertThrows(IllegalArgumentException.class, () -> IndexConfig.defaults().withKeywordFields("id"));
    assertThrows(IllegalArgumentException.class, () -> IndexConfig.defaults().withKeywordFields("contents"));
    assertThrows(IllegalArgumentException.class, () -> IndexConfig.defaults().withKeywordFields("lang").withContentsFrom("title", "lang"));
    assertThrows(IllegalArgumentException.class, () -> IndexConfig.defaults().withContentsFrom("title", "title"));
    assertThrows(IllegalArgumentException.class,
        () -> new CollectionIndexer(IndexConfig.defaults(), DefaultEnglishAnalyzer::new, InstantSource.system(), 0));
    assertThrows(IllegalArgumentException.class,
        () -> IndexFields.toLucene(new Document("a", Map.of("id", "x")), IndexConfig.defaults()));
  }
}
