package io.rankstack.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineSourceTest {
  private static LineSource of(String text) {
    return new LineSource(new BufferedReader(new StringReader(text)), "f.csv");
  }

  @Test
  void numbersLinesSkipsBlankOnesAndDropsAByteOrderMark() {
    LineSource s = of("\uFEFFa,b\n\n  \nx,y\n");
    s.requireHeader("a,b");
    assertEquals("x,y", s.readNonBlankLine());
    assertEquals(4, s.lineNumber(), "blank lines count");
    assertNull(s.readNonBlankLine());
  }

  @Test
  void aMissingOrOtherHeaderIsAnErrorAtLineOne() {
    InputFormatException e = assertThrows(InputFormatException.class, () -> of("a,c\n").requireHeader("a,b"));
    assertEquals("f.csv", e.source());
    assertEquals(1, e.line());
    assertTrue(e.getMessage().endsWith("expected the header 'a,b'"), e.getMessage());
    assertThrows(InputFormatException.class, () -> of("").requireHeader("a,b"));
    of(" a,b \n").requireHeader("a,b"); // surrounding blanks are fine
  }
}
