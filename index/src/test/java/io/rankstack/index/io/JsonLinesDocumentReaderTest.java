package io.rankstack.index.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesDocumentReaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static List<Document> readAll(DocumentFormat format, Path p) {
    try (DocumentReader r = format.open(p)) {
      return r.stream().toList();
    }
  }

  private static InputFormatException failure(DocumentFormat format, Path p) {
    return assertThrows(InputFormatException.class, () -> readAll(format, p));
  }

  private static void assertFault(InputFormatException e, Path p, long line, String field) {
    assertEquals(p.toString(), e.source(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
  }

  @Test
  void readsBeirCorpusWithExtraStringAndNumberFields() throws IOException {
    Path p = file("corpus.jsonl", """
        {"_id": "d1", "title": "A title", "text": "Some text.", "metadata": {"url": "x"}, "year": 2019, "score": 0.5}

        {"_id": "d2", "title": "", "text": "Other \\"quoted\\" text", "source": "pubmed", "tags": ["a"], "ok": true, "none": null}
        """);
    List<Document> docs = readAll(DocumentFormat.BEIR, p);
    assertEquals(2, docs.size());
    assertEquals(new Document("d1", Map.of("title", "A title", "text", "Some text."), Map.of("year", 2019.0, "score", 0.5)), docs.get(0));
    assertEquals(new Document("d2", Map.of("title", "", "text", "Other \"quoted\" text", "source", "pubmed")), docs.get(1));
  }

  @Test
  void readsAnseriniJsonAndPlainJson() throws IOException {
    Path a = file("cacm.json", "{\"id\": \"CACM-1\", \"contents\": \"Preliminary Report\\n\"}\n");
    assertEquals(List.of(new Document("CACM-1", Map.of("contents", "Preliminary Report\n"))), readAll(DocumentFormat.ANSERINI_JSON, a));
    Path j = file("docs.jsonl", "{\"id\": \"p1\", \"name\": \"lamp\", \"price\": 12}\n{\"id\": \"p2\"}\n");
    assertEquals(List.of(new Document("p1", Map.of("name", "lamp"), Map.of("price", 12.0)), new Document("p2", Map.of())),
        readAll(DocumentFormat.JSON, j));
  }

  @Test
  void streamsLazilyAndReportsLineNumbers() throws IOException {
    Path p = file("c.jsonl", "\n{\"_id\": \"a\", \"text\": \"x\"}\n{\"_id\": \"b\", \"text\": \"y\"}\nnot json\n");
    try (DocumentReader r = DocumentFormat.BEIR.open(p)) {
      assertEquals(0, r.lineNumber());
      assertEquals("a", r.next().id());
      assertEquals(2, r.lineNumber());
      assertEquals("b", r.next().id());
      InputFormatException e = assertThrows(InputFormatException.class, r::hasNext);
      assertFault(e, p, 4, null);
    }
  }

  @Test
  void readsGzipAndDropsByteOrderMark() throws IOException {
    Path p = dir.resolve("c.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write("\uFEFF{\"_id\": \"a\", \"text\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of(new Document("a", Map.of("text", "x"))), readAll(DocumentFormat.BEIR, p));
  }

  @Test
  void badJsonNamesFileLineAndField() throws IOException {
    Path p = file("c.jsonl", "{\"_id\": \"a\", \"text\": \"x\"}\n{\"_id\": \"b\", \"text\": \"unterminated}\n");
    assertFault(failure(DocumentFormat.BEIR, p), p, 2, "text");
  }

  @Test
  void notAnObjectAndTrailingContentAreErrors() throws IOException {
    Path p = file("c.jsonl", "[1, 2]\n");
    assertFault(failure(DocumentFormat.JSON, p), p, 1, null);
    Path q = file("d.jsonl", "{\"id\": \"a\"} {\"id\": \"b\"}\n");
    assertFault(failure(DocumentFormat.JSON, q), q, 1, null);
  }

  @Test
  void missingBlankOrNonStringIdIsAnError() throws IOException {
    Path p = file("c.jsonl", "{\"_id\": \"a\", \"text\": \"x\"}\n{\"title\": \"t\", \"text\": \"x\"}\n");
    assertFault(failure(DocumentFormat.BEIR, p), p, 2, "_id");
    Path q = file("d.jsonl", "{\"id\": \" \", \"contents\": \"x\"}\n");
    assertFault(failure(DocumentFormat.ANSERINI_JSON, q), q, 1, "id");
    Path n = file("e.jsonl", "{\"id\": 7}\n");
    InputFormatException e = failure(DocumentFormat.JSON, n);
    assertFault(e, n, 1, "id");
    assertTrue(e.getMessage().contains("string"), e.getMessage());
  }

  @Test
  void missingRequiredFieldIsAnError() throws IOException {
    Path p = file("c.jsonl", "{\"_id\": \"a\", \"title\": \"no text\"}\n");
    assertFault(failure(DocumentFormat.BEIR, p), p, 1, "text");
    Path q = file("d.jsonl", "{\"id\": \"a\", \"text\": \"no contents\"}\n");
    assertFault(failure(DocumentFormat.ANSERINI_JSON, q), q, 1, "contents");
  }

  @Test
  void duplicateIdIsAnErrorOnTheSecondLine() throws IOException {
    Path p = file("c.jsonl", "{\"_id\": \"a\", \"text\": \"x\"}\n{\"_id\": \"b\", \"text\": \"y\"}\n\n{\"_id\": \"a\", \"text\": \"z\"}\n");
    InputFormatException e = failure(DocumentFormat.BEIR, p);
    assertFault(e, p, 4, "_id");
    assertTrue(e.getMessage().contains("duplicate id 'a'"), e.getMessage());
  }

  @Test
  void duplicateMemberIsAnError() throws IOException {
    Path p = file("c.jsonl", "{\"id\": \"a\", \"name\": \"x\", \"name\": \"y\"}\n");
    assertFault(failure(DocumentFormat.JSON, p), p, 1, "name");
  }

  @Test
  void inMemoryDocumentsAreCheckedForDuplicates() {
    List<Document> docs = List.of(new Document("a", Map.of()), new Document("b", Map.of()), new Document("a", Map.of()));
    try (DocumentReader r = DocumentReader.of("batch", docs)) {
      assertEquals("a", r.next().id());
      assertEquals("b", r.next().id());
      InputFormatException e = assertThrows(InputFormatException.class, r::next);
      assertEquals(3, e.line());
      assertEquals("batch", e.source());
    }
  }

  @Test
  void closedReaderRefusesToRead() throws IOException {
    Path p = file("c.jsonl", "{\"id\": \"a\"}\n");
    DocumentReader r = DocumentFormat.JSON.open(p);
    r.close();
    r.close();
    assertThrows(IllegalStateException.class, r::hasNext);
    assertFalse(DocumentFormat.JSON.open(file("empty.jsonl", "\n\n")).hasNext());
  }

  @Test
  void formatNamesParse() {
    assertEquals(DocumentFormat.ANSERINI_JSON, DocumentFormat.parse("anserini-json"));
    assertEquals(DocumentFormat.TREC, DocumentFormat.parse(" trec "));
    assertThrows(IllegalArgumentException.class, () -> DocumentFormat.parse("xml"));
  }
}
