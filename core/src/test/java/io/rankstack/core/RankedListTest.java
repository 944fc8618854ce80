package io.rankstack.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankedListTest {
  @Test
  void sortsByScoreThenDocIdAscending() {
    RankedList l = RankedList.sortedByScore("q", List.of(
        new Candidate("b", 1.0), new Candidate("a", 1.0), new Candidate("c", 3.0), new Candidate("n", Double.NaN)));
    assertEquals(List.of("c", "a", "b", "n"), l.docIds());
    assertEquals("a", l.atRank(2).docId());
    assertEquals(List.of("c", "a"), l.top(2).docIds());
  }

  @Test
  void rejectsDuplicateDocuments() {
    assertThrows(IllegalArgumentException.class,
        () -> new RankedList("q", List.of(new Candidate("a", 1), new Candidate("a", 2))));
  }

  @Test
  void candidateFeaturesAreCopied() {
    float[] f = {1f, 2f};
    Candidate c = new Candidate("d", 0.5, f);
    f[0] = 9f;
    assertArrayEquals(new float[] {1f, 2f}, c.features());
    c.features()[1] = 7f;
    assertEquals(2f, c.feature(1));
    assertEquals(new Candidate("d", 0.5, new float[] {1f, 2f}), c);
  }
}
