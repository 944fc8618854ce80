package io.rankstack.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The English analyzer used for every text field and for query text: the same chain as Anserini's
 * default ({@code io.anserini.analysis.DefaultEnglishAnalyzer.newDefaultInstance()}), so BM25 runs
 * reproduce Anserini's published figures.
 *
 * <p>The chain, in order:
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode text segmentation (UAX #29) word boundaries;
 *   <li>{@link EnglishPossessiveFilter}: removes a trailing {@code 's} ("John's" becomes "John");
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link StopFilter} with Lucene's {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET} (33 words:
 *       "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
 *       "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
 *       "these", "they", "this", "to", "was", "will", "with");
 *   <li>{@link PorterStemFilter}: the Porter (1980) stemmer.
 * </ol>
 * Unlike Lucene's own {@link EnglishAnalyzer}, there is no stem-exclusion set. Example: "The Running
 * Dogs' houses" analyses to {@code [run, dog, hous]}.
 *
 * <p>Like every Lucene analyzer, an instance is thread-safe (it reuses token streams per thread) and
 * should be closed when no longer needed.
 */
public final class DefaultEnglishAnalyzer extends StopwordAnalyzerBase {

  /** An analyzer with Lucene's English stop words and Porter stemming. */
  public DefaultEnglishAnalyzer() {
    super(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  /** An analyzer with other stop words (use {@link CharArraySet#EMPTY_SET} to keep every word). */
  public DefaultEnglishAnalyzer(CharArraySet stopwords) {
    super(stopwords);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, stopwords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /**
   * The terms {@code analyzer} produces for {@code text} in {@code field}, in order, repeats kept.
   */
  public static List<String> analyze(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      // A StringReader does not fail; an analyzer that does is a programming error.
      throw new UncheckedIOException("cannot analyse text: " + e.getMessage(), e);
    }
    return terms;
  }
}
