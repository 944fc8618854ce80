package io.rankstack.index.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrecDocumentReaderTest {

  private static List<Document> read(String content) {
    try (DocumentReader r = new TrecDocumentReader(new BufferedReader(new StringReader(content)), "docs.trec")) {
      return r.stream().toList();
    }
  }

  private static InputFormatException failure(String content) {
    return assertThrows(InputFormatException.class, () -> read(content));
  }

  private static Document doc(String id, String text) {
    return new Document(id, Map.of(TrecDocumentReader.FIELD, text));
  }

  @Test
  void readsNplLayout() {
    String npl = """
        <DOC>
        <DOCNO>1</DOCNO>
        compact memories have flexible capacities  a digital data storage
        system with capacity up to bits
        </DOC>
        <DOC>
        <DOCNO>2</DOCNO>
        an electronic analogue computer
        </DOC>
        """;
    assertEquals(List.of(
        doc("1", "compact memories have flexible capacities  a digital data storage\nsystem with capacity up to bits"),
        doc("2", "an electronic analogue computer")), read(npl));
  }

  @Test
  void readsCacmTopicsLayoutWithSpacedDocnoAndBlankLines() {
    String cacm = """
        <DOC>
        <DOCNO> 1 </DOCNO>


         What articles exist which deal with TSS (Time Sharing System), an
        operating system for IBM computers?

         \s
        </DOC>
        """;
    assertEquals(List.of(doc("1", "What articles exist which deal with TSS (Time Sharing System), an\noperating system for IBM computers?")),
        read(cacm));
  }

  @Test
  void readsBlocksSharingALineAndStripsOtherTags() {
    String s = "<DOC><DOCNO>a</DOCNO> one </DOC><doc><docno>b</docno><TEXT>two <B>bold</B></TEXT></doc>\n\n";
    List<Document> docs = read(s);
    assertEquals(2, docs.size());
    assertEquals(doc("a", "one"), docs.get(0));
    assertEquals("b", docs.get(1).id());
    assertEquals(List.of("two", "bold"), List.of(docs.get(1).field("contents").trim().split("\\s+")));
  }

  @Test
  void unterminatedDocAtEndOfFileNamesTheOpeningLine() {
    InputFormatException e = failure("<DOC>\n<DOCNO>1</DOCNO>\ntext\n</DOC>\n<DOC>\n<DOCNO>2</DOCNO>\nmore text\n");
    assertEquals("docs.trec", e.source());
    assertEquals(5, e.line());
    assertEquals("DOC", e.field());
    assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
  }

  @Test
  void unterminatedDocBeforeTheNextDocIsReportedAtOnce() {
    InputFormatException e = failure("<DOC>\n<DOCNO>1</DOCNO>\ntext\n<DOC>\n<DOCNO>2</DOCNO>\n</DOC>\n");
    assertEquals(1, e.line());
    assertEquals("DOC", e.field());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void missingEmptyOrRepeatedDocnoIsAnError() {
    InputFormatException missing = failure("<DOC>\nno number\n</DOC>\n");
    assertEquals(1, missing.line());
    assertEquals("DOCNO", missing.field());
    InputFormatException empty = failure("<DOC>\n\n<DOCNO> </DOCNO>\n</DOC>\n");
    assertEquals(3, empty.line());
    assertEquals("DOCNO", empty.field());
    InputFormatException twice = failure("<DOC>\n<DOCNO>1</DOCNO>\n<DOCNO>2</DOCNO>\n</DOC>\n");
    assertEquals(3, twice.line());
    assertEquals("DOCNO", twice.field());
  }

  @Test
  void duplicateIdNamesTheSecondDocno() {
    InputFormatException e = failure("<DOC>\n<DOCNO>7</DOCNO>\nx\n</DOC>\n<DOC>\n<DOCNO>7</DOCNO>\ny\n</DOC>\n");
    assertEquals(6, e.line());
    assertEquals("DOCNO", e.field());
  }

  @Test
  void textOutsideDocIsAnError() {
    InputFormatException e = failure("<DOC>\n<DOCNO>1</DOCNO>\n</DOC>\nstray words\n");
    assertEquals(4, e.line());
    assertEquals("DOC", e.field());
  }
}
