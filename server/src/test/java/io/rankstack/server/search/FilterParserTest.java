package io.rankstack.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.index.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {
  @Test
  void parsesEveryForm() {
    assertEquals(List.of(Filter.term("lang", "en"), Filter.range("year", 1990, 2000), Filter.atLeast("price", 2.5),
        Filter.atMost("price", 10)), FilterParser.parse(List.of("lang=en", "year=1990..2000", "price>=2.5", "price<=10"), 8));
    assertEquals(List.of(), FilterParser.parse(null, 8));
  }

  @Test
  void rejectsWithTheReason() {
    assertTrue(assertThrows(BadRequestException.class, () -> FilterParser.parse(List.of("year=2000..1990"), 8))
        .getMessage().contains("above max"));
    assertTrue(assertThrows(BadRequestException.class, () -> FilterParser.parse(List.of("=x"), 8))
        .getMessage().contains("no field"));
    assertTrue(assertThrows(BadRequestException.class, () -> FilterParser.parse(List.of("a b=x"), 8))
        .getMessage().contains("not a field name"));
    assertTrue(assertThrows(BadRequestException.class, () -> FilterParser.parse(List.of("p>=NaN"), 8))
        .getMessage().contains("finite number"));
    assertTrue(assertThrows(BadRequestException.class, () -> FilterParser.parse(List.of("a=1", "b=2"), 1))
        .getMessage().contains("at most 1"));
  }
}
