package io.rankstack.server.search;

import io.rankstack.index.IndexFields;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Highlighted snippets with Lucene's highlighter: the stored text is re-analysed with the index's
 * analyzer and the query's terms (of the {@code contents} field, which every text field feeds) are
 * wrapped in {@code <mark>}. Everything else is HTML-escaped, so a snippet is safe to insert as HTML.
 */
public final class Snippets {
  private static final int FRAGMENT_CHARS = 160;
  private final Analyzer analyzer;

  public Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The best fragment of {@code text} for {@code query}, or the escaped start of the text when no term matches. */
  public String snippet(Query query, String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();
    Highlighter h = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), encoder,
        new QueryScorer(query, IndexFields.CONTENTS));
    h.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
    try (TokenStream ts = analyzer.tokenStream(IndexFields.CONTENTS, text)) {
      String best = h.getBestFragment(ts, text);
      if (best != null) {
        return best;
      }
    } catch (IOException | InvalidTokenOffsetsException e) {
      // fall through to the plain start of the text
    }
    String start = text.length() <= FRAGMENT_CHARS ? text : text.substring(0, FRAGMENT_CHARS) + "…";
    return encoder.encodeText(start);
  }
}
