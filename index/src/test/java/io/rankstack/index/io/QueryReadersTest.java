package io.rankstack.index.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryReadersTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path p = dir.resolve("queries.txt");
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private void assertFault(QueryFormat format, String content, long line, String field) throws IOException {
    Path p = file(content);
    InputFormatException e = assertThrows(InputFormatException.class, () -> format.readAll(p));
    assertEquals(p.toString(), e.source(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void readsBeirQueries() throws IOException {
    Path p = file("""
        {"_id": "0", "text": "0-dimensional biomaterials lack inductive properties.", "metadata": {}}
        {"_id": "2", "text": "1 in 5 million in UK have abnormal PrP positivity."}
        """);
    assertEquals(List.of(new Query("0", "0-dimensional biomaterials lack inductive properties."),
        new Query("2", "1 in 5 million in UK have abnormal PrP positivity.")), QueryFormat.BEIR.readAll(p));
  }

  @Test
  void beirQueryFaults() throws IOException {
    assertFault(QueryFormat.BEIR, "{\"_id\": \"1\", \"text\": \"a\"}\n{\"text\": \"b\"}\n", 2, "_id");
    assertFault(QueryFormat.BEIR, "{\"_id\": \"1\"}\n", 1, "text");
    assertFault(QueryFormat.BEIR, "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"1\", \"text\": \"b\"}\n", 2, "_id");
    assertFault(QueryFormat.BEIR, "{\"_id\": \"1\", \"text\": \"a\"\n", 1, "text");
  }

  @Test
  void readsTrecTopicsInNplLayout() throws IOException {
    Path p = file("""
        <top>
        <num>1</num><title>
        MEASUREMENT OF DIELECTRIC CONSTANT OF LIQUIDS BY THE USE OF MICROWAVE TECHNIQUES
        </title>
        </top>
        <top>
        <num>2</num><title>
        MATHEMATICAL ANALYSIS
        AND DESIGN
        </title>
        </top>
        """);
    assertEquals(List.of(new Query("1", "MEASUREMENT OF DIELECTRIC CONSTANT OF LIQUIDS BY THE USE OF MICROWAVE TECHNIQUES"),
        new Query("2", "MATHEMATICAL ANALYSIS AND DESIGN")), QueryFormat.TREC.readAll(p));
  }

  @Test
  void readsClassicTrecTopicsWithoutClosingTags() throws IOException {
    Path p = file("""

        <top>

        <num> Number: 301
        <title> International Organized Crime

        <desc> Description:
        Identify organizations that participate in international criminal activity.

        <narr> Narrative:
        A relevant document must as a minimum identify the organization.
        </top>
        """);
    assertEquals(List.of(new Query("301", "International Organized Crime")), QueryFormat.TREC.readAll(p));
  }

  @Test
  void readsCacmTopicsAsDocBlocks() throws IOException {
    Path p = file("""
        <DOC>
        <DOCNO> 1 </DOCNO>


         What articles exist which deal with TSS (Time Sharing System), an
        operating system for IBM computers?

        </DOC>
        <DOC>
        <DOCNO> 2 </DOCNO>
         I am interested in articles written either by Prieve or Udo Pooch

        Prieve, B.
        Pooch, U.
        </DOC>
        """);
    assertEquals(List.of(
        new Query("1", "What articles exist which deal with TSS (Time Sharing System), an operating system for IBM computers?"),
        new Query("2", "I am interested in articles written either by Prieve or Udo Pooch Prieve, B. Pooch, U.")),
        QueryFormat.TREC.readAll(p));
  }

  @Test
  void trecTopicFaults() throws IOException {
    assertFault(QueryFormat.TREC, "<top>\n<title> no number\n</top>\n", 1, "num");
    assertFault(QueryFormat.TREC, "<top>\n<num>1</num>\n<desc> no title\n</top>\n", 1, "title");
    assertFault(QueryFormat.TREC, "<top>\n<num>1</num><title>a</title>\n</top>\n<top>\n<num>2</num><title>b</title>\n", 4, "top");
    assertFault(QueryFormat.TREC, "<top>\n<num>1</num><title>a</title>\n</top>\n<top>\n\n<num>1</num><title>b</title>\n</top>\n", 6, "num");
    assertFault(QueryFormat.TREC, "<DOC>\n<DOCNO>1</DOCNO> a\n", 1, "DOC");
    assertFault(QueryFormat.TREC, "\nplain text\n", 2, null);
  }

  @Test
  void readsTabSeparatedQueries() throws IOException {
    Path p = file("1\twhat is bm25\n\n2\ttabs\tinside text \n");
    assertEquals(List.of(new Query("1", "what is bm25"), new Query("2", "tabs\tinside text")), QueryFormat.TSV.readAll(p));
  }

  @Test
  void tabSeparatedFaults() throws IOException {
    assertFault(QueryFormat.TSV, "1\tok\nno tab here\n", 2, "text");
    assertFault(QueryFormat.TSV, "\tno id\n", 1, "id");
    assertFault(QueryFormat.TSV, "1\ta\n1\tb\n", 2, "id");
  }
}
