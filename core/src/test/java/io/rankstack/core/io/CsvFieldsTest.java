package io.rankstack.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {
  @Test
  void plainFieldsKeepEmptyOnesAtBothEnds() {
    assertEquals(List.of("", "a", "", "b", ""), CsvFields.split(",a,,b,", ',', "f.csv", 1));
  }

  @Test
  void quotedFieldsMayHoldTheDelimiterAndDoubledQuotes() {
    assertEquals(List.of("1", "Heat, the \"film\"", "x"),
        CsvFields.split("1,\"Heat, the \"\"film\"\"\",x", ',', "f.csv", 1));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsACharacter() {
    assertEquals(List.of("Dr. \"Strangelove\"", "1964"), CsvFields.split("Dr. \"Strangelove\",1964", ',', "f.csv", 1));
  }

  @Test
  void otherDelimiters() {
    assertEquals(List.of("a", "b c", "d"), CsvFields.split("a\tb c\td", '\t', "f.tsv", 1));
  }

  @Test
  void anUnterminatedQuoteNamesFileAndLine() {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> CsvFields.split("1,\"open", ',', "movies.csv", 7));
    assertTrue(e.getMessage().contains("movies.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("7"), e.getMessage());
    assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
  }
}
