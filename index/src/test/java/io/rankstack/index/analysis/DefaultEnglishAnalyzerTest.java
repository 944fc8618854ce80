package io.rankstack.index.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

class DefaultEnglishAnalyzerTest {

  private static List<String> analyze(String text) {
    try (DefaultEnglishAnalyzer a = new DefaultEnglishAnalyzer()) {
      return DefaultEnglishAnalyzer.analyze(a, "contents", text);
    }
  }

  @Test
  void knownAnswers() {
    // "The" is a stop word; lower-cased; Porter stems running→run, dogs→dog, houses→hous.
    assertEquals(List.of("run", "dog", "hous"), analyze("The Running Dogs' houses"));
    // EnglishPossessiveFilter removes 's before lower-casing and stemming.
    assertEquals(List.of("john", "car", "jame", "book"), analyze("John's cars and JAMES'S books"));
    // StandardTokenizer keeps numbers and splits on punctuation; the stop set is Lucene's 33 words.
    assertEquals(List.of("0", "dimension", "biomateri", "lack", "induct", "properti"),
        analyze("0-dimensional biomaterials lack inductive properties."));
    assertEquals(List.of(), analyze("To be, or not to be: that is the..."));
    assertEquals(List.of("e.g", "u.", "3.14", "c"), analyze("e.g. U.S. 3.14 C++"));
  }

  @Test
  void customStopWordsCanBeEmpty() {
    try (DefaultEnglishAnalyzer a = new DefaultEnglishAnalyzer(CharArraySet.EMPTY_SET)) {
      assertEquals(List.of("the", "run", "dog"), DefaultEnglishAnalyzer.analyze(a, "f", "The running dogs"));
    }
  }
}
