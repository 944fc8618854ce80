package io.rankstack.server.search;

import io.rankstack.core.Candidate;
import io.rankstack.core.Document;
import io.rankstack.index.Bm25Searcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the shown candidates into response items: stored title, highlighted snippet, explanation. */
public final class ResponseItems {
  private final Collection collection;

  public ResponseItems(Collection collection) {
    this.collection = collection;
  }

  /**
   * @param highlight   the Lucene query whose terms are marked, or null for plain snippets
   * @param teams       experiment team per item, or null
   * @param sources     candidate source per item (recommendations), or null
   * @param stageScores per stage, scores by document (explain only)
   */
  public List<SearchResponse.Item> build(Bm25Searcher searcher, org.apache.lucene.search.Query highlight,
                                         List<Candidate> shown, List<String> teams, List<String> sources, boolean explain,
                                         Map<String, Map<String, Double>> stageScores) {
    Snippets snippets = new Snippets(searcher.analyzer());
    List<String> names = explain ? collection.features(searcher).names() : List.of();
    List<SearchResponse.Item> items = new ArrayList<>(shown.size());
    for (int i = 0; i < shown.size(); i++) {
      Candidate c = shown.get(i);
      Document d = searcher.document(c.docId()).orElse(null);
      String title = d == null ? "" : d.field("title");
      String text = d == null ? "" : d.field("text");
      if (text.isEmpty() && d != null) {
        text = d.field("contents");
      }
      String snippet = highlight == null ? snippets.snippet(new org.apache.lucene.search.MatchNoDocsQuery(), text)
          : snippets.snippet(highlight, text);
      SearchResponse.Explain ex = null;
      if (explain) {
        Map<String, Float> f = new LinkedHashMap<>();
        if (c.featureCount() == names.size()) {
          for (int j = 0; j < names.size(); j++) {
            f.put(names.get(j), c.feature(j));
          }
        }
        Map<String, Double> s = new LinkedHashMap<>();
        stageScores.forEach((stage, scores) -> {
          Double v = scores.get(c.docId());
          if (v != null) {
            s.put(stage, v);
          }
        });
        ex = new SearchResponse.Explain(f, s);
      }
      items.add(new SearchResponse.Item(i + 1, c.docId(), Double.isNaN(c.score()) ? 0 : c.score(), title, snippet,
          teams == null ? null : teams.get(i), sources == null ? null : sources.get(i), ex));
    }
    return items;
  }
}
