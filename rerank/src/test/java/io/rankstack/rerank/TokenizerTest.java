package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tok = Tokenizer.build(List.of("the cell the cell", "The protein, the DNA.", "cell"), 2, 100, 50);

  @Test
  void vocabularyIsFrequentWordsMostFrequentFirst() {
    // counts: the 4, cell 3, protein 1, dna 1 → minCount 2 keeps the, cell
    assertEquals(List.of("the", "cell"), tok.vocabulary());
    assertEquals(3 + 2 + 50, tok.idCount());
  }

  @Test
  void wordsAreLowerCasedAndSplitAtNonAlphanumerics() {
    assertEquals(List.of("il", "6", "β", "cells"), Tokenizer.words("IL-6 β-cells!"));
  }

  @Test
  void knownWordsAreOneTokenUnknownWordsHashedPieces() {
    List<Integer> ids = tok.tokenIds("The cell hydroxylase");
    assertEquals(3, ids.get(0));
    assertEquals(4, ids.get(1));
    // "hydroxylase" → "^hydr", "oxyl", "ase": three bucket ids in [5, 55)
    assertEquals(5, ids.size());
    assertEquals(tok.bucketId("^hydr"), ids.get(2));
    assertEquals(tok.bucketId("oxyl"), ids.get(3));
    assertEquals(tok.bucketId("ase"), ids.get(4));
    for (int i = 2; i < 5; i++) {
      assertTrue(ids.get(i) >= 5 && ids.get(i) < 55);
    }
    // at most three pieces per word
    assertEquals(3, tok.tokenIds("abcdefghijklmnopqrstuvwxyz").size());
    // FNV-1a of "a" (known value 0xe40c292c)
    assertEquals(0xe40c292c, Tokenizer.fnv1a("a"));
    assertNotEquals(tok.bucketId("^abc"), tok.bucketId("abc"), "word-start pieces differ from inner ones (here)");
  }

  @Test
  void pairLayoutAndTruncation() {
    EncodedPair p = tok.encodePair("the cell cell", "the the the the the the the", 8, 2);
    // [CLS] the cell [SEP] the the the [SEP]: query cut to 2, document to 8 - 3 - 2 = 3
    assertArrayEquals(new int[] {1, 3, 4, 2, 3, 3, 3, 2}, p.tokens());
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, p.types());
  }
}
